"""Clean a day of temperature readings: flag gaps, fill them, clip spikes, standardize.

Cannot run unchanged with tbridge: ``np.arange(48) / 2.0`` goes through torch's ``/``
operator, which gives float32 (torch's default dtype) for an int64 tensor and a Python
float, where NumPy gives float64 (tbridge never changes torch's global default dtype).
"""

from __future__ import annotations

from typing import Any


def run(np: Any) -> dict[str, object]:
    hours = np.arange(48) / 2.0
    temps = 15.0 + 8.0 * np.sin((hours - 9.0) / 24.0 * 2 * np.pi)
    # The logger dropped some readings and recorded two spikes.
    temps = np.where((hours > 6.0) & (hours < 7.5), np.nan, temps)
    temps = np.where(hours == 13.0, 99.0, temps)
    temps = np.where(hours == 20.5, -40.0, temps)

    missing = np.isnan(temps)
    fill = np.nanmean(temps)
    filled = np.where(missing, fill, temps)
    clipped = np.clip(filled, 0.0, 35.0)
    z = (clipped - np.mean(clipped)) / np.std(clipped)
    return {
        "n_missing": np.sum(missing),
        "fill_value": fill,
        "clipped": clipped,
        "zscores": z,
        "max_abs_z": np.max(np.abs(z)),
    }

"""Find the dominant frequencies of a sampled signal with the real FFT.

Cannot run unchanged with tbridge: ``signal.size`` is the element count on an ndarray but a
method on torch.Tensor (``signal.numel()``; ``np.size(signal)`` would be portable).
"""

from __future__ import annotations

from typing import Any


def run(np: Any) -> dict[str, object]:
    rate = 256.0
    t = np.arange(512) / rate
    signal = 2.0 * np.sin(2 * np.pi * 12.0 * t) + 0.7 * np.sin(2 * np.pi * 40.0 * t) + 0.25
    spectrum = np.fft.rfft(signal)
    freqs = np.fft.rfftfreq(signal.size, d=1.0 / rate)
    power = np.abs(spectrum) ** 2
    top = np.argsort(power)[-3:]
    return {
        "freqs_of_peaks": np.sort(freqs[top]),
        "dc": np.real(spectrum[0]) / len(signal),
        "power_total": np.sum(power),
        "roundtrip": np.fft.irfft(spectrum, n=len(signal)),
    }

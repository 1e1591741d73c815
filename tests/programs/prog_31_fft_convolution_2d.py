"""Blur an image by multiplying spectra (circular 2-d convolution through the FFT)."""

from __future__ import annotations

from typing import Any


def run(np: Any) -> dict[str, object]:
    image = np.zeros((16, 16))
    image[5:11, 3:13] = 1.0
    kernel = np.zeros((16, 16))
    kernel[:3, :3] = 1.0 / 9.0
    kernel = np.roll(kernel, (-1, -1), axis=(0, 1))
    blurred = np.real(np.fft.ifft2(np.fft.fft2(image) * np.fft.fft2(kernel)))
    return {
        "blurred": blurred,
        "mass_kept": np.isclose(np.sum(blurred), np.sum(image)),
        "centered_spectrum_peak": np.unravel_index(
            np.argmax(np.abs(np.fft.fftshift(np.fft.fft2(image)))), image.shape
        ),
    }

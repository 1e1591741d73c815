"""NumPy's FFT names beyond the standard (tbridge.fft re-exports them).

Fft2, ifft2, rfft2, irfft2, ...
"""

from __future__ import annotations

__all__: list[str] = []

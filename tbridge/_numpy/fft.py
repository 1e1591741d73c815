"""NumPy's FFT names beyond the standard (``tbridge.fft`` re-exports them).

``fft2``, ``ifft2``, ``rfft2``, ``irfft2``: the n-dimensional transforms over the last two
axes by default, built by the same factory as ``fftn`` and its family
(:func:`tbridge._namespace.fft._n_dimensional`), so they take input, dtypes and bad
arguments exactly as those do. ``tbridge.fft`` now has every function of ``numpy.fft``.

Memory and autograd: every result is new memory (``out``'s when given); transforms of
floating input stay on the autograd graph.
"""

from __future__ import annotations

from typing import Final

import torch

from tbridge._namespace.fft import NDimensional, _n_dimensional

__all__ = ["fft2", "ifft2", "irfft2", "rfft2"]

_LAST_TWO: Final = (-2, -1)

_NOTES: Final = """
    ``axes`` are the transformed axes (the last two by default; any number may be given);
    ``s`` crops or zero-pads each of them first (``-1`` keeps an axis's size). ``norm``
    scales the inverse transform by ``1/prod(s)`` (``"backward"``, the default; None means the
    same), ``1/sqrt(prod(s))`` (``"ortho"``) or not at all (``"forward"``). ``out`` receives
    the result (NumPy's ``same_kind`` rule). Integers and bool are transformed in the default
    float, half precision in float32.

    Memory and autograd: new memory (``out``'s when given), on ``x``'s autograd graph.

    Raises
    ------
    ValueError
        For sizes below 1 (other than -1), ``s`` and ``axes`` of different lengths, a
        repeated axis, or an unknown ``norm``.
    numpy.exceptions.AxisError
        For an axis out of bounds (a 1-D ``x`` with the default axes included).{raises}
"""

fft2: Final[NDimensional] = _n_dimensional(
    torch.fft.fft2,
    "fft2",
    real_input=False,
    real_output=False,
    default_axes=_LAST_TWO,
    doc="""The two-dimensional discrete Fourier transform over ``axes``.
"""
    + _NOTES.format(raises="")
    + """
    Examples
    --------
    >>> import tbridge as tb
    >>> tb.fft.fft2([[1.0, 2.0], [3.0, 4.0]])
    tensor([[10.+0.j, -2.+0.j],
            [-4.+0.j,  0.+0.j]], dtype=torch.complex128)
    """,
)
ifft2: Final[NDimensional] = _n_dimensional(
    torch.fft.ifft2,
    "ifft2",
    real_input=False,
    real_output=False,
    default_axes=_LAST_TWO,
    doc="""The two-dimensional inverse discrete Fourier transform over ``axes``.
"""
    + _NOTES.format(raises="")
    + """
    Examples
    --------
    >>> import tbridge as tb
    >>> tb.fft.ifft2([[10.0, -2.0], [-4.0, 0.0]])
    tensor([[1.+0.j, 2.+0.j],
            [3.+0.j, 4.+0.j]], dtype=torch.complex128)
    """,
)
rfft2: Final[NDimensional] = _n_dimensional(
    torch.fft.rfft2,
    "rfft2",
    real_input=True,
    real_output=False,
    default_axes=_LAST_TWO,
    doc="""The two-dimensional transform of real input; the last transformed axis keeps its
    ``s[-1] // 2 + 1`` non-negative frequencies.
"""
    + _NOTES.format(
        raises="""
    TypeError
        For complex input."""
    )
    + """
    Examples
    --------
    >>> import tbridge as tb
    >>> tb.fft.rfft2([[1.0, 2.0], [3.0, 4.0]])
    tensor([[10.+0.j, -2.+0.j],
            [-4.+0.j,  0.+0.j]], dtype=torch.complex128)
    """,
)
irfft2: Final[NDimensional] = _n_dimensional(
    torch.fft.irfft2,
    "irfft2",
    real_input=False,
    real_output=True,
    default_axes=_LAST_TWO,
    doc="""The inverse of :func:`rfft2`: a real result whose last transformed axis has length
    ``2 * (m - 1)`` unless ``s`` says otherwise.
"""
    + _NOTES.format(raises="")
    + """
    Examples
    --------
    >>> import tbridge as tb
    >>> tb.fft.irfft2([[10.0, -2.0], [-4.0, 0.0]])
    tensor([[1., 2.],
            [3., 4.]], dtype=torch.float64)
    """,
)

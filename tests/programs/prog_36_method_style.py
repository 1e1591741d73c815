"""Array methods the way much NumPy code is written (x.sum(), x.reshape(...), x.astype(...)).

Cannot run unchanged with tbridge: tensors are torch.Tensor, whose methods differ from
ndarray's: ``x.astype`` does not exist, ``x.copy()`` does not exist (torch: ``clone``),
``x.std()`` is the sample std (ddof=1) where NumPy's is ddof=0, ``x.size`` is a method, not
the element count, and ``x[::-1]`` (negative steps) is refused by torch.
"""

from __future__ import annotations

from typing import Any


def run(np: Any) -> dict[str, object]:
    x = np.arange(12).reshape(3, 4).astype(np.float64)
    y = x.copy()
    y[0, 0] = 100.0
    return {
        "sum": x.sum(),
        "col_mean": x.mean(axis=0),
        "std": x.std(),
        "size": x.size,
        "reversed": x[::-1],
        "flat": x.ravel(),
        "x_untouched": x[0, 0],
        "y_max": y.max(),
        "cumsum": x.cumsum(axis=1),
    }

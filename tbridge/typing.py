"""Type aliases for code that calls tbridge: annotate your own functions with them.

>>> import torch
>>> import tbridge as tb
>>> from tbridge.typing import ArrayLike, DTypeLike
>>> def standardize(x: ArrayLike, dtype: DTypeLike = "float64") -> torch.Tensor:
...     t = tb.asarray(x, dtype=dtype)
...     return (t - tb.mean(t)) / tb.std(t)
>>> standardize([1, 2, 3]).tolist()
[-1.224744871391589, 0.0, 1.224744871391589]

Each alias admits what tbridge accepts at run time and nothing more: ``"flaot32"`` is not a
:data:`DTypeName`, ``"gpu"`` is not a :data:`DeviceName`, ``object()`` is not
:data:`ArrayLike`. A plain ``str`` variable is not a dtype to the checkers either: annotate it
with :data:`DTypeName` (or pass a dtype object).
"""

from tbridge._core.typing import (
    ArrayLike,
    AxisLike,
    DeviceLike,
    DeviceName,
    DTypeKindName,
    DTypeLike,
    DTypeName,
    GradFunction,
    GradsFunction,
    NestedSequence,
    ScalarLike,
    ShapeLike,
    SupportsArray,
    SupportsDLPack,
    ValueAndGradFunction,
    ValueAndGradsFunction,
)

__all__ = [
    "ArrayLike",
    "AxisLike",
    "DTypeKindName",
    "DTypeLike",
    "DTypeName",
    "DeviceLike",
    "DeviceName",
    "GradFunction",
    "GradsFunction",
    "NestedSequence",
    "ScalarLike",
    "ShapeLike",
    "SupportsArray",
    "SupportsDLPack",
    "ValueAndGradFunction",
    "ValueAndGradsFunction",
]

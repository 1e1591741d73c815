"""The annotations tbridge's signatures use, published to users as :mod:`tbridge.typing`.

Each alias admits what the runtime accepts and nothing more, so a type checker catches a bad
argument before it runs: ``dtype="flaot32"`` is not a :data:`DTypeName`, ``device="gpu"`` is
not a :data:`DeviceName`, ``tb.asarray(object())`` is not :data:`ArrayLike`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import (
    Any,
    Literal,
    ParamSpec,
    Protocol,
    SupportsIndex,
    TypeAlias,
    TypeVar,
    Union,
    overload,
)

import numpy as np
import numpy.typing as npt
import torch
from typing_extensions import Buffer

__all__ = [
    "ArrayLike",
    "ArrayOrScalar",
    "AxisLike",
    "DTypeKind",
    "DTypeKindName",
    "DTypeLike",
    "DTypeName",
    "DeviceLike",
    "DeviceName",
    "GradFunction",
    "GradsFunction",
    "KindFilter",
    "Mask",
    "NestedSequence",
    "Scalar",
    "ScalarLike",
    "ShapeLike",
    "SupportsArray",
    "SupportsDLPack",
    "ValueAndGradFunction",
    "ValueAndGradsFunction",
]

_T_co = TypeVar("_T_co", covariant=True)
_P = ParamSpec("_P")

#: The dtype strings the runtime parses: the names NumPy and torch share, NumPy's short codes,
#: and the Python type names NumPy reads as its defaults.
DTypeName: TypeAlias = Literal[
    "bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64",
    "float16", "float32", "float64", "complex64", "complex128", "bfloat16",
    "b1", "?", "i1", "i2", "i4", "i8", "u1", "u2", "u4", "u8", "f2", "f4", "f8", "c8", "c16",
    "int", "float", "complex", "half", "single", "double", "byte", "ubyte", "short", "ushort",
    "intc", "uintc", "long", "ulong", "longlong", "ulonglong", "intp", "uintp",
    "csingle", "cdouble",
]  # fmt: skip

#: A ``dtype=`` argument: a torch dtype, a NumPy dtype or scalar type, a Python number type
#: (NumPy's reading: ``float`` is float64), or a dtype string.
DTypeLike: TypeAlias = Union[
    torch.dtype,
    "np.dtype[Any]",
    "type[np.generic]",
    "type[bool]",
    "type[int]",
    "type[float]",
    "type[complex]",
    DTypeName,
]

#: The kind strings of ``isdtype`` (the Array API's).
DTypeKindName: TypeAlias = Literal[
    "bool", "signed integer", "unsigned integer", "integral", "real floating",
    "complex floating", "numeric",
]  # fmt: skip

#: ``isdtype``'s ``kind``: a kind name, a dtype (a string here is a kind name, never a dtype
#: name), or a flat tuple of either.
DTypeKind: TypeAlias = Union[
    DTypeKindName,
    torch.dtype,
    "np.dtype[Any]",
    "type[np.generic]",
    tuple[Union[DTypeKindName, torch.dtype, "np.dtype[Any]", "type[np.generic]"], ...],
]

#: The ``kind`` filter of ``__array_namespace_info__().dtypes``: kind names, or None for all.
KindFilter: TypeAlias = DTypeKindName | tuple[DTypeKindName, ...] | None

#: A Python scalar (``ScalarLike`` adds NumPy's scalars).
Scalar: TypeAlias = bool | int | float | complex

#: NumPy's ``where=``: a boolean mask broadcast against the input (True: every element).
Mask: TypeAlias = torch.Tensor | bool

#: A tensor or a Python scalar.
ArrayOrScalar: TypeAlias = torch.Tensor | bool | int | float | complex

#: Device strings torch parses, as a checked set: the device types, and indices 0-7 on each
#: accelerator (other indices: pass ``torch.device("cuda", 9)`` or the int 9).
DeviceName: TypeAlias = Literal[
    "cpu", "meta", "mps", "cuda", "xpu",
    "cuda:0", "cuda:1", "cuda:2", "cuda:3", "cuda:4", "cuda:5", "cuda:6", "cuda:7",
    "xpu:0", "xpu:1", "xpu:2", "xpu:3", "xpu:4", "xpu:5", "xpu:6", "xpu:7",
    "mps:0",
]  # fmt: skip

#: A ``device=`` argument: a ``torch.device``, a device string, or a CUDA index.
DeviceLike: TypeAlias = torch.device | DeviceName | int

#: A shape: one size or a sequence of sizes (ints, NumPy integers, 0-d integer tensors).
ShapeLike: TypeAlias = SupportsIndex | Sequence[SupportsIndex]

#: An ``axis=`` argument: one axis, several, or None (all).
AxisLike: TypeAlias = SupportsIndex | Sequence[SupportsIndex] | None

#: A Python or NumPy scalar.
ScalarLike: TypeAlias = Union[bool, int, float, complex, "np.generic"]


class SupportsArray(Protocol):
    """An object NumPy can read through ``__array__`` (pandas, xarray, array-likes)."""

    def __array__(self) -> np.ndarray[Any, Any]: ...


class SupportsDLPack(Protocol):
    """An object exporting a DLPack capsule (CuPy, JAX, other tensor libraries)."""

    def __dlpack__(self) -> object: ...


class NestedSequence(Protocol[_T_co]):
    """A sequence of ``_T_co`` or of such sequences, to any depth (``[[1, 2], [3, 4]]``)."""

    def __len__(self) -> int: ...

    def __getitem__(self, index: int, /) -> _T_co | NestedSequence[_T_co]: ...


#: Array data: what the input gate turns into a tensor.
ArrayLike: TypeAlias = Union[
    torch.Tensor,
    "np.ndarray[Any, Any]",
    ScalarLike,
    SupportsArray,
    SupportsDLPack,
    Buffer,
    NestedSequence[ScalarLike | torch.Tensor | SupportsArray | Buffer],
]


#: A first argument that makes ``grad``'s results NumPy arrays: NumPy data.
_NumPyData: TypeAlias = Union["np.ndarray[Any, Any]", "np.generic"]
#: A first argument that makes them tensors: a tensor, a Python number, a list or tuple.
_TensorData: TypeAlias = Union[torch.Tensor, complex, "list[Any]", "tuple[Any, ...]"]
#: A NumPy result of ``grad``: its dtype is known only at run time (integer data gives float64).
_NumPyResult: TypeAlias = "npt.NDArray[Any]"


class GradFunction(Protocol[_P]):
    """What ``tb.grad(f)`` returns: a function with ``f``'s parameters, the first positional.

    The gradient is a NumPy array when the first argument is NumPy data and a tensor
    otherwise (exact when the first argument is the one differentiated, as by default; a call
    that mixes NumPy arrays and tensors gets each gradient in its own argument's kind).
    """

    @overload
    def __call__(self, x: _NumPyData, /, *args: _P.args, **kwargs: _P.kwargs) -> _NumPyResult: ...
    @overload
    def __call__(self, x: _TensorData, /, *args: _P.args, **kwargs: _P.kwargs) -> torch.Tensor: ...


class GradsFunction(Protocol[_P]):
    """What ``tb.grad(f, argnums=(i, j, ...))`` returns: :class:`GradFunction` with a tuple."""

    @overload
    def __call__(
        self, x: _NumPyData, /, *args: _P.args, **kwargs: _P.kwargs
    ) -> tuple[_NumPyResult, ...]: ...
    @overload
    def __call__(
        self, x: _TensorData, /, *args: _P.args, **kwargs: _P.kwargs
    ) -> tuple[torch.Tensor, ...]: ...


class ValueAndGradFunction(Protocol[_P]):
    """What ``tb.value_and_grad(f)`` returns: ``(value, gradient)``, typed as
    :class:`GradFunction` (at run time the value is NumPy when any argument is)."""

    @overload
    def __call__(
        self, x: _NumPyData, /, *args: _P.args, **kwargs: _P.kwargs
    ) -> tuple[_NumPyResult, _NumPyResult]: ...
    @overload
    def __call__(
        self, x: _TensorData, /, *args: _P.args, **kwargs: _P.kwargs
    ) -> tuple[torch.Tensor, torch.Tensor]: ...


class ValueAndGradsFunction(Protocol[_P]):
    """What ``tb.value_and_grad(f, argnums=(i, j, ...))`` returns: ``(value, gradients)``."""

    @overload
    def __call__(
        self, x: _NumPyData, /, *args: _P.args, **kwargs: _P.kwargs
    ) -> tuple[_NumPyResult, tuple[_NumPyResult, ...]]: ...
    @overload
    def __call__(
        self, x: _TensorData, /, *args: _P.args, **kwargs: _P.kwargs
    ) -> tuple[torch.Tensor, tuple[torch.Tensor, ...]]: ...

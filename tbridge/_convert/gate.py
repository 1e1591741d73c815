"""The input gate: where every public function's arguments become tensors, and ``out=`` lands.

One decision table for array arguments (``as_tensor``):

| argument | result |
|---|---|
| ``torch.Tensor`` (any subclass: ``nn.Parameter``, DTensor) | the same object |
| NumPy array | as ``tb.asarray`` converts it: shared when torch can view it, else copied |
| NumPy scalar | a 0-d tensor of its dtype |
| Python ``bool``/``int``/``float``/``complex`` | a 0-d tensor of NumPy's default dtype for it |
| nested list/tuple of numbers | as ``np.asarray`` reads it, at NumPy's default dtypes |
| ``__array__``/``__dlpack__``/buffer objects | as ``tb.asarray`` converts them |
| anything else (``None``, ``str``, ``dict``, ...) | ``TypeError`` naming the caller and argument |

Python scalars *next to an array* are another matter: the element-wise functions keep them as
weak scalars (``tb.add(int8_x, 1)`` stays int8, the Array API's rule) and never call the gate
for them. A scalar or list standing alone is an array, as in NumPy (``tb.sqrt(2)`` is float64).

``write_out`` is the other half of NumPy's calling convention: ``out=`` with NumPy's
``same_kind`` casting rule, and the ufuncs' ``where=`` mask; ``with_dtype`` is the ufuncs'
``dtype=`` (the computation's dtype, resolved by NumPy's own loop tables).

Memory and autograd: a tensor passes through untouched (same object, same graph); converted
NumPy data shares memory exactly when ``tb.asarray`` would.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Final, TypeVar

import numpy as np
import torch
from torch import Tensor

from tbridge._convert.bridge import _ndarray_to_tensor, asarray
from tbridge._core.dtypes import DTypeLike, numpy_dtype_of, torch_dtype, torch_dtype_of_numpy
from tbridge._core.normalize import CPU, DeviceLike
from tbridge._core.promotion import kind_rank
from tbridge._core.reporting import warn
from tbridge._core.signatures import broadcast_shapes
from tbridge._core.suggest import NUMPY_SPELLINGS

__all__ = [
    "as_tensor",
    "is_python_scalar",
    "loop_operands",
    "renamed",
    "retold",
    "warn",
    "where_mask",
    "with_dtype",
    "write_out",
]

_Tensor: Final = torch.Tensor
_ndarray: Final = np.ndarray
_SCALARS: Final = (bool, int, float, complex)
#: Types that are never array data, refused before NumPy tries to read them.
_NOT_DATA: Final = (str, bytes, dict, set, frozenset, type(None))
#: NumPy dtype kinds with no torch twin: object, strings, void (structured), datetimes.
_NO_TWIN_KINDS: Final = "OUSVMm"


def is_python_scalar(x: object) -> bool:
    """Whether ``x`` is a Python ``bool``/``int``/``float``/``complex`` (not a NumPy scalar)."""
    return type(x) in _SCALARS


def as_tensor(
    x: object,
    caller: str,
    name: str = "x",
    *,
    copy: bool | None = None,
    dtype: DTypeLike | None = None,
    device: DeviceLike | None = None,
) -> Tensor:
    """``x`` as a tensor by the table above; errors name ``caller`` and the argument ``name``.

    ``copy``, ``dtype`` and ``device`` mean what they mean for ``tb.asarray``; with all three
    left as None a tensor comes back as the same object.

    Raises
    ------
    TypeError
        ``x`` is not array data, or holds data torch has no dtype for (object, str, datetime,
        structured): the message names ``caller`` and ``name`` and the NumPy route.
    ValueError
        ``copy=False`` when a copy is needed; ragged sequences.
    """
    kind = type(x)
    if kind is _Tensor and copy is not True and dtype is None and device is None:
        return x  # type: ignore[return-value]
    if kind is _ndarray and dtype is None and device is None:
        if x.dtype.kind in _NO_TWIN_KINDS:  # type: ignore[attr-defined]
            raise _no_torch_dtype(x.dtype, caller, name)  # type: ignore[attr-defined]
        return _ndarray_to_tensor(x, None, CPU, copy, caller)  # type: ignore[arg-type]
    if isinstance(x, _NOT_DATA):
        raise TypeError(
            f"{caller}: {name} must be array data (a tensor, a NumPy array, a number or a "
            f"nested sequence of numbers), got {kind.__name__}; convert it first "
            "(tb.asarray) or pass numbers"
        )
    if isinstance(x, np.ndarray) and x.dtype.kind in _NO_TWIN_KINDS:
        raise _no_torch_dtype(x.dtype, caller, name)
    try:
        # x is not yet known to be array data: asarray's own checks decide (its TypeError is
        # re-titled below)
        return asarray(x, dtype=dtype, device=device, copy=copy)  # type: ignore[arg-type]
    except TypeError as e:
        raise TypeError(_retitle(e, caller, name)) from e
    except ValueError as e:
        raise ValueError(_retitle(e, caller, name)) from e
    except OverflowError as e:  # a Python int no integer dtype holds
        raise OverflowError(_retitle(e, caller, name)) from e


def renamed(e: Exception, callee: str, caller: str) -> str:
    """The message of an error raised by public ``callee`` on behalf of public ``caller``
    (``identity`` calls ``eye``), told with the name the user called: ``"eye: ..."`` becomes
    ``"identity: ..."``. For the error path only."""
    text = str(e)
    if text.startswith(callee):
        return caller + text[len(callee) :]
    return f"{caller}: {text}"


def retold(e: Exception, callee: str, caller: str) -> Exception:
    """``e``, raised by public ``callee`` on behalf of public ``caller``, as the same class
    (``AxisError`` stays one) with the name the user called; raise it ``from e``. Error path
    only: a ``try`` around the callee costs the common call nothing."""
    return type(e)(renamed(e, callee, caller))


def _no_torch_dtype(dt: np.dtype[Any], caller: str, name: str) -> TypeError:
    return TypeError(
        f"{caller}: {name} has NumPy dtype {dt}, which torch has no dtype for (structured, "
        "string, datetime and object arrays stay in NumPy); compute on it with NumPy itself "
        "(tb.to_numpy hands tensors to NumPy), or convert the numeric fields first"
    )


def _retitle(e: Exception, caller: str, name: str) -> str:
    """The message of an ``asarray`` error, told from the caller's side."""
    text = str(e)
    text = text.removeprefix("asarray: ").removeprefix("asarray(copy=False): ")
    return f"{caller}: {name}: {text}"


def write_out(result: Tensor, out: Tensor | None, caller: str, where: object = True) -> Tensor:
    """``result`` written into ``out`` (and ``out`` returned), or ``result`` when ``out`` is None.

    NumPy's ufunc rule: ``out`` must have the result's shape, its dtype must be reachable by
    ``same_kind`` casting (float64 into float32 is allowed, float into int is not), and here
    also the result's device. A leaf that requires grad cannot be written (autograd would lose
    the write); any other ``out`` stays on the graph through ``copy_``.

    ``where`` (the ufuncs' ``where=``; True means everywhere): a boolean mask that broadcasts
    with the result. ``out`` takes the result where it is True and keeps its own values
    elsewhere; the result's shape is the broadcast of both. Without ``out`` the positions where
    the mask is False hold 0 (NumPy leaves them uninitialized) and a UserWarning says so, as
    NumPy 2 warns.

    Raises
    ------
    TypeError
        ``out`` is not a tensor, or its dtype is of a lower kind than the result's; ``where``
        is not boolean.
    ValueError
        Shape or device mismatch; ``out`` is a leaf that requires grad; ``where`` does not
        broadcast with the result.
    """
    if where is not True:
        return _write_where(result, out, caller, where)
    if out is None:
        return result
    _check_out(result, out, caller)
    out.copy_(result)
    return out


def where_mask(
    where: object, caller: str, device: torch.device, shape: torch.Size | None = None
) -> Tensor:
    """The ufuncs' ``where=`` as a boolean tensor on ``device``. Arrays must be boolean;
    Python scalars and sequences are read as bool (``[1, 0]`` is ``[True, False]``) and made
    on ``device``, as NumPy reads them. With ``shape`` (a reduction's ``x``), the mask is
    broadcast to it (a view, not a copy), as NumPy's reductions broadcast it.

    Raises
    ------
    TypeError
        ``where`` is not array data, or not boolean.
    ValueError
        ``where`` is a tensor on another device (a 0-d host tensor is moved: a scalar), or
        does not broadcast to ``shape``.
    """
    if isinstance(where, _Tensor):  # subclasses too (a Parameter is refused if not bool)
        w: Tensor = where
        if w.device != device and w.ndim == 0 and w.device.type == "cpu":
            w = w.to(device)  # a 0-d host mask is a scalar, as torch treats 0-d host tensors
        elif w.device != device:
            raise ValueError(
                f"{caller}: where is on {w.device} but the result is on {device}; pass a "
                "where on the inputs' device"
            )
    elif isinstance(where, (np.ndarray, np.generic)):
        w = as_tensor(where, caller, "where", device=device)
    else:  # Python data is read as bool, as NumPy reads where=[1, 0, 1]
        w = as_tensor(where, caller, "where", dtype=torch.bool, device=device)
    if w.dtype is not torch.bool:
        raise TypeError(
            f"{caller}: where must be boolean, got dtype {w.dtype}; pass a comparison "
            "(where=x != 0) or a boolean array, or leave where=True"
        )
    if shape is None or w.shape == shape:
        return w
    try:
        return w.expand(shape)
    except RuntimeError as e:
        raise ValueError(
            f"{caller}: where= of shape {tuple(w.shape)} does not broadcast to x's shape "
            f"{tuple(shape)}; pass a mask that broadcasts to it"
        ) from e


def _write_where(result: Tensor, out: Tensor | None, caller: str, where: object) -> Tensor:
    """``write_out`` with a ``where=`` mask other than True (see there)."""
    w = where_mask(where, caller, result.device)
    try:
        shape = broadcast_shapes(result.shape, w.shape)
    except RuntimeError as e:
        raise ValueError(
            f"{caller}: where has shape {tuple(w.shape)}, which does not broadcast with the "
            f"result's shape {tuple(result.shape)}; pass a where of a shape that broadcasts"
        ) from e
    if out is None:
        warn(
            f"{caller}: where= without out= leaves the positions where it is False at 0 (NumPy "
            "leaves them uninitialized); pass out= to choose what they hold",
            UserWarning,
        )
        return torch.where(w, result, torch.zeros((), dtype=result.dtype, device=result.device))
    _check_out(result.expand(shape), out, caller)
    if result.dtype != out.dtype:
        result = result.to(out.dtype)
    out.copy_(torch.where(w, result, out))
    return out


def _check_out(result: Tensor, out: object, caller: str) -> None:
    """NumPy's rule for ``out`` (``write_out``'s checks): raise when ``out`` cannot take
    ``result``."""
    if not isinstance(out, _Tensor):
        raise TypeError(
            f"{caller}: out must be a torch.Tensor, got {type(out).__name__}; pass a tensor "
            "(tb.empty(shape, dtype=...)) or leave out=None"
        )
    if out.shape != result.shape:
        raise ValueError(
            f"{caller}: out has shape {tuple(out.shape)} but the result has shape "
            f"{tuple(result.shape)}; pass an out of the result's shape"
        )
    if out.device != result.device:
        raise ValueError(
            f"{caller}: out is on {out.device} but the result is on {result.device}; pass an "
            "out on the inputs' device"
        )
    if out.dtype != result.dtype and kind_rank(out.dtype) < kind_rank(result.dtype):
        raise TypeError(
            f"{caller}: cannot cast the {result.dtype} result into out of dtype {out.dtype} "
            "under NumPy's 'same_kind' rule; pass an out of the result's kind or wider"
        )
    if out.requires_grad and out.is_leaf:
        raise ValueError(
            f"{caller}: out is a leaf tensor that requires grad, and autograd cannot record "
            "a write into it; pass an out without requires_grad or leave out=None"
        )


# ---- the ufuncs' dtype= ----------------------------------------------------------------------

_R = TypeVar("_R")
#: tbridge's names -> NumPy's other spelling (NumPy 1.x knows ``acos`` only as ``arccos``).
_NUMPY_NAMES: Final = {ours: theirs for theirs, ours in NUMPY_SPELLINGS.items()}
#: NumPy dtype kinds torch has twins of that NumPy's loop tables know (ml_dtypes' are not).
_LOOP_KINDS: Final = "biufc"
_Loop = tuple[tuple[torch.dtype, ...], tuple[torch.dtype, ...]]
_LOOPS: dict[tuple[object, ...], _Loop] = {}


def with_dtype(
    fn: Callable[..., _R], operands: tuple[object, ...], out: object, where: object, dtype: object
) -> _R:
    """``fn(*operands, out, where)`` computed in the dtype NumPy's ufunc computes in for
    ``dtype=`` (the slow path of every element-wise ufunc's ``dtype=``).

    NumPy's rule: ``dtype`` fixes the outputs' dtype; the loop that yields it decides the
    inputs' dtypes, to which the operands are cast under ``same_kind`` (``add(int, int,
    dtype=float32)`` adds in float32; ``add(float, float, dtype=int64)`` is a TypeError;
    ``less(..., dtype=bool)`` compares in the operands' common dtype). The loop is NumPy's own
    answer (``ufunc.resolve_dtypes``), read once per combination of dtypes and cached: no data
    is read. For dtypes NumPy lacks (bfloat16, float8, complex32) every operand is cast to
    ``dtype`` under the same rule. Python scalars stay weak, as in NumPy 2.

    Raises
    ------
    TypeError
        ``dtype`` is not a dtype, or no computation yields it from these operands.
    """
    cast, made = loop_operands(fn.__name__, operands, dtype)
    result = fn(*cast, out, where)
    # a result written into out has out's dtype; a new one takes the loop's output dtype
    if isinstance(result, tuple):
        outs: tuple[object, ...] = out if isinstance(out, tuple) else (None,) * len(result)
        return tuple(  # type: ignore[return-value]
            r if o is not None else r.to(d_out)
            for r, o, d_out in zip(result, outs, made, strict=True)
        )
    return result if out is not None else result.to(made[0])  # type: ignore[attr-defined]


def loop_operands(
    name: str, operands: tuple[object, ...], dtype: object
) -> tuple[tuple[Tensor, ...], tuple[torch.dtype, ...]]:
    """The operands of NumPy's ufunc ``name`` cast to the loop it runs for ``dtype=``, and
    the loop's output dtypes (see :func:`with_dtype`; the generalized ufuncs ``vecdot``,
    ``matvec`` and ``vecmat`` call it directly).

    Raises
    ------
    TypeError
        ``dtype`` is not a dtype, or no computation yields it from these operands.
    OverflowError
        A Python number the loop's dtype cannot hold.
    """
    d = torch_dtype(dtype, caller=name)  # type: ignore[arg-type]
    args = tuple(_operand(x, name, i, len(operands)) for i, x in enumerate(operands))
    key = (name, d, *(a.dtype if isinstance(a, _Tensor) else type(a) for a in args))
    loop = _LOOPS.get(key)
    if loop is None:
        loop = _LOOPS[key] = _loop(name, d, args)
    device = next((a.device for a in args if isinstance(a, _Tensor)), CPU)
    cast = tuple(
        a.to(di) if isinstance(a, _Tensor) else _scalar(a, di, device, name)
        for a, di in zip(args, loop[0], strict=True)
    )
    return cast, loop[1]


def _scalar(value: object, dtype: torch.dtype, device: torch.device, caller: str) -> Tensor:
    """A Python number as a 0-d tensor of the loop's ``dtype``; one it cannot hold is NumPy's
    OverflowError."""
    try:
        return torch.tensor(value, dtype=dtype, device=device)
    except RuntimeError as e:
        raise OverflowError(
            f"{caller}: Python number {value!r} is out of bounds for {dtype}; pass a dtype= "
            "that holds it"
        ) from e


def _operand(x: object, caller: str, i: int, n: int) -> object:
    """An operand for ``with_dtype``: a tensor, or a Python number (weak), as the gate reads it."""
    if type(x) is _Tensor or type(x) in _SCALARS:
        return x
    return as_tensor(x, caller, "x" if n == 1 else f"x{i + 1}")


def _loop(name: str, d: torch.dtype, args: tuple[object, ...]) -> _Loop:
    """The input and output dtypes of the computation that yields ``d`` (see ``with_dtype``)."""
    ufunc = getattr(np, name, None)
    if not isinstance(ufunc, np.ufunc):
        ufunc = getattr(np, _NUMPY_NAMES.get(name, name), None)
    nd = numpy_dtype_of(d)
    ins: list[Any] = []
    for a in args:
        if isinstance(a, _Tensor):
            ins.append(numpy_dtype_of(a.dtype))
        else:
            ins.append(np.dtype(bool) if type(a) is bool else type(a))
    if (
        isinstance(ufunc, np.ufunc)
        and nd is not None
        and nd.kind in _LOOP_KINDS
        and all(isinstance(i, type) or (i is not None and i.kind in _LOOP_KINDS) for i in ins)
    ):
        try:
            found = ufunc.resolve_dtypes(
                (*ins, *(None,) * ufunc.nout),
                signature=(*(None,) * ufunc.nin, *(nd,) * ufunc.nout),
                casting="same_kind",
            )
        except TypeError as e:
            raise TypeError(
                f"{name}: dtype={d}: {e}; pass a dtype the inputs cast to under NumPy's "
                "'same_kind' rule, or leave dtype=None"
            ) from e
        twins = [torch_dtype_of_numpy(f) for f in found]
        if all(t is not None for t in twins):
            done = [t for t in twins if t is not None]
            return tuple(done[: ufunc.nin]), tuple(done[ufunc.nin :])
    for i, a in enumerate(args):
        rank = kind_rank(a.dtype) if isinstance(a, _Tensor) else _SCALARS.index(type(a))
        if rank > kind_rank(d):
            raise TypeError(
                f"{name}: dtype={d}: cannot cast operand {i + 1} to {d} under NumPy's "
                "'same_kind' rule; pass a dtype of the operands' kind or wider, or leave "
                "dtype=None"
            )
    return (d,) * len(args), (d,)

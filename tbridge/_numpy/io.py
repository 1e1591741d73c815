"""I/O through NumPy's readers and writers, tensors in and out.

Readers (``loadtxt``, ``genfromtxt``, ``load``, ``fromfile``) call NumPy's reader with the
arguments given, then hand the fresh array to torch without copying it: the tensor owns the
NumPy buffer (``torch.from_numpy``). Each takes a keyword-only ``device=``; a device other than
the CPU costs one transfer. A ``dtype=`` may be any dtype spelling, torch dtypes included.
Data torch has no dtype for (strings, structured records, datetimes, objects, masked arrays) is
refused with a TypeError naming the NumPy route: call NumPy's reader itself for such files.

Writers (``savetxt``, ``save``, ``savez``, ``savez_compressed``) take tensors on any device
(and tensors that require grad: the values are written, the graph is untouched) and NumPy
arrays and scalars, which NumPy's writers receive unchanged, as well as numbers and nested
sequences of them. Anything else (None, strings, dicts, other objects) is refused with a
TypeError: NumPy would store it as an object (pickled) or string array, which no tensor can
hold; pass ``numpy.array(...)`` of it to store such data as NumPy does.

Errors: what is neither a path nor an open file (nor, for the text readers, an iterable of
lines) is a TypeError naming the function and the argument; the OS's errors (a missing file)
keep their class, errno and file name, with the function named in the message.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from types import TracebackType
from typing import IO, Any, Final, TypeAlias

import numpy as np
import torch
from torch import Tensor

from tbridge._convert.bridge import to_numpy
from tbridge._convert.gate import as_tensor
from tbridge._core.dtypes import ML_DTYPE_NAMES, DTypeLike, numpy_dtype_of, torch_dtype
from tbridge._core.normalize import DeviceLike

__all__ = [
    "fromfile",
    "genfromtxt",
    "load",
    "loadtxt",
    "save",
    "savetxt",
    "savez",
    "savez_compressed",
]

#: A path or an open file, as NumPy's readers and writers take them.
FileLike: TypeAlias = "str | bytes | os.PathLike[str] | os.PathLike[bytes] | IO[Any]"
#: What the text readers read: a file, or an iterable of lines.
TextSource: TypeAlias = "FileLike | Iterable[str] | Iterable[bytes]"

_NUMPY2: Final = np.lib.NumpyVersion(np.__version__) >= "2.0.0"

# NumPy's readers and writers, called with the arguments as given: their stubs' overloads
# (one per dtype and file kind) cannot follow arguments forwarded unchanged.
_np_loadtxt: Final[Callable[..., Any]] = np.loadtxt
_np_genfromtxt: Final[Callable[..., Any]] = np.genfromtxt
_np_savetxt: Final[Callable[..., None]] = np.savetxt
_np_save: Final[Callable[..., None]] = np.save
_np_load: Final[Callable[..., Any]] = np.load
_np_fromfile: Final[Callable[..., Any]] = np.fromfile
_DELETECHARS: Final = " !#$%&'()*+,-./:;<=>?@[\\]^{|}~"


def _check_source(file: object, caller: str, name: str, *, lines: bool = False) -> None:
    """Refuse a ``file`` that is neither a path nor an open file (nor, with ``lines``, an
    iterable of lines, as the text readers take)."""
    if isinstance(file, (str, bytes, os.PathLike)) or hasattr(file, "read"):
        return
    if lines and isinstance(file, Iterable):
        return
    kinds = "a path, an open file or an iterable of lines" if lines else "a path or an open file"
    raise TypeError(
        f"{caller}: {name}={file!r} ({type(file).__name__}) is not {kinds}; pass e.g. "
        f"{caller}('data.txt') or a file opened with open(path, 'rb')"
    )


def _os_error(e: OSError, caller: str) -> OSError:
    """The OS's (or NumPy's) error about a file, as the same class with the same errno and
    file name, naming the function."""
    if e.errno is not None and e.strerror is not None:
        return type(e)(e.errno, f"{caller}: {e.strerror}", e.filename)
    return type(e)(f"{caller}: {e}")


def _reject_like(like: object, caller: str) -> None:
    if like is not None:
        raise TypeError(
            f"{caller}: like= asks NumPy to dispatch to another array library; tbridge always "
            "returns tensors, so leave like=None and pass device= for where they live"
        )


def _read_dtype(dtype: DTypeLike | None, caller: str) -> tuple[Any, torch.dtype | None]:
    """The dtype to hand NumPy's reader, and the torch dtype to convert to afterwards (None:
    NumPy's own result is kept). Dtypes torch lacks fail here, before reading the file."""
    if dtype is None:
        return None, None
    target = torch_dtype(dtype, caller=caller)
    twin = numpy_dtype_of(target)
    if twin is None or target in ML_DTYPE_NAMES:
        # bfloat16, float8, complex32: NumPy parses text into a standard dtype first.
        return (np.complex128 if target.is_complex else np.float64), target
    return twin, None


def _to_tensor(
    arr: Any, target: torch.dtype | None, device: DeviceLike | None, caller: str
) -> Tensor:
    """A reader's fresh array as a tensor: shared (no copy) on the CPU, else moved once."""
    if not isinstance(arr, np.ndarray):
        raise TypeError(
            f"{caller}: the file holds a {type(arr).__name__}, not an array; read it with "
            "NumPy itself"
        )
    if isinstance(arr, np.ma.MaskedArray):
        raise TypeError(
            f"{caller}: the result is a masked array, whose mask a tensor cannot hold; read "
            "with usemask=False (missing values then become filling_values), or call NumPy's "
            "reader itself"
        )
    if type(arr) is np.memmap:
        arr = arr.view(np.ndarray)  # the same memory, as a plain array
    return as_tensor(arr, caller, "the data read", dtype=target, device=device)


# ---- text ----------------------------------------------------------------------------------


def loadtxt(
    fname: TextSource,
    dtype: DTypeLike | None = float,
    comments: str | Sequence[str] | None = "#",
    delimiter: str | None = None,
    converters: Mapping[int | str, Callable[[str], Any]] | Callable[[str], Any] | None = None,
    skiprows: int = 0,
    usecols: int | Sequence[int] | None = None,
    unpack: bool = False,
    ndmin: int = 0,
    encoding: str | None = None,
    max_rows: int | None = None,
    *,
    quotechar: str | None = None,
    like: None = None,
    device: DeviceLike | None = None,
) -> Tensor:
    """Read a text file of numbers (NumPy's ``loadtxt``) into a tensor.

    The arguments mean what they mean for ``numpy.loadtxt`` (``unpack=True`` gives the
    transposed tensor, so ``x, y = tb.loadtxt(f, unpack=True)`` unpacks columns); ``dtype`` may
    be any dtype spelling, torch dtypes included.

    Parameters
    ----------
    fname
        A path, an open file, or an iterable of lines.
    dtype, comments, delimiter, converters, skiprows, usecols, unpack, ndmin, encoding, \
max_rows, quotechar
        As for ``numpy.loadtxt``.
    like
        NumPy's dispatch argument; must be None.
    device
        Where the tensor is put (default: the CPU).

    Returns
    -------
    Tensor

    Raises
    ------
    TypeError
        For a ``dtype`` torch has no twin for (strings, structured records, ...): read such
        files with ``numpy.loadtxt`` itself; for an ``fname`` that is no file or lines.
    ValueError
        NumPy's errors for unparsable text, passed on.
    OSError
        The OS's error (e.g. ``FileNotFoundError``), naming the function.

    Notes
    -----
    Memory and autograd: on the CPU the tensor owns the array NumPy read (no copy); on
    another device it is one transfer. Not on any autograd graph.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.loadtxt(["1 2", "3 4"])
    tensor([[1., 2.],
            [3., 4.]], dtype=torch.float64)
    """
    _reject_like(like, "loadtxt")
    read_as, target = _read_dtype(dtype, "loadtxt")
    _check_source(fname, "loadtxt", "fname", lines=True)
    try:
        arr = _np_loadtxt(
            fname,
            dtype=read_as,
            comments=comments,
            delimiter=delimiter,
            converters=converters,
            skiprows=skiprows,
            usecols=usecols,
            unpack=unpack,
            ndmin=ndmin,
            encoding=encoding,
            max_rows=max_rows,
            quotechar=quotechar,
        )
    except OSError as e:
        raise _os_error(e, "loadtxt") from e
    return _to_tensor(arr, target, device, "loadtxt")


def genfromtxt(
    fname: TextSource,
    dtype: DTypeLike | None = float,
    comments: str = "#",
    delimiter: str | int | Iterable[int] | None = None,
    skip_header: int = 0,
    skip_footer: int = 0,
    converters: Mapping[int | str, Callable[[str], Any]] | None = None,
    missing_values: Any = None,
    filling_values: Any = None,
    usecols: Sequence[int] | None = None,
    names: bool | str | Sequence[str] | None = None,
    excludelist: Sequence[str] | None = None,
    deletechars: str = _DELETECHARS,
    replace_space: str = "_",
    autostrip: bool = False,
    case_sensitive: bool | str = True,
    defaultfmt: str = "f%i",
    unpack: bool | None = None,
    usemask: bool = False,
    loose: bool = True,
    invalid_raise: bool = True,
    max_rows: int | None = None,
    encoding: str | None = None,
    *,
    ndmin: int = 0,
    like: None = None,
    device: DeviceLike | None = None,
) -> Tensor:
    """Read a text file with missing values (NumPy's ``genfromtxt``) into a tensor.

    The arguments mean what they mean for ``numpy.genfromtxt``; missing entries become
    ``filling_values`` (NaN for floats by default). Named columns (``names=``) and
    ``dtype=None`` column-wise inference give structured records, which torch cannot hold:
    read those with ``numpy.genfromtxt`` itself.

    Parameters
    ----------
    fname
        A path, an open file, or an iterable of lines.
    dtype, comments, delimiter, skip_header, skip_footer, converters, missing_values, \
filling_values, usecols, names, excludelist, deletechars, replace_space, autostrip, \
case_sensitive, defaultfmt, unpack, loose, invalid_raise, max_rows, encoding, ndmin
        As for ``numpy.genfromtxt``.
    usemask
        Must be False: a tensor has no mask.
    like
        NumPy's dispatch argument; must be None.
    device
        Where the tensor is put (default: the CPU).

    Returns
    -------
    Tensor

    Raises
    ------
    TypeError
        For ``usemask=True``, for results torch has no dtype for (records, strings), and for
        an ``fname`` that is no file or lines.
    ValueError
        NumPy's errors for malformed text, passed on.
    OSError
        The OS's error (e.g. ``FileNotFoundError``), naming the function.

    Notes
    -----
    Memory and autograd: on the CPU the tensor owns the array NumPy read (no copy); on
    another device it is one transfer. Not on any autograd graph.

    Examples
    --------
    >>> import tbridge as tb
    >>> tb.genfromtxt(["1,2", "3,"], delimiter=",")
    tensor([[1., 2.],
            [3., nan]], dtype=torch.float64)
    """
    _reject_like(like, "genfromtxt")
    if usemask:
        raise TypeError(
            "genfromtxt: usemask=True gives a masked array, whose mask a tensor cannot hold; "
            "leave usemask=False (missing values become filling_values, NaN for floats) or "
            "call numpy.genfromtxt itself"
        )
    read_as, target = _read_dtype(dtype, "genfromtxt")
    _check_source(fname, "genfromtxt", "fname", lines=True)
    try:
        arr = _np_genfromtxt(
            fname,
            dtype=read_as,
            comments=comments,
            delimiter=delimiter,
            skip_header=skip_header,
            skip_footer=skip_footer,
            converters=converters,
            missing_values=missing_values,
            filling_values=filling_values,
            usecols=usecols,
            names=names,
            excludelist=excludelist,
            deletechars=deletechars,
            replace_space=replace_space,
            autostrip=autostrip,
            case_sensitive=case_sensitive,
            defaultfmt=defaultfmt,
            unpack=unpack,
            usemask=usemask,
            loose=loose,
            invalid_raise=invalid_raise,
            max_rows=max_rows,
            encoding=encoding,
            ndmin=ndmin,
        )
    except OSError as e:
        raise _os_error(e, "genfromtxt") from e
    return _to_tensor(arr, target, device, "genfromtxt")


def _writable(arr: object, caller: str, name: str) -> Any:
    """A tensor as a NumPy array with its values (a read-only view on the CPU, else a copy);
    NumPy arrays and scalars unchanged; numbers and nested sequences of them as an array.
    Anything NumPy would store as an object or string array is refused."""
    if isinstance(arr, Tensor):
        try:
            return to_numpy(arr)
        except TypeError as e:  # meta, sparse, a dtype NumPy lacks: told from the writer's side
            raise TypeError(str(e).replace("to_numpy:", f"{caller}:", 1)) from e
    if isinstance(arr, (np.ndarray, np.generic)):
        return arr
    try:
        data = np.asarray(arr)
    except ValueError as e:  # a ragged sequence
        raise ValueError(f"{caller}: {name} is not a rectangular array: {e}") from e
    except (TypeError, RuntimeError) as e:  # tensors NumPy cannot read inside a sequence
        raise TypeError(
            f"{caller}: {name} is a {type(arr).__name__} holding data NumPy cannot convert (a "
            "tensor of a dtype NumPy lacks, on another device or on an autograd graph); pass "
            "one tensor instead, e.g. tb.stack(...) of them, converted first if need be "
            "(tb.astype(x, tb.float32))"
        ) from e
    if data.dtype.kind in "OUSV":
        raise TypeError(
            f"{caller}: {name} of type {type(arr).__name__} is not array data (a tensor, a "
            "NumPy array, a number or a nested sequence of numbers); NumPy would store it "
            f"as a {data.dtype} array, which no tensor can hold; pass numpy.array(...) of it "
            "to store it as NumPy does"
        )
    return data


def savetxt(
    fname: FileLike,
    X: Tensor,
    fmt: str | Sequence[str] = "%.18e",
    delimiter: str = " ",
    newline: str = "\n",
    header: str = "",
    footer: str = "",
    comments: str = "# ",
    encoding: str | None = None,
) -> None:
    """Write a 1-d or 2-d array to a text file (NumPy's ``savetxt``).

    Parameters
    ----------
    fname
        A path (``.gz`` compresses) or an open file.
    X
        A tensor (any device; one that requires grad is written by value), NumPy data, or
        numbers and nested sequences of them.
    fmt, delimiter, newline, header, footer, comments, encoding
        As for ``numpy.savetxt``.

    Raises
    ------
    TypeError
        For a tensor NumPy cannot hold (on ``meta``, or bfloat16 without ml_dtypes), and for
        ``X`` that is no array data (None, a string, a dict).
    ValueError
        ``X`` is not 1-d or 2-d; NumPy's other errors, passed on.

    Notes
    -----
    Memory and autograd: reads ``X`` only (a CPU tensor through a read-only view, others
    through one copy to the CPU); the graph is untouched.

    Examples
    --------
    >>> import io
    >>> import tbridge as tb
    >>> out = io.StringIO()
    >>> tb.savetxt(out, tb.asarray([[1, 2], [3, 4]]), fmt="%d")
    >>> out.getvalue()
    '1 2\\n3 4\\n'
    """
    data = _writable(X, "savetxt", "X")
    if data.ndim not in (1, 2):
        raise ValueError(
            f"savetxt: X has shape {data.shape}, {data.ndim} dimension(s); savetxt writes a "
            "1-d or 2-d array (one row per line); reshape it first, e.g. tb.reshape(X, (1, -1))"
        )
    _np_savetxt(
        fname,
        data,
        fmt=fmt,
        delimiter=delimiter,
        newline=newline,
        header=header,
        footer=footer,
        comments=comments,
        encoding=encoding,
    )


# ---- binary --------------------------------------------------------------------------------


def _storable(arr: object, caller: str, name: str) -> Any:
    """``_writable`` for the ``.npy``/``.npz`` writers, which refuse the ml_dtypes types: the
    ``.npy`` header cannot name them, so NumPy would store raw bytes as a void dtype (``|V2``)
    that no reader turns back into numbers."""
    if isinstance(arr, Tensor) and arr.dtype in ML_DTYPE_NAMES:
        raise TypeError(
            f"{caller}: {name} has dtype {arr.dtype}, which the .npy format cannot record (NumPy "
            "would write untyped raw bytes); convert first, e.g. tb.astype(x, tb.float32), or "
            "use torch.save"
        )
    return _writable(arr, caller, name)


def save(file: FileLike, arr: Tensor, allow_pickle: bool = True) -> None:
    """Write one array to a ``.npy`` file (NumPy's ``save``; ``.npy`` is appended to a path
    without it).

    Parameters
    ----------
    file
        A path or an open binary file.
    arr
        A tensor (any device; one that requires grad is written by value), NumPy data, or
        numbers and nested sequences of them.
    allow_pickle
        As for ``numpy.save`` (tensors never need pickling).

    Raises
    ------
    TypeError
        For a tensor NumPy cannot hold (on ``meta``, complex32) or the ``.npy`` format cannot
        record (bfloat16 and the float8 types), and for what is no array data (None, a
        string, a dict), which NumPy would pickle.

    Notes
    -----
    Memory and autograd: reads ``arr`` only; the graph is untouched.

    Examples
    --------
    >>> import io
    >>> import tbridge as tb
    >>> buffer = io.BytesIO()
    >>> tb.save(buffer, tb.arange(3))
    >>> _ = buffer.seek(0)
    >>> tb.load(buffer)
    tensor([0, 1, 2])
    """
    _np_save(file, _storable(arr, "save", "arr"), allow_pickle=allow_pickle)


def _savez(
    caller: str,
    writer: Callable[..., None],
    file: FileLike,
    args: tuple[object, ...],
    allow_pickle: bool,
    kwds: Mapping[str, object],
) -> None:
    arrays = [_storable(a, caller, f"args[{i}]") for i, a in enumerate(args)]
    named = {name: _storable(a, caller, name) for name, a in kwds.items()}
    if _NUMPY2:
        writer(file, *arrays, allow_pickle=allow_pickle, **named)
    else:  # NumPy 1.x has no allow_pickle here (it would become an array named so)
        writer(file, *arrays, **named)


def savez(file: FileLike, *args: Tensor, allow_pickle: bool = True, **kwds: Tensor) -> None:
    """Write several arrays to one uncompressed ``.npz`` file (NumPy's ``savez``).

    Positional arrays are stored as ``arr_0``, ``arr_1``, ...; keyword arrays under their
    keyword. Tensors may live on any device.

    Parameters
    ----------
    file
        A path (``.npz`` is appended when missing) or an open binary file.
    *args, **kwds
        Tensors or NumPy data.
    allow_pickle
        As for ``numpy.savez`` (NumPy 2; NumPy 1.x always allows it).

    Raises
    ------
    TypeError
        For a tensor NumPy cannot hold (on ``meta``, complex32) or the ``.npy`` format cannot
        record (bfloat16 and the float8 types), and for what is no array data (None, a
        string, a dict), which NumPy would pickle.

    Notes
    -----
    Memory and autograd: reads the arrays only; no graph is touched.

    Examples
    --------
    >>> import io
    >>> import tbridge as tb
    >>> buffer = io.BytesIO()
    >>> tb.savez(buffer, tb.arange(2), w=tb.ones(2))
    >>> _ = buffer.seek(0)
    >>> with tb.load(buffer) as data:
    ...     sorted(data), data["w"]
    (['arr_0', 'w'], tensor([1., 1.], dtype=torch.float64))
    """
    _savez("savez", np.savez, file, args, allow_pickle, kwds)


def savez_compressed(
    file: FileLike, *args: Tensor, allow_pickle: bool = True, **kwds: Tensor
) -> None:
    """Write several arrays to one compressed ``.npz`` file (NumPy's ``savez_compressed``).

    As :func:`savez`, with zip compression.

    Raises
    ------
    TypeError
        For a tensor NumPy cannot hold (on ``meta``, complex32) or the ``.npy`` format cannot
        record (bfloat16 and the float8 types), and for what is no array data (None, a
        string, a dict), which NumPy would pickle.

    Notes
    -----
    Memory and autograd: reads the arrays only; no graph is touched.

    Examples
    --------
    >>> import io
    >>> import tbridge as tb
    >>> buffer = io.BytesIO()
    >>> tb.savez_compressed(buffer, x=tb.zeros(1000))
    >>> buffer.tell() < 1000
    True
    """
    _savez("savez_compressed", np.savez_compressed, file, args, allow_pickle, kwds)


# torch.Tensor spelled out in the two annotations below: `basedpyright --verifytypes` reads a
# name imported from torch as unknown inside a union or a type argument (microsoft/pyright#11196).
class NpzFile(Mapping[str, torch.Tensor]):
    """The arrays of a ``.npz`` file as tensors, read lazily by name (``tb.load``'s result;
    public as ``tbridge.lib.npyio.NpzFile``, where NumPy has its own).

    A read-only mapping over NumPy's ``NpzFile``: ``data["x"]`` reads array ``x`` and returns
    it as a tensor on the device ``load`` was given; ``data.files`` lists the names. Close it
    (or use ``with``) to release the file.

    Notes
    -----
    Memory and autograd: each read is a fresh array that the tensor owns (no further copy on
    the CPU); not on any autograd graph.
    """

    __slots__ = ("_device", "_npz")

    def __init__(self, npz: Any, device: DeviceLike | None) -> None:
        self._npz = npz
        self._device: DeviceLike | None = device

    @property
    def files(self) -> list[str]:
        """The names of the arrays in the file."""
        names: list[str] = list(self._npz.files)
        return names

    def __getitem__(self, key: str) -> Tensor:
        return _to_tensor(self._npz[key], None, self._device, "load")

    def __iter__(self) -> Iterator[str]:
        return iter(self._npz.files)

    def __len__(self) -> int:
        return len(self._npz.files)

    def __contains__(self, key: object) -> bool:
        return key in self._npz.files

    def close(self) -> None:
        """Close the underlying file."""
        self._npz.close()

    def __enter__(self) -> NpzFile:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"tbridge.lib.npyio.NpzFile({self._npz.files!r})"


def load(
    file: FileLike,
    mmap_mode: str | None = None,
    allow_pickle: bool = False,
    fix_imports: bool = True,
    encoding: str = "ASCII",
    *,
    max_header_size: int = 10000,
    device: DeviceLike | None = None,
) -> torch.Tensor | NpzFile:
    """Read a ``.npy`` file into a tensor, or a ``.npz`` file into a mapping of tensors.

    Parameters
    ----------
    file
        A path or an open binary file.
    mmap_mode
        As for ``numpy.load``. ``"r+"`` and ``"c"`` map the file and the tensor shares the
        mapping (``"r+"`` writes reach the file; ``"c"`` writes stay in memory); ``"r"``
        gives a read-only mapping, which a tensor cannot share: its values are copied.
    allow_pickle, fix_imports, encoding, max_header_size
        As for ``numpy.load`` (pickles are refused by default; object arrays have no tensor
        form in any case).
    device
        Where the tensors are put (default: the CPU).

    Returns
    -------
    Tensor or NpzFile
        A tensor for ``.npy``; a read-only mapping of names to tensors for ``.npz``.

    Raises
    ------
    TypeError
        For arrays torch has no dtype for (strings, records, objects): read them with
        ``numpy.load``; for a ``file`` that is neither a path nor an open file.
    ValueError
        NumPy's errors (not an array file, pickles refused), passed on.
    OSError
        The OS's error (e.g. ``FileNotFoundError``), naming the function.

    Notes
    -----
    Memory and autograd: on the CPU the tensor owns the array NumPy read (no copy); on
    another device it is one transfer. Not on any autograd graph.

    Examples
    --------
    >>> import io
    >>> import tbridge as tb
    >>> buffer = io.BytesIO()
    >>> tb.save(buffer, tb.eye(2))
    >>> _ = buffer.seek(0)
    >>> tb.load(buffer)
    tensor([[1., 0.],
            [0., 1.]], dtype=torch.float64)
    """
    _check_source(file, "load", "file")
    try:
        found = _np_load(
            file,
            mmap_mode=mmap_mode,
            allow_pickle=allow_pickle,
            fix_imports=fix_imports,
            encoding=encoding,
            max_header_size=max_header_size,
        )
    except OSError as e:
        raise _os_error(e, "load") from e
    if isinstance(found, np.lib.npyio.NpzFile):
        return NpzFile(found, device)
    return _to_tensor(found, None, device, "load")


def fromfile(
    file: FileLike,
    dtype: DTypeLike | None = float,
    count: int = -1,
    sep: str = "",
    offset: int = 0,
    *,
    like: None = None,
    device: DeviceLike | None = None,
) -> Tensor:
    """Read raw binary (or ``sep``-separated text) numbers from a file (NumPy's ``fromfile``).

    Parameters
    ----------
    file
        A path or an open file.
    dtype
        The element dtype, any spelling (torch dtypes too); byte-swapped NumPy dtypes
        (``">f4"``) are read as stored and converted to native order (a copy).
    count, sep, offset
        As for ``numpy.fromfile``.
    like
        NumPy's dispatch argument; must be None.
    device
        Where the tensor is put (default: the CPU).

    Returns
    -------
    Tensor

    Raises
    ------
    TypeError
        For a ``dtype`` torch has no twin for; for a ``file`` that is neither a path nor an
        open file.
    OSError
        The OS's error (e.g. ``FileNotFoundError``), naming the function.

    Notes
    -----
    Memory and autograd: on the CPU the tensor owns the array NumPy read (no copy, unless the
    byte order is swapped); on another device it is one transfer. Not on any autograd graph.

    Examples
    --------
    >>> import os, tempfile
    >>> import numpy as np
    >>> import tbridge as tb
    >>> path = os.path.join(tempfile.mkdtemp(), "raw.bin")
    >>> np.arange(4, dtype=np.int16).tofile(path)
    >>> tb.fromfile(path, dtype=tb.int16)
    tensor([0, 1, 2, 3], dtype=torch.int16)
    """
    _reject_like(like, "fromfile")
    # refuses dtypes torch lacks
    target = torch_dtype(float if dtype is None else dtype, caller="fromfile")
    read_as: np.dtype[Any] | None
    if isinstance(dtype, (str, np.dtype)) and np.dtype(dtype).byteorder in "<>":
        read_as = np.dtype(dtype)  # bytes stored in the other order are read as stored
    else:
        read_as = numpy_dtype_of(target)
        if read_as is None:
            raise TypeError(
                f"fromfile: reading {target} bytes needs NumPy's twin of {target}, which "
                "comes from ml_dtypes; install the ml-dtypes extra (pip install "
                "tbridge[ml-dtypes])"
            )
    _check_source(file, "fromfile", "file")
    try:
        arr = _np_fromfile(file, dtype=read_as, count=count, sep=sep, offset=offset)
    except OSError as e:
        raise _os_error(e, "fromfile") from e
    return _to_tensor(arr, None if arr.dtype.isnative else target, device, "fromfile")

"""I/O through NumPy's readers and writers: the same files read by NumPy are the oracle, and
files written from tensors must be byte-for-byte what NumPy writes from the same values."""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import torch

import tbridge as tb
from tbridge._numpy import io as tb_io
from tbridge.lib.npyio import NpzFile
from tests._helpers import assert_matches_numpy

TEXT = ["# header", "1.5 2 3", "4 5.25 6", "7 8 9.125"]
CSV = ["a,b,c", "1,2,3", "4,,6", "7,8,"]


def _lines(lines: list[str]) -> io.StringIO:
    return io.StringIO("\n".join(lines) + "\n")


# ---- loadtxt -------------------------------------------------------------------------------

LOADTXT_ARGS: list[dict[str, Any]] = [
    {},
    {"dtype": np.float32},
    {"dtype": "i8", "converters": float},
    {"usecols": (0, 2)},
    {"usecols": 1},
    {"skiprows": 2},
    {"max_rows": 2, "skiprows": 1},
    {"unpack": True},
    {"ndmin": 2, "usecols": 0},
    {"ndmin": 1, "max_rows": 1, "skiprows": 1},
    {"comments": "#", "delimiter": " "},
    {"converters": {0: lambda s: float(s) * 10}},
]


@pytest.mark.parametrize("kwargs", LOADTXT_ARGS, ids=repr)
def test_loadtxt_matches_numpy(kwargs: dict[str, Any]) -> None:
    expected = np.loadtxt(_lines(TEXT), **kwargs)
    assert_matches_numpy(tb.loadtxt(_lines(TEXT), **kwargs), expected)


def test_loadtxt_quotechar_and_path(tmp_path: Path) -> None:
    path = tmp_path / "quoted.csv"
    path.write_text('"1",2\n"3",4\n')
    expected = np.loadtxt(path, delimiter=",", quotechar='"')
    assert_matches_numpy(tb.loadtxt(path, delimiter=",", quotechar='"'), expected)
    assert_matches_numpy(tb.loadtxt(str(path), delimiter=",", quotechar='"'), expected)


@pytest.mark.parametrize(
    ("dtype", "twin"),
    [
        (tb.float32, np.float32),
        (tb.int16, np.int16),
        (float, np.float64),
        (tb.complex64, np.complex64),
    ],
    ids=repr,
)
def test_loadtxt_takes_torch_dtypes(dtype: Any, twin: Any) -> None:
    lines = ["1 2", "3 4"]
    assert_matches_numpy(tb.loadtxt(lines, dtype=dtype), np.loadtxt(lines, dtype=twin))


def test_loadtxt_bfloat16_reads_then_converts() -> None:
    got = tb.loadtxt(["1.5 2", "3 4"], dtype=tb.bfloat16)
    assert got.dtype == torch.bfloat16
    assert got.tolist() == np.loadtxt(["1.5 2", "3 4"]).tolist()


def test_loadtxt_device(device: torch.device) -> None:
    got = tb.loadtxt(_lines(TEXT), device=device)
    assert_matches_numpy(got, np.loadtxt(_lines(TEXT)), device=device)


@pytest.mark.parametrize("unpack", [False, True])
def test_readers_own_numpys_fresh_buffer(monkeypatch: pytest.MonkeyPatch, unpack: bool) -> None:
    read: list[np.ndarray[Any, Any]] = []

    def spy(*args: Any, **kwargs: Any) -> Any:
        arr = np.loadtxt(*args, **kwargs)
        read.append(arr)
        return arr

    monkeypatch.setattr(tb_io, "_np_loadtxt", spy)
    t = tb.loadtxt(_lines(TEXT), unpack=unpack)
    (arr,) = read
    assert tb.shares_memory(t, arr)  # no copy: the tensor sits on NumPy's buffer
    assert t.data_ptr() == arr.ctypes.data


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        (
            {"dtype": str},
            TypeError,
            r"dtype=<class 'str'>: NumPy dtype '<U0' \(str\) has no torch twin; torch has no such dtype \(string, structured, datetime and object data stay in NumPy\); compute on such data with NumPy itself",
        ),
        (
            {"dtype": [("a", "f8"), ("b", "f8"), ("c", "f8")]},
            TypeError,
            r"NumPy dtype '\|V24' \(\[\('a', '<f8'\), \('b', '<f8'\), \('c', '<f8'\)\]\) has no torch twin",
        ),
        (
            {"like": np.zeros(1)},
            TypeError,
            r"loadtxt: like= asks NumPy to dispatch to another array library; tbridge always returns tensors, so leave like=None and pass device= for where they live",
        ),
    ],
    ids=["str", "structured", "like"],
)
def test_loadtxt_rejects(kwargs: dict[str, Any], error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=message):
        tb.loadtxt(_lines(TEXT), **kwargs)


def test_loadtxt_passes_numpys_parse_errors_on() -> None:
    with pytest.raises(ValueError, match="could not convert string"):
        np.loadtxt(["1 x"])
    with pytest.raises(ValueError, match="could not convert string"):
        tb.loadtxt(["1 x"])


# ---- genfromtxt ----------------------------------------------------------------------------

GENFROMTXT_ARGS: list[dict[str, Any]] = [
    {"delimiter": ",", "skip_header": 1},
    {"delimiter": ",", "skip_header": 1, "filling_values": -1.0},
    {"delimiter": ",", "skip_header": 1, "usecols": (0, 2)},
    {"delimiter": ",", "skip_header": 1, "skip_footer": 1},
    {"delimiter": ",", "skip_header": 1, "dtype": np.float32},
    {"delimiter": ",", "skip_header": 1, "unpack": True},
    {"delimiter": ",", "skip_header": 1, "max_rows": 2, "ndmin": 2},
    {"delimiter": ",", "skip_header": 1, "missing_values": "8", "filling_values": 0},
]


@pytest.mark.parametrize("kwargs", GENFROMTXT_ARGS, ids=repr)
def test_genfromtxt_matches_numpy(kwargs: dict[str, Any]) -> None:
    expected = np.genfromtxt(_lines(CSV), **kwargs)
    assert_matches_numpy(tb.genfromtxt(_lines(CSV), **kwargs), expected)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        (
            {"names": True},
            r"genfromtxt: the data read has NumPy dtype \[\('a', '<f8'\), \('b', '<f8'\), \('c', '<f8'\)\], which torch has no dtype for \(structured, string, datetime and object arrays stay in NumPy\); compute on it with NumPy itself",
        ),
        (
            {"skip_header": 1, "usemask": True},
            r"genfromtxt: usemask=True gives a masked array, whose mask a tensor cannot hold; leave usemask=False \(missing values become filling_values, NaN for floats\) or call numpy.genfromtxt itself",
        ),
        ({"dtype": "U3"}, r"dtype='U3': NumPy dtype '<U3' \(str96\) has no torch twin"),
        ({"skip_header": 1, "like": []}, r"genfromtxt: like= asks NumPy to dispatch"),
    ],
    ids=["names", "usemask", "str", "like"],
)
def test_genfromtxt_rejects(kwargs: dict[str, Any], message: str) -> None:
    with pytest.raises(TypeError, match=message):
        tb.genfromtxt(_lines(CSV), delimiter=",", **kwargs)


def test_genfromtxt_dtype_none_inference() -> None:
    # Plain numbers infer one dtype, as in NumPy; mixed columns would give records (refused).
    lines = ["1,2", "3,4"]
    expected = np.genfromtxt(lines, delimiter=",", dtype=None)
    assert_matches_numpy(tb.genfromtxt(lines, delimiter=",", dtype=None), expected)
    with pytest.raises(TypeError, match=r"genfromtxt: the data read has NumPy dtype \[\('f0'"):
        tb.genfromtxt(["1,x", "3,y"], delimiter=",", dtype=None, encoding="utf-8")


# ---- savetxt -------------------------------------------------------------------------------

SAVETXT_ARGS: list[dict[str, Any]] = [
    {},
    {"fmt": "%.3f", "delimiter": ","},
    {"fmt": ["%d", "%.1f", "%g"]},
    {"header": "a b c", "footer": "end", "comments": "// "},
    {"newline": ";"},
]


@pytest.mark.parametrize("kwargs", SAVETXT_ARGS, ids=repr)
def test_savetxt_writes_what_numpy_writes(kwargs: dict[str, Any]) -> None:
    a = np.arange(6.0).reshape(2, 3) / 3
    ours, theirs = io.StringIO(), io.StringIO()
    tb.savetxt(ours, tb.asarray(a), **kwargs)
    np.savetxt(theirs, a, **kwargs)
    assert ours.getvalue() == theirs.getvalue()


def test_savetxt_tensor_with_grad_non_contiguous(tmp_path: Path) -> None:
    base = torch.arange(12.0, dtype=torch.float64, requires_grad=True)
    x = (base * 2).reshape(3, 4).T
    tb.savetxt(tmp_path / "t.txt", x)
    np.savetxt(tmp_path / "n.txt", (np.arange(12.0) * 2).reshape(3, 4).T)
    assert (tmp_path / "t.txt").read_bytes() == (tmp_path / "n.txt").read_bytes()
    assert x.grad_fn is not None


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            lambda f: tb.savetxt(f, torch.ones(2, device="meta")),
            r"savetxt: a meta tensor has shape and dtype but no data",
        ),
        (
            lambda f: tb.save(f, torch.ones(2, device="meta")),
            r"save: a meta tensor has shape and dtype but no data",
        ),
        (
            lambda f: tb.savez(f, a=torch.ones(2, device="meta")),
            r"savez: a meta tensor has shape and dtype but no data",
        ),
    ],
    ids=["savetxt", "save", "savez"],
)
def test_writers_reject_meta(call: Any, message: str) -> None:
    with pytest.raises(TypeError, match=message):
        call(io.BytesIO())


@pytest.mark.parametrize("dtype", [torch.bfloat16, torch.float8_e4m3fn], ids=str)
@pytest.mark.parametrize(
    ("write", "name"),
    [
        (tb.save, "save: arr"),
        (tb.savez, r"savez: args\[0\]"),
        (lambda f, v: tb.savez_compressed(f, a=v), "savez_compressed: a"),
    ],
    ids=["save", "savez", "savez_compressed"],
)
def test_binary_writers_refuse_dtypes_npy_cannot_record(
    write: Any, name: str, dtype: torch.dtype
) -> None:
    """The .npy header has no name for bfloat16 or float8: NumPy (with ml_dtypes) would write
    the raw bytes as a void dtype that reads back as bytes, not numbers."""
    buffer = io.BytesIO()
    with pytest.raises(
        TypeError,
        match=rf"^{name} has dtype {dtype}, which the \.npy format cannot record \(NumPy would "
        r"write untyped raw bytes\); convert first, e\.g\. tb\.astype\(x, tb\.float32\)",
    ):
        write(buffer, torch.ones(2, dtype=dtype))
    assert buffer.getvalue() == b""


@pytest.mark.parametrize("value", [None, "abc", {}, object(), ["a", "b"]], ids=repr)
@pytest.mark.parametrize(
    ("write", "name"),
    [
        (tb.save, "save: arr"),
        (tb.savez, r"savez: args\[0\]"),
        (lambda f, v: tb.savez_compressed(f, a=v), "savez_compressed: a"),
        (tb.savetxt, "savetxt: X"),
    ],
    ids=["save", "savez", "savez_compressed", "savetxt"],
)
def test_writers_refuse_what_is_not_array_data(write: Any, name: str, value: object) -> None:
    """NumPy would pickle an object array (or store strings): no tensor holds that."""
    with pytest.raises(TypeError, match=rf"^{name} of type \w+ is not array data"):
        write(io.BytesIO(), value)


@pytest.mark.parametrize("value", [[1, 2.5], 3, np.array(["x"]), np.float32(2)], ids=repr)
def test_writers_take_numbers_and_numpy_data(value: Any) -> None:
    """Numbers and nested sequences of them, and NumPy data as it is, are written as NumPy
    writes them."""
    ours, theirs = io.BytesIO(), io.BytesIO()
    tb.save(ours, value)
    np.save(theirs, value)
    assert ours.getvalue() == theirs.getvalue()


@pytest.mark.parametrize("x", [torch.tensor(1.0), torch.zeros(2, 2, 2)], ids=["0-d", "3-d"])
def test_savetxt_needs_one_or_two_dimensions(x: torch.Tensor) -> None:
    with pytest.raises(
        ValueError, match=rf"^savetxt: X has shape {re.escape(str(tuple(x.shape)))}"
    ):
        tb.savetxt(io.StringIO(), x)


READERS = [
    (tb.load, "file"),
    (tb.fromfile, "file"),
    (tb.loadtxt, "fname"),
    (tb.genfromtxt, "fname"),
]


@pytest.mark.parametrize("value", [None, object()], ids=repr)
@pytest.mark.parametrize(("read", "name"), READERS, ids=lambda r: getattr(r, "__name__", r))
def test_readers_refuse_what_is_no_file(read: Any, name: str, value: object) -> None:
    with pytest.raises(TypeError, match=rf"^{read.__name__}: {name}=.* is not a path"):
        read(value)


@pytest.mark.parametrize(("read", "name"), READERS, ids=lambda r: getattr(r, "__name__", r))
def test_readers_name_themselves_on_a_missing_file(read: Any, name: str, tmp_path: Path) -> None:
    """The OS's error keeps its class (and errno and file name where it has them)."""
    missing = str(tmp_path / "missing.txt")
    with pytest.raises(FileNotFoundError, match=rf"{read.__name__}: .*missing\.txt") as info:
        read(missing)
    assert isinstance(info.value.__cause__, FileNotFoundError)


# ---- save / load (.npy) --------------------------------------------------------------------

NPY = [
    np.arange(6.0).reshape(2, 3),
    np.arange(5, dtype=np.int16),
    np.array(3.5),
    np.zeros((0, 4), dtype=np.float32),
    (np.arange(4) + 1j).astype(np.complex64),
    np.array([True, False]),
    np.asfortranarray(np.arange(6).reshape(2, 3)),
]


@pytest.mark.parametrize("a", NPY, ids=lambda a: f"{a.dtype}{a.shape}")
def test_save_writes_what_numpy_writes_and_load_reads_it(a: Any, tmp_path: Path) -> None:
    tb.save(tmp_path / "t.npy", tb.asarray(a))
    np.save(tmp_path / "n.npy", a)
    assert (tmp_path / "t.npy").read_bytes() == (tmp_path / "n.npy").read_bytes()
    assert_matches_numpy(tb.load(tmp_path / "n.npy"), np.load(tmp_path / "n.npy"))


def test_save_appends_npy_like_numpy(tmp_path: Path) -> None:
    tb.save(tmp_path / "plain", tb.arange(3))
    assert (tmp_path / "plain.npy").exists()


def test_load_device(device: torch.device, tmp_path: Path) -> None:
    np.save(tmp_path / "a.npy", np.arange(4.0))
    assert_matches_numpy(tb.load(tmp_path / "a.npy", device=device), np.arange(4.0), device=device)


def test_load_mmap_r_plus_shares_the_file(tmp_path: Path) -> None:
    path = tmp_path / "m.npy"
    np.save(path, np.zeros(4))
    t = tb.load(path, mmap_mode="r+")
    assert isinstance(t, torch.Tensor)
    t[1] = 42.0  # writes into the mapped file
    assert np.load(path, mmap_mode="r")[1] == 42.0


def test_load_mmap_r_copies(tmp_path: Path) -> None:
    path = tmp_path / "m.npy"
    np.save(path, np.zeros(4))
    t = tb.load(path, mmap_mode="r")
    assert isinstance(t, torch.Tensor)
    t[1] = 42.0  # a copy: the file is unchanged
    assert np.load(path)[1] == 0.0


def test_load_refuses_pickles_by_default(tmp_path: Path) -> None:
    path = tmp_path / "o.npy"
    np.save(path, np.array([{"a": 1}], dtype=object))
    with pytest.raises(ValueError, match="allow_pickle=False"):
        np.load(path)
    with pytest.raises(ValueError, match="allow_pickle=False"):
        tb.load(path)
    with pytest.raises(
        TypeError,
        match=r"load: the data read has NumPy dtype object, which torch has no dtype for .*compute on it with NumPy itself",
    ):
        tb.load(path, allow_pickle=True)


def test_load_string_array_names_numpy(tmp_path: Path) -> None:
    np.save(tmp_path / "s.npy", np.array(["a", "b"]))
    with pytest.raises(
        TypeError, match=r"load: the data read has NumPy dtype <U1, which torch has no dtype for"
    ):
        tb.load(tmp_path / "s.npy")


# ---- savez / load (.npz) -------------------------------------------------------------------


@pytest.mark.parametrize("compressed", [False, True], ids=["savez", "savez_compressed"])
def test_savez_round_trip(compressed: bool, tmp_path: Path) -> None:
    writer = tb.savez_compressed if compressed else tb.savez
    np_writer = np.savez_compressed if compressed else np.savez
    a, b = np.arange(6.0).reshape(2, 3), np.array([1, 2], dtype=np.int32)
    writer(tmp_path / "t.npz", tb.asarray(a), weights=tb.asarray(b))
    np_writer(tmp_path / "n.npz", a, weights=b)
    with np.load(tmp_path / "n.npz") as theirs, tb.load(tmp_path / "t.npz") as ours:
        assert isinstance(ours, NpzFile)
        assert ours.files == theirs.files
        assert sorted(ours) == sorted(theirs.files)
        assert len(ours) == 2
        assert "weights" in ours
        assert "other" not in ours
        for name in theirs.files:
            assert_matches_numpy(ours[name], theirs[name])
        assert dict(ours).keys() == {"arr_0", "weights"}
        assert repr(ours) == f"tbridge.lib.npyio.NpzFile({theirs.files!r})"


def test_npz_device_and_close(device: torch.device, tmp_path: Path) -> None:
    np.savez(tmp_path / "d.npz", x=np.ones(3))
    data = tb.load(tmp_path / "d.npz", device=device)
    assert isinstance(data, NpzFile)
    assert_matches_numpy(data["x"], np.ones(3), device=device)
    data.close()
    with pytest.raises((AttributeError, ValueError, OSError)):
        data["x"]


def test_savez_tensors_on_the_graph(tmp_path: Path) -> None:
    x = torch.ones(2, requires_grad=True) * 3
    tb.savez(tmp_path / "g.npz", x=x)
    with tb.load(tmp_path / "g.npz") as data:
        assert data["x"].tolist() == [3.0, 3.0]
    assert x.grad_fn is not None


# ---- fromfile ------------------------------------------------------------------------------

FROMFILE: list[tuple[Any, dict[str, Any]]] = [
    (np.arange(10, dtype=np.int16), {"dtype": np.int16}),
    (np.arange(10, dtype=np.int16), {"dtype": tb.int16, "count": 4}),
    (np.arange(10, dtype=np.float32), {"dtype": "f4", "offset": 8}),
    (np.arange(10, dtype=np.float64), {}),
    (np.arange(6, dtype=">f4"), {"dtype": ">f4"}),
    (np.arange(4, dtype=np.uint32), {"dtype": tb.uint32, "count": -1}),
]


@pytest.mark.parametrize(
    ("a", "kwargs"), FROMFILE, ids=lambda v: repr(v) if isinstance(v, dict) else str(v.dtype)
)
def test_fromfile_matches_numpy(a: Any, kwargs: dict[str, Any], tmp_path: Path) -> None:
    path = tmp_path / "raw.bin"
    a.tofile(path)
    expected = np.fromfile(
        path,
        **{
            k: (np.dtype(str(v).removeprefix("torch.")) if isinstance(v, torch.dtype) else v)
            for k, v in kwargs.items()
        },
    )
    assert_matches_numpy(
        tb.fromfile(path, **kwargs), expected.astype(expected.dtype.newbyteorder("="))
    )


def test_fromfile_text(tmp_path: Path) -> None:
    path = tmp_path / "nums.txt"
    path.write_text("1, 2, 3.5")
    expected = np.fromfile(path, sep=",")
    assert_matches_numpy(tb.fromfile(path, sep=","), expected)


def test_fromfile_device(device: torch.device, tmp_path: Path) -> None:
    np.arange(3.0).tofile(tmp_path / "r.bin")
    assert_matches_numpy(
        tb.fromfile(tmp_path / "r.bin", device=device), np.arange(3.0), device=device
    )


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        (
            {"dtype": "M8[s]"},
            r"dtype='M8\[s\]': NumPy dtype '<M8\[s\]' \(datetime64\[s\]\) has no torch twin",
        ),
        ({"dtype": ">U2"}, r"dtype='>U2': NumPy dtype '>U2' \(str64\) has no torch twin"),
        ({"like": np.zeros(1)}, r"fromfile: like= asks NumPy to dispatch"),
    ],
    ids=["datetime", "swapped str", "like"],
)
def test_fromfile_rejects(kwargs: dict[str, Any], message: str, tmp_path: Path) -> None:
    np.arange(4.0).tofile(tmp_path / "r.bin")
    with pytest.raises(TypeError, match=message):
        tb.fromfile(tmp_path / "r.bin", **kwargs)


def test_npzfile_is_not_a_main_namespace_name() -> None:
    assert "NpzFile" not in tb.__all__
    assert tb.lib.npyio.NpzFile is NpzFile


@pytest.mark.parametrize(
    "tensor",
    [torch.ones(2, dtype=torch.bfloat16), torch.ones(2, dtype=torch.float64, requires_grad=True)],
    ids=["bfloat16", "requires_grad"],
)
def test_save_refuses_a_list_of_tensors_numpy_cannot_read(tensor: torch.Tensor) -> None:
    buffer = io.BytesIO()
    with pytest.raises(TypeError, match=r"^save: arr is a list holding data NumPy cannot"):
        tb.save(buffer, [tensor, tensor])
    assert buffer.getvalue() == b""

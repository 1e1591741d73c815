"""``Generator`` and ``default_rng``: NumPy's seeded generator over torch generators.

A :class:`Generator` owns one ``torch.Generator`` per device it draws on, each seeded with
the same 64-bit seed, and draws there (a CUDA Generator samples on the GPU with its CUDA
generator; nothing goes through the host). Its seed comes from anything NumPy's
``default_rng`` takes (an int, a sequence of ints, a ``SeedSequence``, a NumPy
``Generator`` or ``BitGenerator``, which are drawn from) or a ``torch.Generator`` (drawn from,
never shared). ``spawn`` gives independent children through NumPy's ``SeedSequence``.

The streams are not NumPy's (the bits come from torch's Philox/Mersenne generators, and the
samplers differ); what holds is: the same seed on the same torch build and device gives the
same numbers.

Memory and autograd: see :mod:`tbridge._extras.random_sampler`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TypeAlias, Union

import numpy as np
import torch

from tbridge._core.normalize import CPU, DeviceLike, torch_device
from tbridge._extras.random_sampler import Gen, Sampler

__all__ = ["Generator", "SeedLike", "default_rng", "resolve_seed"]

#: What ``default_rng`` and ``Generator`` accept as a seed.
SeedLike: TypeAlias = Union[
    int,
    "np.integer[Any]",
    Sequence[int],
    "np.ndarray[Any, Any]",
    np.random.SeedSequence,
    np.random.Generator,
    np.random.BitGenerator,
    torch.Generator,
    None,
]

_TWO64 = 2**64


def _from_sequence(ss: np.random.SeedSequence) -> int:
    return int(ss.generate_state(1, np.uint64)[0])


def resolve_seed(seed: object, caller: str) -> tuple[int, np.random.SeedSequence]:
    """The 64-bit torch seed for ``seed`` and the ``SeedSequence`` its children come from.

    An int below 2**64 seeds torch as it is (``default_rng(7)`` draws what
    ``torch.Generator().manual_seed(7)`` draws); larger ints and sequences of ints are hashed
    by NumPy's ``SeedSequence``; generators are drawn from once.

    Raises
    ------
    TypeError
        A seed of another kind (a float, a bool, a string).
    ValueError
        A negative int.
    """
    if seed is None:
        ss = np.random.SeedSequence()
        return _from_sequence(ss), ss
    if isinstance(seed, np.random.SeedSequence):
        return _from_sequence(seed), seed
    if isinstance(seed, np.random.Generator):
        value = int(seed.integers(_TWO64, dtype=np.uint64))
        return value, np.random.SeedSequence(value)
    if isinstance(seed, np.random.BitGenerator):
        value = int(seed.random_raw())
        return value, np.random.SeedSequence(value)
    if isinstance(seed, torch.Generator):
        drawn = torch.empty((), dtype=torch.int64, device=seed.device).random_(generator=seed)
        value = int(drawn)
        return value, np.random.SeedSequence(value)
    if isinstance(seed, (bool, np.bool_)):
        raise TypeError(
            f"{caller}: seed={seed!r} is a bool; pass an int, a sequence of ints or None"
        )
    if isinstance(seed, (int, np.integer)):
        value = int(seed)
        if value < 0:
            raise ValueError(f"{caller}: seed={value} is negative; pass a non-negative integer")
        ss = np.random.SeedSequence(value)
        return (value if value < _TWO64 else _from_sequence(ss)), ss
    if isinstance(seed, torch.Tensor):
        seed = seed.detach().cpu().numpy()
    if isinstance(seed, (Sequence, np.ndarray)) and not isinstance(seed, (str, bytes)):
        try:
            ss = np.random.SeedSequence(seed)
        except (TypeError, ValueError) as e:
            raise type(e)(
                f"{caller}: seed={seed!r} is not a sequence of non-negative integers ({e}); "
                "pass ints"
            ) from e
        return _from_sequence(ss), ss
    raise TypeError(
        f"{caller}: seed={seed!r} is not a seed; pass None, an int, a sequence of ints, a "
        "numpy.random.SeedSequence, a NumPy Generator or BitGenerator, or a torch.Generator"
    )


class Generator(Sampler):
    """A seeded source of random tensors with NumPy ``Generator``'s methods.

    Parameters
    ----------
    seed : int, sequence of ints, SeedSequence, NumPy Generator, torch.Generator, optional
        Where the stream starts (see :func:`default_rng`); fresh entropy when None.
    device : device, optional
        Where draws go by default (the CPU when None; a ``torch.Generator`` seed brings its
        own device). A draw with a tensor parameter on another device, or with ``device=``,
        uses a torch generator of that device seeded with the same seed.

    Notes
    -----
    Each Generator owns its torch generators: two Generators never share state, even with
    equal seeds (they then draw equal numbers). As with NumPy's, one Generator may be used
    from several threads: torch serializes each draw on a generator, so every sample is
    correct, but which thread gets which numbers depends on scheduling. For repeatable
    multi-threaded runs give each thread its own child from :meth:`spawn`.

    The numbers differ from NumPy's for the same seed (other bit generators, other
    samplers); the same seed on the same torch build and device gives the same numbers.

    Memory and autograd: every sample is new memory (see the methods).

    Examples
    --------
    >>> import tbridge as tb
    >>> rng = tb.random.default_rng(42)
    >>> bool(tb.all(rng.random(3) == tb.random.default_rng(42).random(3)))
    True
    """

    _device: torch.device
    _g0: Gen

    def __init__(self, seed: SeedLike = None, *, device: DeviceLike | None = None) -> None:
        self._setup(seed, device, "Generator")

    def _setup(self, seed: SeedLike, device: DeviceLike | None, caller: str) -> None:
        value, ss = resolve_seed(seed, caller)
        if device is None and isinstance(seed, torch.Generator):
            device = seed.device
        #: The 64-bit seed each of this Generator's torch generators starts from.
        self.seed: int = value
        self._seed_seq = ss
        self._device = torch_device(device, caller=caller)
        self._generators: dict[torch.device, torch.Generator] = {}
        self._g0 = self._gen(self._device)

    def __repr__(self) -> str:
        where = "" if self._device == CPU else f", device={str(self._device)!r}"
        return f"tbridge.random.Generator(seed={self.seed}{where})"

    @property
    def device(self) -> torch.device:
        """Where this Generator draws unless told otherwise."""
        return self._device

    @property
    def torch_generator(self) -> torch.Generator:
        """The ``torch.Generator`` behind draws on :attr:`device`, for torch's own samplers.

        Drawing from it with torch functions advances this Generator's stream.

        Examples
        --------
        >>> import tbridge as tb, torch
        >>> rng = tb.random.default_rng(0)
        >>> torch.rand(2, generator=rng.torch_generator).shape
        torch.Size([2])
        """
        gen = self._gen(self._device)
        if gen is None:
            raise ValueError("Generator: a meta-device Generator has no torch generator")
        return gen

    def _gen(self, device: torch.device) -> Gen:
        gen = self._generators.get(device)
        if gen is not None:
            return gen
        if device.type == "meta":
            return None
        key = device
        index: int | None = device.index  # torch's stub says int; it is None for "cuda"
        if device.type == "cuda" and index is None:
            key = torch.device("cuda", torch.cuda.current_device())
            gen = self._generators.get(key)
            if gen is not None:
                return gen
        fresh = torch.Generator(device=key)
        fresh.manual_seed(self.seed)
        # setdefault: two threads racing to create one device's generator end up sharing one.
        return self._generators.setdefault(key, fresh)

    def spawn(self, n_children: int) -> list[Generator]:
        """``n_children`` independent Generators, on this one's device (NumPy's ``spawn``).

        The children's seeds come from this Generator's ``SeedSequence``; spawning again gives
        new children.

        Examples
        --------
        >>> import tbridge as tb
        >>> a, b = tb.random.default_rng(0).spawn(2)
        >>> bool(tb.all(a.random(3) == b.random(3)))
        False
        """
        if isinstance(n_children, bool) or not isinstance(n_children, (int, np.integer)):
            raise TypeError(f"spawn: n_children={n_children!r} is not an integer")
        if n_children < 0:
            raise ValueError(f"spawn: n_children={n_children} must be >= 0")
        return [
            Generator(child, device=self._device) for child in self._seed_seq.spawn(int(n_children))
        ]


def default_rng(
    seed: SeedLike | Generator = None, *, device: DeviceLike | None = None
) -> Generator:
    """A :class:`Generator` seeded from ``seed`` (fresh entropy when None), as NumPy's.

    Parameters
    ----------
    seed : None, int, sequence of ints, SeedSequence, Generator, or another generator
        A tbridge ``Generator`` comes back unchanged; a NumPy ``Generator`` or
        ``BitGenerator``, or a ``torch.Generator``, is drawn from once to seed a new,
        independent Generator.
    device : device, optional
        Where the Generator draws by default (the CPU when None).

    Returns
    -------
    Generator

    Raises
    ------
    TypeError
        A seed of another kind.
    ValueError
        A negative seed; a tbridge ``Generator`` with a different ``device=``.

    Memory and autograd: no tensor is made until the Generator draws.

    Examples
    --------
    >>> import tbridge as tb, numpy as np
    >>> tb.random.default_rng(7)
    tbridge.random.Generator(seed=7)
    >>> rng = tb.random.default_rng(np.random.SeedSequence(1234))
    >>> a, b = rng.spawn(2)
    """
    if isinstance(seed, Generator):
        if device is not None and torch_device(device, caller="default_rng") != seed.device:
            raise ValueError(
                f"default_rng: the Generator draws on {seed.device}, not {device!r}; pass "
                f"default_rng(rng.spawn(1)[0].seed, device={device!r}) for one on that device"
            )
        return seed
    rng = Generator.__new__(Generator)
    rng._setup(seed, device, "default_rng")
    return rng

"""Device and dtype moves: ``to_device``, ``astype`` and the one copy routine both use.

Rules: a move copies only when it must (or when ``copy=True``), never detaches from autograd,
and a combined dtype + device move makes exactly one trip over the host <-> device link, with
the smaller representation on the wire (convert on the host when shrinking, on the device when
growing). Large host <-> accelerator transfers go through pinned staging memory.
"""

from __future__ import annotations

from typing import Final

import torch

from tbridge._core.normalize import DeviceLike, check_copy, torch_device

__all__ = ["to_device"]

#: Host <-> accelerator transfers of at least this many bytes are staged through pinned memory.
PINNED_THRESHOLD_BYTES: Final = 64 * 2**20


def _cross_link(src: torch.device, dst: torch.device) -> bool:
    """Whether moving between these devices crosses the host <-> accelerator link."""
    return (src.type == "cpu") != (dst.type == "cpu") and "meta" not in (src.type, dst.type)


def _transfer(t: torch.Tensor, device: torch.device, non_blocking: bool) -> torch.Tensor:
    """Move ``t`` to ``device`` (one copy), pinning large host buffers on CUDA."""
    nbytes = t.numel() * t.element_size()
    if (
        nbytes >= PINNED_THRESHOLD_BYTES
        and "cuda" in (t.device.type, device.type)
        and t.device.type != device.type
    ):
        if t.device.type == "cpu":
            # Staging copy into pinned memory, then an asynchronous DMA. The caching host
            # allocator keeps the pinned block alive until the copy's stream has used it.
            pinned = torch.empty_like(t, pin_memory=True).copy_(t)
            return pinned.to(device, non_blocking=True)
        out = torch.empty_like(t, device=device, pin_memory=True)
        out.copy_(t, non_blocking=True)
        if not non_blocking:
            torch.cuda.current_stream(t.device).synchronize()
        return out
    return t.to(device, non_blocking=non_blocking)


def convert(
    t: torch.Tensor,
    dtype: torch.dtype,
    device: torch.device,
    *,
    non_blocking: bool = False,
) -> torch.Tensor:
    """``t`` in ``dtype`` on ``device`` with exactly one copy (callers check that one is due).

    Stays on the autograd graph: every step is a differentiable torch op.
    """
    if t.device == device:
        return t.to(dtype=dtype, copy=True)
    if t.dtype == dtype or not _cross_link(t.device, device):
        return _transfer(t, device, non_blocking).to(dtype)
    # Put the smaller representation on the link: shrink first, or grow after the transfer.
    src_size = t.element_size()
    dst_size = torch.empty((), dtype=dtype, device="meta").element_size()
    if dst_size < src_size:
        return _transfer(t.to(dtype), device, non_blocking)
    return _transfer(t, device, non_blocking).to(dtype)


def to_device(
    x: torch.Tensor,
    device: DeviceLike,
    /,
    *,
    copy: bool | None = None,
    non_blocking: bool = False,
) -> torch.Tensor:
    """``x`` on ``device``: ``x`` itself when it is there already and ``copy`` is not True.

    Memory and autograd: shares with ``x`` when no copy is made; stays on ``x``'s autograd graph
    either way (gradients flow back to the source device).

    Parameters
    ----------
    copy
        True always copies; None copies only for a real move; False raises on a real move.
    non_blocking
        Asynchronous transfer where torch supports it (pinned host memory on CUDA).

    Raises
    ------
    TypeError
        When ``x`` is not a tensor.
    ValueError
        ``copy=False`` with a real move.
    """
    if not isinstance(x, torch.Tensor):
        raise TypeError(
            f"to_device: x of type {type(x).__name__} is not a tensor; convert it with "
            "tb.asarray(x, device=...) first"
        )
    dev = torch_device(device, caller="to_device")
    if copy is None and x.device == dev:
        return x
    check_copy(copy, "to_device")
    if x.device == dev:
        if copy:
            return x.clone()
        return x
    if copy is False:
        raise ValueError(
            f"to_device(copy=False): x is on {x.device} and moving it to {dev} needs a copy; "
            "pass copy=None (copy when needed) or copy=True"
        )
    return _transfer(x, dev, non_blocking)

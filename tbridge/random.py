"""``tbridge.random``: NumPy's ``default_rng`` interface over torch generators."""

from tbridge._extras.random import Generator, default_rng

__all__ = ["Generator", "default_rng"]

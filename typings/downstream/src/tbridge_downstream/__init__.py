"""A downstream user of tbridge: NumPy-style numerics typed with tbridge.typing."""

from tbridge_downstream.stats import describe, standardize
from tbridge_downstream.train import fit_linear

__all__ = ["describe", "fit_linear", "standardize"]

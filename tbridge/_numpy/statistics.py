"""NumPy's reductions and statistics beyond the standard.

Amin/amax, ptp, median, percentile, quantile, average, cumulative and NaN-aware reductions, cov,
corrcoef, histograms, bincount, digitize.
"""

from __future__ import annotations

__all__: list[str] = []

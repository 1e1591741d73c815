"""Daily returns, growth of one unit invested, and maximum drawdown of a price series.

Cannot run unchanged with tbridge: ``0.002 * days`` on an int64 array goes through torch's
``*`` operator, which gives float32 (torch's default dtype) where NumPy gives float64.
"""

from __future__ import annotations

from typing import Any


def run(np: Any) -> dict[str, object]:
    days = np.arange(60)
    prices = 100.0 * (1.0 + 0.002 * days) + 3.0 * np.sin(days / 4.0)
    returns = np.diff(prices) / prices[:-1]
    growth = np.cumprod(1.0 + returns)
    peak = np.maximum.accumulate(prices)
    drawdown = (prices - peak) / peak
    return {
        "returns": returns,
        "growth": growth,
        "max_drawdown": np.min(drawdown),
        "volatility": np.std(returns, ddof=1) * np.sqrt(252.0),
    }

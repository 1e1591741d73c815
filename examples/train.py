"""The primer's training recipe, written with tbridge.

1. define a network with trainable parameters; 2. iterate over the inputs; 3. forward;
4. compute the loss; 5. backpropagate; 6. update: weight = weight - learning_rate * gradient.

The data are NumPy arrays (as existing NumPy code would have them); tbridge turns them into
tensors without copying, and the model is plain tensors, so the same code runs on a GPU with
``device="cuda"``. Run: ``python examples/train.py``.
"""

from __future__ import annotations

import numpy as np
import torch

import tbridge as tb


def make_data(n: int = 256, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """A noisy sine: x in [-3, 3], y = sin(x) + noise (NumPy arrays, float64)."""
    rng = np.random.default_rng(seed)
    x = rng.uniform(-3, 3, size=(n, 1))
    y = np.sin(x) + 0.05 * rng.standard_normal((n, 1))
    return x, y


def train(
    epochs: int = 500, learning_rate: float = 0.1, device: str = "cpu", seed: int = 0
) -> list[float]:
    """Fit a 1-16-1 tanh network by full-batch gradient descent; return the loss per epoch."""
    x_np, y_np = make_data(seed=seed)
    x = tb.asarray(x_np, device=device)
    y = tb.asarray(y_np, device=device)
    # 1. a network with trainable parameters
    rng = tb.random.default_rng(seed)
    w1 = rng.normal(0.0, 1.0, (1, 16), device=device, requires_grad=True)
    b1 = tb.zeros(16, device=device, requires_grad=True)
    w2 = rng.normal(0.0, 0.25, (16, 1), device=device, requires_grad=True)
    b2 = tb.zeros(1, device=device, requires_grad=True)
    params = [w1, b1, w2, b2]
    losses = []
    for _ in range(epochs):  # 2. iterate
        hidden = tb.tanh(tb.matmul(x, w1) + b1)  # 3. forward
        prediction = tb.matmul(hidden, w2) + b2
        loss = tb.mean(tb.square(prediction - y))  # 4. loss
        for p in params:
            p.grad = None
        loss.backward()  # 5. backpropagate
        with tb.no_grad():  # 6. update
            for p in params:
                assert p.grad is not None
                p.sub_(learning_rate * p.grad)  # weight = weight - learning_rate * gradient
        losses.append(float(loss.detach()))
    return losses


if __name__ == "__main__":
    torch.set_num_threads(1)
    history = train()
    print(f"loss: first epoch {history[0]:.4f}, last epoch {history[-1]:.4f}")

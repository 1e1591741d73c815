"""Simulate projectiles with drag by Euler steps, vectorized over launch angles."""

from __future__ import annotations

from typing import Any


def run(np: Any) -> dict[str, object]:
    angles = np.deg2rad(np.array([15.0, 30.0, 45.0, 60.0, 75.0]))
    speed, drag, g, dt = 30.0, 0.02, 9.81, 0.01
    pos = np.zeros((5, 2))
    vel = np.stack([speed * np.cos(angles), speed * np.sin(angles)], axis=1)
    landed = np.zeros(5, dtype=bool)
    distance = np.zeros(5)
    for _ in range(800):
        flying = ~landed
        speed_now = np.linalg.norm(vel, axis=1, keepdims=True)
        acc = -drag * speed_now * vel + np.array([0.0, -g])
        vel = np.where(flying[:, None], vel + acc * dt, vel)
        pos = np.where(flying[:, None], pos + vel * dt, pos)
        just_landed = flying & (pos[:, 1] < 0.0)
        distance = np.where(just_landed, pos[:, 0], distance)
        landed = landed | just_landed
    return {
        "distance": distance,
        "best_angle_deg": np.rad2deg(angles[np.argmax(distance)]),
        "all_landed": np.all(landed),
    }

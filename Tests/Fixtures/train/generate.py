#!/usr/bin/env python3
"""Reference trajectories of every optimizer on the four test surfaces, from optax (float64).

Run with a Python that has jax and optax (e.g. `pip install jax optax`):
    python Tests/Fixtures/train/generate.py > Tests/Fixtures/train/trajectories.csv

Mapping to ewa's textbook parameters (see Guides/Optimizers.md):
  gd        optax.sgd(lr)
  momentum  optax.sgd(lr * (1 - beta), momentum=beta)           (trace T = beta*T + g; V = (1-beta)*T)
  nesterov  optax.sgd(lr * (1 - beta), momentum=beta, nesterov=True)
  rmsprop   optax.rmsprop(lr, decay=beta, eps=eps, eps_in_sqrt=False[, bias_correction=True])
  adam      optax.adam(lr, b1, b2, eps)
  adamw     optax.adamw(lr, b1, b2, eps, weight_decay=wd)
  amsgrad   optax.amsgrad(lr, b1, b2, eps)
"""
import jax

jax.config.update("jax_enable_x64", True)
import jax.numpy as jnp  # noqa: E402
import optax  # noqa: E402


def surface(name):
    def f(p):
        x, y = p[0], p[1]
        if name == "bowl":
            return x * x / 20 + y * y
        if name == "rosenbrock":
            return (1 - x) ** 2 + 100 * (y - x * x) ** 2
        if name == "beale":
            return (1.5 - x + x * y) ** 2 + (2.25 - x + x * y**2) ** 2 + (2.625 - x + x * y**3) ** 2
        if name == "saddle":
            return x * x - y * y
        raise ValueError(name)

    return f


# surface: (start, learning rate, steps)
SURFACES = {
    "bowl": ((-7.0, 2.0), 0.1, 60),
    "rosenbrock": ((-1.5, 2.0), 0.0005, 60),
    "beale": ((1.0, 1.4), 0.01, 60),
    "saddle": ((-1.0, 0.001), 0.05, 40),
}
BETA, B1, B2, EPS, WD = 0.9, 0.9, 0.999, 1e-8, 0.01


def optimizer(name, lr):
    if name == "gd":
        return optax.sgd(lr)
    if name == "momentum":
        return optax.sgd(lr * (1 - BETA), momentum=BETA)
    if name == "nesterov":
        return optax.sgd(lr * (1 - BETA), momentum=BETA, nesterov=True)
    if name == "rmsprop":
        return optax.rmsprop(lr, decay=BETA, eps=EPS, eps_in_sqrt=False)
    if name == "rmsprop-bias-correction":
        return optax.rmsprop(lr, decay=BETA, eps=EPS, eps_in_sqrt=False, bias_correction=True)
    if name == "adam":
        return optax.adam(lr, b1=B1, b2=B2, eps=EPS)
    if name == "adamw":
        return optax.adamw(lr, b1=B1, b2=B2, eps=EPS, weight_decay=WD)
    if name == "amsgrad":
        return optax.amsgrad(lr, b1=B1, b2=B2, eps=EPS)
    raise ValueError(name)


NAMES = ["gd", "momentum", "nesterov", "rmsprop", "rmsprop-bias-correction", "adam", "adamw",
         "amsgrad"]

print("optimizer,surface,lr,step,x,y,loss")
for surface_name, (start, lr, steps) in SURFACES.items():
    f = surface(surface_name)
    grad = jax.grad(f)
    for name in NAMES:
        opt = optimizer(name, lr)
        params = jnp.array(start, dtype=jnp.float64)
        state = opt.init(params)
        for step in range(steps + 1):
            x, y = float(params[0]), float(params[1])
            print(f"{name},{surface_name},{lr!r},{step},{x!r},{y!r},{float(f(params))!r}")
            updates, state = opt.update(grad(params), state, params)
            params = optax.apply_updates(params, updates)

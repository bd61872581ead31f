"""Peer: optimizer steps per second on one flat Float32 parameter vector.

`--library torch` times PyTorch's own optimizers with `fused=True` where PyTorch has a fused CPU
kernel (Adam, SGD) and `foreach=True` otherwise (RMSprop); `--library numpy` times the textbook's
Adam update written plainly in numpy (in-place where numpy allows it, as a reader would write it).
The gradient is fixed random data, so only the optimizer's update is timed.

Momentum is the textbook's EWA form `v = β·v + (1-β)·g`, which in PyTorch is SGD with
`momentum=β, dampening=1-β`; RMSprop is PyTorch's (ε outside the root, β = alpha = 0.9).

Prints one JSON object: library, optimizer, kernel, threads, params, steps, seconds (median of
the repeats, for `steps` steps), mparams_per_s.

Usage: python optim_step.py --library torch|numpy --optimizer adam|momentum|rmsprop
                            [--threads N] [--params N] [--steps N] [--repeats N]
"""

import argparse
import json
import statistics
import time


def parse() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--library", choices=["torch", "numpy"], required=True)
    parser.add_argument("--optimizer", choices=["adam", "momentum", "rmsprop"], required=True)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--params", type=int, default=10_000_000)
    parser.add_argument("--steps", type=int, default=40)
    parser.add_argument("--repeats", type=int, default=5)
    return parser.parse_args()


def torch_stepper(args: argparse.Namespace):
    import torch

    torch.set_num_threads(args.threads)
    generator = torch.Generator().manual_seed(0)
    weights = torch.randn(args.params, generator=generator, dtype=torch.float32)
    parameter = torch.nn.Parameter(weights)
    parameter.grad = torch.randn(args.params, generator=generator, dtype=torch.float32) * 1e-3
    lr = 1e-4
    if args.optimizer == "adam":
        optimizer = torch.optim.Adam([parameter], lr=lr, betas=(0.9, 0.999), eps=1e-8, fused=True)
        kernel = "Adam(fused=True)"
    elif args.optimizer == "momentum":
        try:
            optimizer = torch.optim.SGD(
                [parameter], lr=lr, momentum=0.9, dampening=0.1, fused=True
            )
            kernel = "SGD(momentum=0.9, dampening=0.1, fused=True)"
        except (RuntimeError, ValueError):
            optimizer = torch.optim.SGD(
                [parameter], lr=lr, momentum=0.9, dampening=0.1, foreach=True
            )
            kernel = "SGD(momentum=0.9, dampening=0.1, foreach=True)"
    else:
        optimizer = torch.optim.RMSprop([parameter], lr=lr, alpha=0.9, eps=1e-8, foreach=True)
        kernel = "RMSprop(alpha=0.9, foreach=True)"
    return optimizer.step, kernel, f"torch {torch.__version__}"


def numpy_stepper(args: argparse.Namespace):
    import numpy as np

    rng = np.random.default_rng(0)
    w = rng.standard_normal(args.params, dtype=np.float32)
    dw = rng.standard_normal(args.params, dtype=np.float32) * np.float32(1e-3)
    v = np.zeros_like(w)
    s = np.zeros_like(w)
    lr, beta1, beta2, epsilon = 1e-4, 0.9, 0.999, 1e-8
    state = {"t": 0}

    # The textbook's update_parameters_with_adam / _with_momentum, on one array.
    def adam() -> None:
        state["t"] += 1
        t = state["t"]
        v[:] = beta1 * v + (1 - beta1) * dw
        v_corrected = v / (1 - beta1**t)
        s[:] = beta2 * s + (1 - beta2) * np.square(dw)
        s_corrected = s / (1 - beta2**t)
        w[:] = w - lr * v_corrected / (np.sqrt(s_corrected) + epsilon)

    def momentum() -> None:
        v[:] = beta1 * v + (1 - beta1) * dw
        w[:] = w - lr * v

    def rmsprop() -> None:
        s[:] = beta1 * s + (1 - beta1) * np.square(dw)
        w[:] = w - lr * dw / (np.sqrt(s) + epsilon)

    step = {"adam": adam, "momentum": momentum, "rmsprop": rmsprop}[args.optimizer]
    return step, f"textbook numpy {args.optimizer}", f"numpy {np.__version__}"


def main() -> None:
    args = parse()
    if args.library == "torch":
        step, kernel, version = torch_stepper(args)
    else:
        step, kernel, version = numpy_stepper(args)
    for _ in range(3):
        step()
    durations = []
    for _ in range(args.repeats):
        start = time.perf_counter()
        for _ in range(args.steps):
            step()
        durations.append(time.perf_counter() - start)
    seconds = statistics.median(durations)
    result = {
        "library": version,
        "optimizer": args.optimizer,
        "kernel": kernel,
        "threads": args.threads,
        "params": args.params,
        "steps": args.steps,
        "seconds": seconds,
        "mparams_per_s": args.params * args.steps / seconds / 1e6,
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()

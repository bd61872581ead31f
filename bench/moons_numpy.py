"""Reference: the textbook moons experiment in plain numpy, the peer of `ewa train`.

The "Optimization methods" exercise of the deep-learning course, written plainly as there:
make_moons (300 samples, noise 0.2, fixed seed), layers [2, 5, 2, 1], ReLU hidden layers, a
sigmoid output, binary cross-entropy, He initialisation, mini-batches of 64 reshuffled every epoch
(the last partial batch kept), learning rate 0.0007, 5000 epochs, and one of

    gd:        W = W - α·dW
    momentum:  v = β·v + (1-β)·dW;  W = W - α·v                          (β = 0.9)
    adam:      v = β1·v + (1-β1)·dW;  s = β2·s + (1-β2)·dW²;
               W = W - α·(v/(1-β1^t)) / (√(s/(1-β2^t)) + ε)               (0.9, 0.999, 1e-8)

It prints one JSON object: optimizer, epochs, final_cost, train_accuracy, seconds (training only;
the benchmark times the whole command).

Usage: python moons_numpy.py gd|momentum|adam [--epochs N]
"""

import argparse
import json
import math
import time

import numpy as np


def make_moons(n_samples, noise, rng):
    """Two interleaving half circles, as scikit-learn's make_moons (shuffled, Gaussian noise)."""
    n_out = n_samples // 2
    n_in = n_samples - n_out
    outer_x = np.cos(np.linspace(0, np.pi, n_out))
    outer_y = np.sin(np.linspace(0, np.pi, n_out))
    inner_x = 1 - np.cos(np.linspace(0, np.pi, n_in))
    inner_y = 1 - np.sin(np.linspace(0, np.pi, n_in)) - 0.5
    X = np.vstack([np.append(outer_x, inner_x), np.append(outer_y, inner_y)]).T
    y = np.hstack([np.zeros(n_out), np.ones(n_in)])
    order = rng.permutation(n_samples)
    X, y = X[order], y[order]
    X = X + rng.normal(scale=noise, size=X.shape)
    return X.T, y.reshape(1, n_samples)


def initialize_parameters_he(layers_dims):
    np.random.seed(3)
    parameters = {}
    L = len(layers_dims) - 1
    for l in range(1, L + 1):
        parameters["W" + str(l)] = np.random.randn(layers_dims[l], layers_dims[l - 1]) * np.sqrt(
            2 / layers_dims[l - 1]
        )
        parameters["b" + str(l)] = np.zeros((layers_dims[l], 1))
    return parameters


def random_mini_batches(X, Y, mini_batch_size, seed):
    np.random.seed(seed)
    m = X.shape[1]
    mini_batches = []
    permutation = list(np.random.permutation(m))
    shuffled_X = X[:, permutation]
    shuffled_Y = Y[:, permutation].reshape((1, m))
    num_complete_minibatches = math.floor(m / mini_batch_size)
    for k in range(num_complete_minibatches):
        mini_batch_X = shuffled_X[:, k * mini_batch_size : (k + 1) * mini_batch_size]
        mini_batch_Y = shuffled_Y[:, k * mini_batch_size : (k + 1) * mini_batch_size]
        mini_batches.append((mini_batch_X, mini_batch_Y))
    if m % mini_batch_size != 0:
        mini_batch_X = shuffled_X[:, num_complete_minibatches * mini_batch_size :]
        mini_batch_Y = shuffled_Y[:, num_complete_minibatches * mini_batch_size :]
        mini_batches.append((mini_batch_X, mini_batch_Y))
    return mini_batches


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


def relu(x):
    return np.maximum(0, x)


def forward_propagation(X, parameters):
    W1, b1 = parameters["W1"], parameters["b1"]
    W2, b2 = parameters["W2"], parameters["b2"]
    W3, b3 = parameters["W3"], parameters["b3"]
    z1 = np.dot(W1, X) + b1
    a1 = relu(z1)
    z2 = np.dot(W2, a1) + b2
    a2 = relu(z2)
    z3 = np.dot(W3, a2) + b3
    a3 = sigmoid(z3)
    cache = (z1, a1, W1, b1, z2, a2, W2, b2, z3, a3, W3, b3)
    return a3, cache


def compute_cost(a3, Y):
    logprobs = np.multiply(-np.log(a3), Y) + np.multiply(-np.log(1 - a3), 1 - Y)
    return np.sum(logprobs)


def backward_propagation(X, Y, cache):
    m = X.shape[1]
    (z1, a1, W1, b1, z2, a2, W2, b2, z3, a3, W3, b3) = cache
    dz3 = 1.0 / m * (a3 - Y)
    dW3 = np.dot(dz3, a2.T)
    db3 = np.sum(dz3, axis=1, keepdims=True)
    da2 = np.dot(W3.T, dz3)
    dz2 = np.multiply(da2, np.int64(a2 > 0))
    dW2 = np.dot(dz2, a1.T)
    db2 = np.sum(dz2, axis=1, keepdims=True)
    da1 = np.dot(W2.T, dz2)
    dz1 = np.multiply(da1, np.int64(a1 > 0))
    dW1 = np.dot(dz1, X.T)
    db1 = np.sum(dz1, axis=1, keepdims=True)
    return {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2, "dW3": dW3, "db3": db3}


def update_parameters_with_gd(parameters, grads, learning_rate):
    L = len(parameters) // 2
    for l in range(1, L + 1):
        parameters["W" + str(l)] = parameters["W" + str(l)] - learning_rate * grads["dW" + str(l)]
        parameters["b" + str(l)] = parameters["b" + str(l)] - learning_rate * grads["db" + str(l)]
    return parameters


def initialize_zeros_like(parameters):
    L = len(parameters) // 2
    state = {}
    for l in range(1, L + 1):
        state["dW" + str(l)] = np.zeros(parameters["W" + str(l)].shape)
        state["db" + str(l)] = np.zeros(parameters["b" + str(l)].shape)
    return state


def update_parameters_with_momentum(parameters, grads, v, beta, learning_rate):
    L = len(parameters) // 2
    for l in range(1, L + 1):
        for p in ("W", "b"):
            key = "d" + p + str(l)
            v[key] = beta * v[key] + (1 - beta) * grads[key]
            parameters[p + str(l)] = parameters[p + str(l)] - learning_rate * v[key]
    return parameters, v


def update_parameters_with_adam(parameters, grads, v, s, t, learning_rate, beta1, beta2, epsilon):
    L = len(parameters) // 2
    v_corrected = {}
    s_corrected = {}
    for l in range(1, L + 1):
        for p in ("W", "b"):
            key = "d" + p + str(l)
            v[key] = beta1 * v[key] + (1 - beta1) * grads[key]
            v_corrected[key] = v[key] / (1 - np.power(beta1, t))
            s[key] = beta2 * s[key] + (1 - beta2) * np.power(grads[key], 2)
            s_corrected[key] = s[key] / (1 - np.power(beta2, t))
            parameters[p + str(l)] = parameters[p + str(l)] - learning_rate * v_corrected[
                key
            ] / (np.sqrt(s_corrected[key]) + epsilon)
    return parameters, v, s


def model(X, Y, layers_dims, optimizer, learning_rate=0.0007, mini_batch_size=64, beta=0.9,
          beta1=0.9, beta2=0.999, epsilon=1e-8, num_epochs=5000):
    t = 0
    seed = 10
    m = X.shape[1]
    parameters = initialize_parameters_he(layers_dims)
    if optimizer == "momentum":
        v = initialize_zeros_like(parameters)
    elif optimizer == "adam":
        v = initialize_zeros_like(parameters)
        s = initialize_zeros_like(parameters)
    cost_avg = float("nan")
    for _ in range(num_epochs):
        seed = seed + 1
        minibatches = random_mini_batches(X, Y, mini_batch_size, seed)
        cost_total = 0
        for minibatch_X, minibatch_Y in minibatches:
            a3, caches = forward_propagation(minibatch_X, parameters)
            cost_total += compute_cost(a3, minibatch_Y)
            grads = backward_propagation(minibatch_X, minibatch_Y, caches)
            if optimizer == "gd":
                parameters = update_parameters_with_gd(parameters, grads, learning_rate)
            elif optimizer == "momentum":
                parameters, v = update_parameters_with_momentum(
                    parameters, grads, v, beta, learning_rate
                )
            elif optimizer == "adam":
                t = t + 1
                parameters, v, s = update_parameters_with_adam(
                    parameters, grads, v, s, t, learning_rate, beta1, beta2, epsilon
                )
        cost_avg = cost_total / m
    return parameters, cost_avg


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("optimizer", choices=["gd", "momentum", "adam"])
    parser.add_argument("--epochs", type=int, default=5000)
    args = parser.parse_args()
    X, Y = make_moons(300, 0.2, np.random.RandomState(3))
    start = time.perf_counter()
    parameters, cost = model(X, Y, [X.shape[0], 5, 2, 1], args.optimizer, num_epochs=args.epochs)
    seconds = time.perf_counter() - start
    a3, _ = forward_propagation(X, parameters)
    accuracy = float(np.mean((a3 > 0.5) == (Y == 1)))
    result = {
        "optimizer": args.optimizer,
        "epochs": args.epochs,
        "final_cost": float(cost),
        "train_accuracy": accuracy,
        "seconds": seconds,
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()

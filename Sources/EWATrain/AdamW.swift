/// AdamW (Loshchilov and Hutter 2019): Adam with weight decay decoupled from the gradient.
///
/// ```
/// W -= α·(V̂ / (√Ŝ + ε) + λ·W)
/// ```
///
/// Same parameters as `torch.optim.AdamW(lr=α, betas=(β1, β2), eps=ε, weight_decay=λ)` and
/// `optax.adamw(α, b1=β1, b2=β2, eps=ε, weight_decay=λ)` (PyTorch's default λ is 0.01, optax's
/// 1e-4; ours is 0.01).
public struct AdamW<Scalar: OptimizerScalar>: Optimizer {
  public static var name: String { "adamw" }
  /// The moments and ε, as for ``Adam``.
  public private(set) var adam: Adam<Scalar>
  /// λ, the decoupled weight decay.
  public let weightDecay: Scalar
  public var steps: Int { adam.steps }

  /// Creates the optimizer for `count` parameters.
  ///
  /// - Parameters:
  ///   - beta1: β1 in [0, 1), 0.9 by default.
  ///   - beta2: β2 in [0, 1), 0.999 by default.
  ///   - epsilon: ε > 0, 1e-8 by default.
  ///   - weightDecay: λ ≥ 0, 0.01 by default.
  ///   - count: the number of parameters.
  public init(
    beta1: Scalar = 0.9, beta2: Scalar = 0.999, epsilon: Scalar = 1e-8,
    weightDecay: Scalar = 0.01, count: Int
  ) throws(OptimizerError) {
    guard weightDecay >= 0 && weightDecay.isFinite else {
      throw OptimizerError(message: "weight decay must be zero or positive, got \(weightDecay).")
    }
    adam = try Adam(beta1: beta1, beta2: beta2, epsilon: epsilon, count: count)
    self.weightDecay = weightDecay
  }

  @_specialize(where Scalar == Float)
  @_specialize(where Scalar == Double)
  public mutating func update(
    _ parameters: inout [Scalar], gradient: [Scalar], learningRate: Scalar
  ) {
    let (epsilon, decay) = (adam.epsilon, weightDecay)
    adam.moments.step(&parameters, gradient: gradient) { w, m, s, _ in
      w -= learningRate * (m / (s.nonNegativeRoot + epsilon) + decay * w)
    }
  }
}

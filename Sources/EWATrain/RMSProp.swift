import EWA

/// RMSProp: the step divides the gradient by the root of the exponentially weighted average of
/// its square, held as an ``ExponentialAverage``.
///
/// ```
/// S = β·S + (1-β)·dW²        (S_0 = 0; S / (1-β^t) with bias correction)
/// W -= α·dW / (√S + ε)
/// ```
///
/// ε sits outside the root, as in `torch.optim.RMSprop(lr=α, alpha=β, eps=ε)`; optax puts it inside
/// unless asked: `optax.rmsprop(α, decay=β, eps=ε, eps_in_sqrt=False)`. Bias correction (off by
/// default) is optax's `bias_correction=True`; with it, RMSProp is Adam with β1 = 0.
public struct RMSProp<Scalar: OptimizerScalar>: Optimizer {
  public static var name: String { "rmsprop" }
  /// ε, added to the root of the second moment.
  public let epsilon: Scalar
  /// Whether the step uses the corrected average `Ŝ = S / (1-β^t)` instead of `S`.
  public let biasCorrection: Bool
  /// The second moment: the averaged squared gradient.
  public private(set) var meanSquare: ExponentialAverage<[Scalar]>
  public var steps: Int { meanSquare.count }

  /// Creates the optimizer for `count` parameters.
  ///
  /// - Parameters:
  ///   - beta: β in [0, 1), 0.9 by default.
  ///   - epsilon: ε > 0, 1e-8 by default.
  ///   - count: the number of parameters.
  ///   - biasCorrection: step with `Ŝ` instead of `S` (off by default).
  public init(
    beta: Scalar = 0.9, epsilon: Scalar = 1e-8, count: Int, biasCorrection: Bool = false
  ) throws(OptimizerError) {
    try OptimizerError.checkBeta(beta, "beta")
    try OptimizerError.checkEpsilon(epsilon)
    self.epsilon = epsilon
    self.biasCorrection = biasCorrection
    meanSquare = ExponentialAverage(beta: beta, count: count)
  }

  @_specialize(where Scalar == Float)
  @_specialize(where Scalar == Double)
  public mutating func update(
    _ parameters: inout [Scalar], gradient: [Scalar], learningRate: Scalar
  ) {
    OptimizerSteps.rmspropStep(
      &meanSquare, gradient: gradient, parameters: &parameters, rate: learningRate,
      epsilon: epsilon, biasCorrection: biasCorrection)
  }
}

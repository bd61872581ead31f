import EWA

/// Gradient descent with momentum: the step follows the exponentially weighted average of the
/// gradients, held as an ``ExponentialAverage``.
///
/// ```
/// V = β·V + (1-β)·dW        (V_0 = 0; V / (1-β^t) with bias correction)
/// W -= α·V
/// ```
///
/// PyTorch and optax keep the undamped trace `T = β·T + dW` (`V = (1-β)·T`), so this optimizer with
/// rate α equals `torch.optim.SGD(lr=α·(1-β), momentum=β)` and `optax.sgd(α·(1-β), momentum=β)`.
/// Bias correction (off by default, as in the textbook) has no PyTorch or optax counterpart.
public struct Momentum<Scalar: OptimizerScalar>: Optimizer {
  public static var name: String { "momentum" }
  /// Whether the step uses the corrected average `V̂ = V / (1-β^t)` instead of `V`.
  public let biasCorrection: Bool
  /// The first moment: the averaged gradient.
  public internal(set) var velocity: ExponentialAverage<[Scalar]>
  public var steps: Int { velocity.count }

  /// Creates the optimizer for `count` parameters.
  ///
  /// - Parameters:
  ///   - beta: β in [0, 1), 0.9 by default.
  ///   - count: the number of parameters.
  ///   - biasCorrection: step with `V̂` instead of `V` (off by default).
  public init(beta: Scalar = 0.9, count: Int, biasCorrection: Bool = false) throws(OptimizerError) {
    try OptimizerError.checkBeta(beta, "beta")
    self.biasCorrection = biasCorrection
    velocity = ExponentialAverage(beta: beta, count: count)
  }

  @_specialize(where Scalar == Float)
  @_specialize(where Scalar == Double)
  public mutating func update(
    _ parameters: inout [Scalar], gradient: [Scalar], learningRate: Scalar
  ) {
    OptimizerSteps.momentumStep(
      &velocity, gradient: gradient, parameters: &parameters, rate: learningRate,
      biasCorrection: biasCorrection)
  }
}

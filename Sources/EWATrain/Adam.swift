/// Adam (Kingma and Ba 2015): momentum and RMSProp together, both moments bias-corrected.
///
/// ```
/// V̂, Ŝ as in AdamMoments
/// W -= α·V̂ / (√Ŝ + ε)
/// ```
///
/// Same parameters as `torch.optim.Adam(lr=α, betas=(β1, β2), eps=ε)` and
/// `optax.adam(α, b1=β1, b2=β2, eps=ε)`.
public struct Adam<Scalar: OptimizerScalar>: Optimizer {
  public static var name: String { "adam" }
  /// ε, added to the root of the second moment.
  public let epsilon: Scalar
  /// The two moments.
  public internal(set) var moments: AdamMoments<Scalar>
  public var steps: Int { moments.steps }

  /// Creates the optimizer for `count` parameters.
  ///
  /// - Parameters:
  ///   - beta1: β1 in [0, 1), 0.9 by default.
  ///   - beta2: β2 in [0, 1), 0.999 by default.
  ///   - epsilon: ε > 0, 1e-8 by default.
  ///   - count: the number of parameters.
  public init(
    beta1: Scalar = 0.9, beta2: Scalar = 0.999, epsilon: Scalar = 1e-8, count: Int
  ) throws(OptimizerError) {
    try OptimizerError.checkEpsilon(epsilon)
    self.epsilon = epsilon
    moments = try AdamMoments(beta1: beta1, beta2: beta2, count: count)
  }

  @_specialize(where Scalar == Float)
  @_specialize(where Scalar == Double)
  public mutating func update(
    _ parameters: inout [Scalar], gradient: [Scalar], learningRate: Scalar
  ) {
    OptimizerSteps.adamStep(
      &moments.first, &moments.second, gradient: gradient, parameters: &parameters,
      rate: learningRate, epsilon: epsilon)
  }
}

/// The hyper-parameters of an optimizer, with the textbook defaults; builds the optimizer.
public struct OptimizerSettings: Codable, Equatable, Sendable {
  public var kind: OptimizerKind
  public var beta: Double = 0.9
  public var beta1: Double = 0.9
  public var beta2: Double = 0.999
  public var epsilon: Double = 1e-8
  public var weightDecay: Double = 0.01
  public var biasCorrection: Bool = false

  /// Settings for `kind` with the default hyper-parameters.
  public init(kind: OptimizerKind) { self.kind = kind }

  /// Builds the optimizer for `count` parameters, in `Scalar` precision.
  ///
  /// - Throws: ``OptimizerError`` when a hyper-parameter is out of range.
  public func make<Scalar: OptimizerScalar>(count: Int, as _: Scalar.Type = Double.self)
    throws(OptimizerError) -> any Optimizer<Scalar>
  {
    let (b, b1, b2, e) = (Scalar(beta), Scalar(beta1), Scalar(beta2), Scalar(epsilon))
    switch kind {
    case .gd: return GradientDescent<Scalar>()
    case .momentum: return try Momentum(beta: b, count: count, biasCorrection: biasCorrection)
    case .nesterov: return try Nesterov(beta: b, count: count, biasCorrection: biasCorrection)
    case .rmsprop:
      return try RMSProp(beta: b, epsilon: e, count: count, biasCorrection: biasCorrection)
    case .adam: return try Adam(beta1: b1, beta2: b2, epsilon: e, count: count)
    case .adamw:
      return try AdamW(
        beta1: b1, beta2: b2, epsilon: e, weightDecay: Scalar(weightDecay), count: count)
    case .amsgrad: return try AMSGrad(beta1: b1, beta2: b2, epsilon: e, count: count)
    }
  }
}

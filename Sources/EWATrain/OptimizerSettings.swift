/// Which optimizer to build.
public enum OptimizerKind: String, Codable, CaseIterable, Sendable {
  case gd, momentum, rmsprop, adam, nesterov, adamw, amsgrad

  /// Whether the optimizer reads `beta` (momentum, nesterov, rmsprop).
  public var usesBeta: Bool { [.momentum, .nesterov, .rmsprop].contains(self) }
  /// Whether the optimizer reads `beta1` and `beta2` (the Adam family).
  public var usesBeta1Beta2: Bool { [.adam, .adamw, .amsgrad].contains(self) }
  /// Whether the optimizer reads `epsilon`.
  public var usesEpsilon: Bool { self == .rmsprop || usesBeta1Beta2 }
  /// Whether the optimizer reads `weightDecay` (adamw only).
  public var usesWeightDecay: Bool { self == .adamw }
  /// Whether bias correction can be switched on (momentum, nesterov, rmsprop; Adam always has it).
  public var usesBiasCorrection: Bool { usesBeta }
}

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

/// A saved optimizer of any kind (double precision), for checkpoints.
public enum SavedOptimizer: Codable, Equatable, Sendable {
  case gd(GradientDescent<Double>)
  case momentum(Momentum<Double>)
  case nesterov(Nesterov<Double>)
  case rmsprop(RMSProp<Double>)
  case adam(Adam<Double>)
  case adamw(AdamW<Double>)
  case amsgrad(AMSGrad<Double>)

  /// Wraps a live optimizer.
  public init(_ optimizer: any Optimizer<Double>) {
    switch optimizer {
    case let o as GradientDescent<Double>: self = .gd(o)
    case let o as Momentum<Double>: self = .momentum(o)
    case let o as Nesterov<Double>: self = .nesterov(o)
    case let o as RMSProp<Double>: self = .rmsprop(o)
    case let o as Adam<Double>: self = .adam(o)
    case let o as AdamW<Double>: self = .adamw(o)
    case let o as AMSGrad<Double>: self = .amsgrad(o)
    default: preconditionFailure("unknown optimizer \(type(of: optimizer))")
    }
  }

  /// The live optimizer.
  public var optimizer: any Optimizer<Double> {
    switch self {
    case .gd(let o): o
    case .momentum(let o): o
    case .nesterov(let o): o
    case .rmsprop(let o): o
    case .adam(let o): o
    case .adamw(let o): o
    case .amsgrad(let o): o
    }
  }
}

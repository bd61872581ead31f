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

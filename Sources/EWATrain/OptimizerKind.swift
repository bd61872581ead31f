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

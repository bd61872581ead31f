/// A learning-rate schedule as saved settings: which kind, its parameters, the warm-up and the
/// unit of time; builds the schedule.
public struct ScheduleSettings: Codable, Equatable, Sendable {
  /// The kinds of schedule (`none` is a constant rate).
  public enum Kind: String, Codable, CaseIterable, Sendable {
    case none
    case inverseTime = "inverse-time"
    case exponential
    case inverseSqrt = "inverse-sqrt"
    case staircase, step, manual, cosine

    /// The decay rate used when none is given.
    public var defaultRate: Double {
      switch self {
      case .exponential: 0.95
      case .step: 0.5
      case .cosine: 0
      default: 1
      }
    }
  }

  /// What one unit of schedule time is.
  public enum Unit: String, Codable, CaseIterable, Sendable { case epoch, step }

  public var kind: Kind
  public var initial: Double
  public var rate: Double?
  public var interval: Int = 1000
  public var points: [ManualSchedule.Point] = []
  public var warmUp: Int = 0
  public var unit: Unit = .epoch

  /// Settings for `kind` starting at `initial`, with default parameters.
  public init(kind: Kind = .none, initial: Double) {
    self.kind = kind
    self.initial = initial
  }

  /// Builds the schedule.
  ///
  /// - Throws: ``ScheduleError`` for an out-of-range parameter or a schedule that would grow.
  public func make() throws(ScheduleError) -> any LearningRateSchedule {
    let r = rate ?? kind.defaultRate
    let base: any LearningRateSchedule =
      switch kind {
      case .none: try ConstantRate(initial: initial)
      case .inverseTime: try InverseTimeDecay(initial: initial, decayRate: r)
      case .exponential: try ExponentialDecay(initial: initial, decayRate: r)
      case .inverseSqrt: try InverseSqrtDecay(initial: initial, scale: r)
      case .staircase: try StaircaseDecay(initial: initial, decayRate: r, interval: interval)
      case .step: try StepDecay(initial: initial, factor: r, interval: interval)
      case .manual: try ManualSchedule(initial: initial, points: points)
      case .cosine: try CosineDecay(initial: initial, finalFraction: r, interval: interval)
      }
    return warmUp == 0 ? base : try LinearWarmUp(length: warmUp, base: base)
  }
}

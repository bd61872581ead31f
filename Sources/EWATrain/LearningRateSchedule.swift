import EWA

/// A learning rate as a closed-form function of time: the epoch (default) or the step.
public protocol LearningRateSchedule: Sendable {
  /// The rate at time `t` (0 is the first epoch or step).
  func rate(at t: Int) -> Double
}

/// A schedule setting that is out of range, or one that would grow without bound.
public struct ScheduleError: CategorizedError, Equatable {
  public let message: String
  public var kind: FailureKind { .usage }
  public var description: String { message }

  static func checkInitial(_ rate: Double) throws(ScheduleError) {
    guard rate > 0 && rate.isFinite else {
      throw ScheduleError(message: "the learning rate must be positive, got \(rate).")
    }
  }
}

/// A constant rate `α0`.
public struct ConstantRate: LearningRateSchedule, Equatable {
  public let initial: Double
  /// - Parameter initial: α0 > 0.
  public init(initial: Double) throws(ScheduleError) {
    try ScheduleError.checkInitial(initial)
    self.initial = initial
  }
  public func rate(at t: Int) -> Double { initial }
}

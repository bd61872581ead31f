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

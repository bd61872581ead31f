/// Inverse square-root decay, α0 at e = 0.
///
/// ```
/// α(e) = α0 · k / √e     (e ≥ 1),   α(0) = α0
/// ```
public struct InverseSqrtDecay: LearningRateSchedule, Equatable {
  public let initial: Double
  public let scale: Double
  /// - Parameters:
  ///   - initial: α0 > 0.
  ///   - scale: k > 0.
  public init(initial: Double, scale: Double) throws(ScheduleError) {
    try ScheduleError.checkInitial(initial)
    guard scale > 0 && scale.isFinite else {
      throw ScheduleError(message: "an inverse-sqrt schedule needs k > 0, got \(scale).")
    }
    self.initial = initial
    self.scale = scale
  }
  public func rate(at t: Int) -> Double {
    t == 0 ? initial : initial * scale / Double(t).squareRoot()
  }
}

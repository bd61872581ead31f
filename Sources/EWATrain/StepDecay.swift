import Foundation

/// Step decay: multiply by γ every `T` epochs (PyTorch `StepLR`).
///
/// ```
/// α(e) = α0 · γ^⌊e/T⌋
/// ```
public struct StepDecay: LearningRateSchedule, Equatable {
  public let initial: Double
  public let factor: Double
  public let interval: Int
  /// - Parameters:
  ///   - initial: α0 > 0.
  ///   - factor: γ in (0, 1]; γ > 1 grows without bound and is rejected.
  ///   - interval: T ≥ 1.
  public init(initial: Double, factor: Double, interval: Int) throws(ScheduleError) {
    try ScheduleError.checkInitial(initial)
    guard factor > 0 && factor <= 1 else {
      throw ScheduleError(
        message: factor > 1
          ? "a step schedule with rate \(factor) > 1 grows without bound (α0·\(factor)^⌊e/T⌋); use a rate in (0, 1]."
          : "a step schedule needs a rate in (0, 1], got \(factor).")
    }
    guard interval >= 1 else {
      throw ScheduleError(message: "the decay interval must be at least 1, got \(interval).")
    }
    self.initial = initial
    self.factor = factor
    self.interval = interval
  }
  public func rate(at t: Int) -> Double { initial * pow(factor, Double(t / interval)) }
}

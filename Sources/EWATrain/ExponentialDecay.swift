import Foundation

/// Exponential decay (r = 0.95 is the textbook case).
///
/// ```
/// α(e) = α0 · r^e
/// ```
public struct ExponentialDecay: LearningRateSchedule, Equatable {
  public let initial: Double
  public let decayRate: Double
  /// - Parameters:
  ///   - initial: α0 > 0.
  ///   - decayRate: r in (0, 1]; r > 1 grows without bound and is rejected.
  public init(initial: Double, decayRate: Double) throws(ScheduleError) {
    try ScheduleError.checkInitial(initial)
    guard decayRate > 0 && decayRate <= 1 else {
      throw ScheduleError(
        message: decayRate > 1
          ? "an exponential schedule with rate \(decayRate) > 1 grows without bound (α0·\(decayRate)^e); use a rate in (0, 1]."
          : "an exponential schedule needs a rate in (0, 1], got \(decayRate).")
    }
    self.initial = initial
    self.decayRate = decayRate
  }
  public func rate(at t: Int) -> Double { initial * pow(decayRate, Double(t)) }
}

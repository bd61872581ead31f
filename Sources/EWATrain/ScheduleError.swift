import EWA
import EWAIO

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

import EWA
import EWAIO

/// A training problem: a bad request (usage), bad data or checkpoint (data), or a diverging cost.
public struct TrainingError: CategorizedError, Equatable {
  public let kind: FailureKind
  public let message: String
  /// Whether the cost diverged (``Trainer/divergenceFactor``), rather than the request or the
  /// data being bad; `ewa compare` then goes on with the other optimizers.
  public var diverged = false
  public var description: String { message }

  public init(kind: FailureKind, message: String) {
    self.kind = kind
    self.message = message
  }

  /// An invalid request (exit status 64).
  public static func usage(_ message: String) -> TrainingError {
    TrainingError(kind: .usage, message: message)
  }

  /// Bad data, a bad checkpoint, or a diverging cost (exit status 65).
  public static func data(_ message: String) -> TrainingError {
    TrainingError(kind: .data, message: message)
  }

  /// A cost that became NaN or infinite, or grew far beyond its start (exit status 65).
  public static func divergence(_ message: String) -> TrainingError {
    var error = TrainingError(kind: .data, message: message)
    error.diverged = true
    return error
  }
}

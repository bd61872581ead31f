import EWA
import EWAIO

/// A plot whose data cannot be read or drawn, or whose file cannot be written, as one sentence
/// naming the file (and for bad data the line and column).
public struct PlotError: CategorizedError, Equatable {
  public let kind: FailureKind
  public let message: String

  /// Creates an error of `kind` that reads as `message`.
  public init(kind: FailureKind, message: String) {
    self.kind = kind
    self.message = message
  }

  public var description: String { message }
}

import EWA
import EWAIO

/// An optimizer setting that is out of range.
public struct OptimizerError: CategorizedError, Equatable {
  public let message: String
  public var kind: FailureKind { .usage }
  public var description: String { message }

  /// Checks that a decay factor lies in [0, 1).
  static func checkBeta<S: OptimizerScalar>(_ beta: S, _ name: String) throws(OptimizerError) {
    guard beta >= 0 && beta < 1 else {
      throw OptimizerError(message: "\(name) must lie in [0, 1), got \(beta).")
    }
  }

  /// Checks that ε is positive.
  static func checkEpsilon<S: OptimizerScalar>(_ epsilon: S) throws(OptimizerError) {
    guard epsilon > 0 && epsilon.isFinite else {
      throw OptimizerError(message: "epsilon must be positive, got \(epsilon).")
    }
  }
}

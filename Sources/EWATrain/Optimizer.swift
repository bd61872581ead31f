import EWA

/// The floating-point types the optimizers work in (`Double`, `Float`).
public typealias OptimizerScalar = BinaryFloatingPoint & Codable & Sendable

/// Something that, given parameters and their gradient, updates the parameters in place.
///
/// Every optimizer's state (its moments, as ``ExponentialAverage`` values, and its step count) is
/// part of the value, so saving the value saves the optimizer and two states compare with `==`.
/// One call is one step; the learning rate is passed per step so that a schedule can drive it.
public protocol Optimizer<Scalar>: Codable, Equatable, Sendable {
  associatedtype Scalar: OptimizerScalar

  /// The name used on the command line (`adam`, `rmsprop`, ...).
  static var name: String { get }

  /// The number of steps taken so far.
  var steps: Int { get }

  /// Updates `parameters` in place from their `gradient`, with learning rate `learningRate`.
  ///
  /// - Parameters:
  ///   - parameters: the parameters `W`, updated in place.
  ///   - gradient: `dW`, of the same length.
  ///   - learningRate: `α` for this step.
  /// - Complexity: O(n), one pass over the elements, without allocating.
  mutating func update(_ parameters: inout [Scalar], gradient: [Scalar], learningRate: Scalar)
}

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

extension ExponentialAverage {
  /// The coefficients and bias factor that the NEXT step would use, without taking it: for a
  /// look-ahead (Nesterov) that blends the gradient in once more.
  ///
  /// The copy shares the vector buffer and only its scalars change, so nothing is allocated.
  static func peek(_ average: ExponentialAverage) -> (keep: Scalar, gain: Scalar, bias: Scalar) {
    var next = average
    let (keep, gain) = next.advance()
    return (keep, gain, next.biasFactor)
  }
}

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

import EWA
import EWAIO

/// The two moments Adam and its variants keep, each an ``ExponentialAverage``, stepped together
/// with the parameters by the averager's fused two-moment update, in one pass over the elements.
///
/// ```
/// V = β1·V + (1-β1)·dW,   V̂ = V / (1-β1^t)
/// S = β2·S + (1-β2)·dW²,  Ŝ = S / (1-β2^t)
/// ```
///
/// The averagers store the corrected values, so `V̂` and `Ŝ` are read without a division.
public struct AdamMoments<Scalar: OptimizerScalar>: Codable, Equatable, Sendable {
  /// The first moment (averaged gradient).
  public internal(set) var first: ExponentialAverage<[Scalar]>
  /// The second moment (averaged squared gradient).
  public internal(set) var second: ExponentialAverage<[Scalar]>

  /// Creates both moments for `count` parameters, checking β1 and β2.
  public init(beta1: Scalar, beta2: Scalar, count: Int) throws(OptimizerError) {
    try OptimizerError.checkBeta(beta1, "beta1")
    try OptimizerError.checkBeta(beta2, "beta2")
    first = ExponentialAverage(beta: beta1, count: count)
    second = ExponentialAverage(beta: beta2, count: count)
  }

  /// The number of steps taken.
  public var steps: Int { first.count }

  /// Folds one gradient into both moments and calls `body(&w[i], V̂[i], Ŝ[i], i)` for every
  /// element, in the same pass (``ExponentialAverage/update(first:second:with:stepping:_:)``).
  ///
  /// - Precondition: the parameters, the gradient and both moments have the same length.
  /// - Complexity: O(n), in place, without allocating.
  @inline(__always)
  public mutating func step(
    _ parameters: inout [Scalar], gradient: [Scalar],
    _ body: (inout Scalar, Scalar, Scalar, Int) -> Void
  ) {
    ExponentialAverage<[Scalar]>.update(
      first: &first, second: &second, with: gradient, stepping: &parameters, body)
  }
}

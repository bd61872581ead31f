import EWA

/// The two moments Adam and its variants keep, each an ``ExponentialAverage``, and the fused loop
/// that updates both and the parameters in one pass over the elements.
///
/// ```
/// V = β1·V + (1-β1)·dW,   V̂ = V / (1-β1^t)
/// S = β2·S + (1-β2)·dW²,  Ŝ = S / (1-β2^t)
/// ```
///
/// The averagers store the corrected values, so `V̂` and `Ŝ` are read without a division.
public struct AdamMoments<Scalar: OptimizerScalar>: Codable, Equatable, Sendable {
  /// The first moment (averaged gradient).
  public private(set) var first: ExponentialAverage<[Scalar]>
  /// The second moment (averaged squared gradient).
  public private(set) var second: ExponentialAverage<[Scalar]>

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
  /// element, in the same pass.
  ///
  /// - Complexity: O(n), in place, without allocating.
  @inline(__always)
  public mutating func step(
    _ parameters: inout [Scalar], gradient: [Scalar],
    _ body: (inout Scalar, Scalar, Scalar, Int) -> Void
  ) {
    precondition(parameters.count == gradient.count, "parameter and gradient lengths differ")
    Self.fused(&first, &second, &parameters, gradient, body)
  }

  @inline(__always)
  static func fused(
    _ first: inout ExponentialAverage<[Scalar]>, _ second: inout ExponentialAverage<[Scalar]>,
    _ parameters: inout [Scalar], _ gradient: [Scalar],
    _ body: (inout Scalar, Scalar, Scalar, Int) -> Void
  ) {
    let (keep1, gain1) = first.advance()
    let (keep2, gain2) = second.advance()
    gradient.withUnsafeBufferPointer { g in
      parameters.withUnsafeMutableBufferPointer { w in
        first.withUnsafeMutableCorrected { m in
          second.withUnsafeMutableCorrected { s in
            // Checked on every step (cheap): a checkpoint's moments are validated on load, so
            // these can only fail for a program error, never for a file's contents.
            precondition(
              m.count == w.count && s.count == w.count && g.count == w.count,
              "the optimizer was made for \(m.count) and \(s.count) parameters, not \(w.count)")
            for i in 0..<w.count {
              let gi = g[i]
              let mi = ExponentialAverage<[Scalar]>.blend(m[i], gi, keep: keep1, gain: gain1)
              let si = ExponentialAverage<[Scalar]>.blend(s[i], gi * gi, keep: keep2, gain: gain2)
              m[i] = mi
              s[i] = si
              body(&w[i], mi, si, i)
            }
          }
        }
      }
    }
  }
}

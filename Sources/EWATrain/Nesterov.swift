import EWA

/// Nesterov momentum: like ``Momentum``, but the step looks one average ahead, blending the
/// current gradient into the updated average once more.
///
/// ```
/// V = β·V + (1-β)·dW
/// W -= α·(β·V + (1-β)·dW)      (V̂ and its look-ahead with bias correction)
/// ```
///
/// The look-ahead is the averager's own next step (``ExponentialAverage/advance(elapsed:)`` on a
/// copy of its coefficients), never a retyped formula. With rate α this equals
/// `torch.optim.SGD(lr=α·(1-β), momentum=β, nesterov=True)` and
/// `optax.sgd(α·(1-β), momentum=β, nesterov=True)`.
public struct Nesterov<Scalar: OptimizerScalar>: Optimizer {
  public static var name: String { "nesterov" }
  /// Whether the step uses corrected averages (off by default).
  public let biasCorrection: Bool
  /// The first moment: the averaged gradient.
  public private(set) var velocity: ExponentialAverage<[Scalar]>
  public var steps: Int { velocity.count }

  /// Creates the optimizer for `count` parameters.
  ///
  /// - Parameters:
  ///   - beta: β in [0, 1), 0.9 by default.
  ///   - count: the number of parameters.
  ///   - biasCorrection: step with corrected averages (off by default).
  public init(beta: Scalar = 0.9, count: Int, biasCorrection: Bool = false) throws(OptimizerError) {
    try OptimizerError.checkBeta(beta, "beta")
    self.biasCorrection = biasCorrection
    velocity = ExponentialAverage(beta: beta, count: count)
  }

  @_specialize(where Scalar == Float)
  @_specialize(where Scalar == Double)
  public mutating func update(
    _ parameters: inout [Scalar], gradient: [Scalar], learningRate: Scalar
  ) {
    precondition(parameters.count == gradient.count, "parameter and gradient lengths differ")
    let (keep, gain) = velocity.advance()
    let ahead = ExponentialAverage.peek(velocity)
    let scale = biasCorrection ? learningRate : learningRate * ahead.bias
    gradient.withUnsafeBufferPointer { g in
      parameters.withUnsafeMutableBufferPointer { w in
        velocity.withUnsafeMutableCorrected { v in
          precondition(v.count == w.count, "the optimizer was made for \(v.count) parameters")
          for i in 0..<w.count {
            let vi = ExponentialAverage<[Scalar]>.blend(v[i], g[i], keep: keep, gain: gain)
            v[i] = vi
            let look = ExponentialAverage<[Scalar]>.blend(
              vi, g[i], keep: ahead.keep, gain: ahead.gain)
            w[i] -= scale * look
          }
        }
      }
    }
  }
}

import EWA
import EWAIO

/// Nesterov momentum: like ``Momentum``, but the step looks one average ahead, blending the
/// current gradient into the updated average once more.
///
/// ```
/// V = β·V + (1-β)·dW
/// W -= α·(β·V + (1-β)·dW)      (V̂ and its look-ahead with bias correction)
/// ```
///
/// The look-ahead is the averager's own next step (``ExponentialAverage/nextStep``, the
/// coefficients it would use, blended by ``ExponentialAverage/blend(_:_:keep:gain:)``), never a
/// retyped formula. With rate α this equals
/// `torch.optim.SGD(lr=α·(1-β), momentum=β, nesterov=True)` and
/// `optax.sgd(α·(1-β), momentum=β, nesterov=True)`.
public struct Nesterov<Scalar: OptimizerScalar>: Optimizer {
  public static var name: String { "nesterov" }
  /// The averaged gradient and the bias-correction switch, as for ``Momentum``.
  public private(set) var momentum: Momentum<Scalar>
  public var steps: Int { momentum.steps }

  /// Creates the optimizer for `count` parameters.
  ///
  /// - Parameters:
  ///   - beta: β in [0, 1), 0.9 by default.
  ///   - count: the number of parameters.
  ///   - biasCorrection: step with corrected averages (off by default).
  public init(beta: Scalar = 0.9, count: Int, biasCorrection: Bool = false) throws(OptimizerError) {
    momentum = try Momentum(beta: beta, count: count, biasCorrection: biasCorrection)
  }

  @_specialize(where Scalar == Float)
  @_specialize(where Scalar == Double)
  public mutating func update(
    _ parameters: inout [Scalar], gradient: [Scalar], learningRate: Scalar
  ) {
    let corrected = momentum.biasCorrection
    momentum.velocity.update(
      with: gradient, observing: { $0 }, stepping: &parameters,
      prepare: { average in
        let ahead = average.nextStep
        return (ahead.keep, ahead.gain, corrected ? learningRate : learningRate * ahead.biasFactor)
      }
    ) { w, v, g, ahead in
      w -= ahead.2 * ExponentialAverage<[Scalar]>.blend(v, g, keep: ahead.0, gain: ahead.1)
    }
  }
}

/// AMSGrad (Reddi, Kale and Kumar 2018): Adam whose denominator never shrinks, using the running
/// maximum of the corrected second moment.
///
/// ```
/// Ŝmax = max(Ŝmax, Ŝ)
/// W -= α·V̂ / (√Ŝmax + ε)
/// ```
///
/// The maximum is plain state beside the two averagers (a maximum is not an average). This is
/// `optax.amsgrad(α, b1=β1, b2=β2, eps=ε)`, which takes the maximum of the corrected moment.
/// `torch.optim.Adam(amsgrad=True)` takes it of the uncorrected `S` and corrects afterwards, which
/// differs while `1-β2^t` changes.
public struct AMSGrad<Scalar: OptimizerScalar>: Optimizer {
  public static var name: String { "amsgrad" }
  /// The moments and ε, as for ``Adam``.
  public private(set) var adam: Adam<Scalar>
  /// The running maximum of `Ŝ`, element by element.
  public private(set) var maximum: [Scalar]
  public var steps: Int { adam.steps }

  /// Creates the optimizer for `count` parameters.
  ///
  /// - Parameters:
  ///   - beta1: β1 in [0, 1), 0.9 by default.
  ///   - beta2: β2 in [0, 1), 0.999 by default.
  ///   - epsilon: ε > 0, 1e-8 by default.
  ///   - count: the number of parameters.
  public init(
    beta1: Scalar = 0.9, beta2: Scalar = 0.999, epsilon: Scalar = 1e-8, count: Int
  ) throws(OptimizerError) {
    adam = try Adam(beta1: beta1, beta2: beta2, epsilon: epsilon, count: count)
    maximum = [Scalar](repeating: 0, count: count)
  }

  @_specialize(where Scalar == Float)
  @_specialize(where Scalar == Double)
  public mutating func update(
    _ parameters: inout [Scalar], gradient: [Scalar], learningRate: Scalar
  ) {
    let epsilon = adam.epsilon
    // A checkpoint's maximum is validated on load; this only guards against a program error.
    precondition(maximum.count == parameters.count, "the maximum has \(maximum.count) elements")
    maximum.withUnsafeMutableBufferPointer { top in
      adam.moments.step(&parameters, gradient: gradient) { w, m, s, i in
        let largest = Swift.max(top[i], s)
        top[i] = largest
        w -= learningRate * m / (largest.nonNegativeRoot + epsilon)
      }
    }
  }
}

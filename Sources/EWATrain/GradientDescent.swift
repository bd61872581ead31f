import EWA

/// Plain gradient descent.
///
/// ```
/// W -= α·dW
/// ```
///
/// PyTorch: `torch.optim.SGD(lr=α)`. optax: `optax.sgd(α)`.
public struct GradientDescent<Scalar: OptimizerScalar>: Optimizer {
  public static var name: String { "gd" }
  public private(set) var steps: Int = 0

  /// Creates the optimizer (it has no state besides the step count).
  public init() {}

  @_specialize(where Scalar == Float)
  @_specialize(where Scalar == Double)
  public mutating func update(
    _ parameters: inout [Scalar], gradient: [Scalar], learningRate: Scalar
  ) {
    precondition(parameters.count == gradient.count, "parameter and gradient lengths differ")
    steps += 1
    gradient.withUnsafeBufferPointer { g in
      parameters.withUnsafeMutableBufferPointer { w in
        for i in 0..<w.count { w[i] -= learningRate * g[i] }
      }
    }
  }
}

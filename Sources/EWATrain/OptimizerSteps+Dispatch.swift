import EWA
import _CPUFeatures
import _EWATrainAVX2

/// The choice, once per step, between this module's build of the fused steps and the AVX2 build
/// of the same source in `_EWATrainAVX2`.
///
/// PyTorch selects AVX2 or AVX-512 kernels at run time in the same way; the binary itself stays
/// an x86-64 baseline (SSE2) one that runs on any processor of its architecture.
extension OptimizerSteps {
  /// Whether this processor runs the AVX2 build (x86-64-v3, asked once with cpuid).
  static let avx2 = ewa_cpu_supports_avx2() != 0

  /// `Scalar` as a type of the AVX2 build, or nil when this processor does not run that build or
  /// it has no steps for `Scalar`. Two comparisons of types, which a specialization folds (a
  /// dynamic cast to the protocol would look the conformance up at every step).
  @inline(__always)
  static func fastScalar<Scalar>(_: Scalar.Type) -> (any AVX2Scalar.Type)? {
    guard avx2 else { return nil }
    if Scalar.self == Float.self { return Float.self }
    if Scalar.self == Double.self { return Double.self }
    return nil
  }

  /// Adam's step (``adam(_:_:gradient:parameters:rate:epsilon:)``), from the AVX2 build where it
  /// runs.
  @inline(__always)
  static func adamStep<Scalar: OptimizerScalar>(
    _ first: inout ExponentialAverage<[Scalar]>, _ second: inout ExponentialAverage<[Scalar]>,
    gradient: [Scalar], parameters: inout [Scalar], rate: Scalar, epsilon: Scalar
  ) {
    if let type = fastScalar(Scalar.self) {
      func run<Fast: AVX2Scalar>(_: Fast.Type) {
        rebound(&first, as: ExponentialAverage<[Fast]>.self) { first in
          rebound(&second, as: ExponentialAverage<[Fast]>.self) { second in
            rebound(&parameters, as: [Fast].self) {
              Fast.adamAVX2(
                &first, &second, gradient: same(gradient), parameters: &$0, rate: same(rate),
                epsilon: same(epsilon))
            }
          }
        }
      }
      return run(type)
    }
    adam(&first, &second, gradient: gradient, parameters: &parameters, rate: rate, epsilon: epsilon)
  }

  /// Momentum's step (``momentum(_:gradient:parameters:rate:biasCorrection:)``), from the AVX2
  /// build where it runs.
  @inline(__always)
  static func momentumStep<Scalar: OptimizerScalar>(
    _ velocity: inout ExponentialAverage<[Scalar]>, gradient: [Scalar],
    parameters: inout [Scalar], rate: Scalar, biasCorrection: Bool
  ) {
    if let type = fastScalar(Scalar.self) {
      func run<Fast: AVX2Scalar>(_: Fast.Type) {
        rebound(&velocity, as: ExponentialAverage<[Fast]>.self) { velocity in
          rebound(&parameters, as: [Fast].self) {
            Fast.momentumAVX2(
              &velocity, gradient: same(gradient), parameters: &$0, rate: same(rate),
              biasCorrection: biasCorrection)
          }
        }
      }
      return run(type)
    }
    momentum(
      &velocity, gradient: gradient, parameters: &parameters, rate: rate,
      biasCorrection: biasCorrection)
  }

  /// RMSProp's step (``rmsprop(_:gradient:parameters:rate:epsilon:biasCorrection:)``), from the
  /// AVX2 build where it runs.
  @inline(__always)
  static func rmspropStep<Scalar: OptimizerScalar>(
    _ meanSquare: inout ExponentialAverage<[Scalar]>, gradient: [Scalar],
    parameters: inout [Scalar], rate: Scalar, epsilon: Scalar, biasCorrection: Bool
  ) {
    if let type = fastScalar(Scalar.self) {
      func run<Fast: AVX2Scalar>(_: Fast.Type) {
        rebound(&meanSquare, as: ExponentialAverage<[Fast]>.self) { meanSquare in
          rebound(&parameters, as: [Fast].self) {
            Fast.rmspropAVX2(
              &meanSquare, gradient: same(gradient), parameters: &$0, rate: same(rate),
              epsilon: same(epsilon), biasCorrection: biasCorrection)
          }
        }
      }
      return run(type)
    }
    rmsprop(
      &meanSquare, gradient: gradient, parameters: &parameters, rate: rate, epsilon: epsilon,
      biasCorrection: biasCorrection)
  }
}

/// Whether the optimizers step with the AVX2 build on this processor (for the benchmark's report).
package var fusedStepsUseAVX2: Bool { OptimizerSteps.avx2 }

/// `value` as a `Target`, which is its own type under another name (checked).
@inline(__always)
private func same<Value, Target>(_ value: Value) -> Target {
  precondition(Value.self == Target.self, "\(Value.self) is not \(Target.self)")
  return unsafeBitCast(value, to: Target.self)
}

/// Calls `body` with `value` seen as a `Target`, which is its own type under another name
/// (checked): the generic optimizers reach the AVX2 build's concrete functions in place, without
/// copying a vector.
@inline(__always)
private func rebound<Value, Target>(
  _ value: inout Value, as _: Target.Type, _ body: (inout Target) -> Void
) {
  precondition(Value.self == Target.self, "\(Value.self) is not \(Target.self)")
  withUnsafeMutablePointer(to: &value) {
    $0.withMemoryRebound(to: Target.self, capacity: 1) { body(&$0.pointee) }
  }
}

import EWA

/// A scalar whose fused optimizer steps this module builds for AVX2 and FMA.
///
/// The whole module is compiled with `-target-cpu haswell` on x86-64, so every function in it may
/// use those instructions: EWATrain calls these only after checking the processor
/// (`OptimizerSteps.avx2`), and nothing else in the package imports this module. Each
/// requirement is the same-named step of `OptimizerSteps` (`OptimizerSteps.swift`, the one
/// source that EWATrain also compiles for any CPU), instantiated here for `Float` and `Double`.
/// A processor without AVX2 must not call them: it would stop at an illegal instruction.
package protocol AVX2Scalar: BinaryFloatingPoint & Codable {
  /// Adam's fused step, built for AVX2.
  static func adamAVX2(
    _ first: inout ExponentialAverage<[Self]>, _ second: inout ExponentialAverage<[Self]>,
    gradient: [Self], parameters: inout [Self], rate: Self, epsilon: Self)

  /// Momentum's fused step, built for AVX2.
  static func momentumAVX2(
    _ velocity: inout ExponentialAverage<[Self]>, gradient: [Self], parameters: inout [Self],
    rate: Self, biasCorrection: Bool)

  /// RMSProp's fused step, built for AVX2.
  static func rmspropAVX2(
    _ meanSquare: inout ExponentialAverage<[Self]>, gradient: [Self], parameters: inout [Self],
    rate: Self, epsilon: Self, biasCorrection: Bool)
}

// The requirements' one implementation, specialized (in this module, so for AVX2) for each
// conforming type's witnesses.
extension AVX2Scalar {
  package static func adamAVX2(
    _ first: inout ExponentialAverage<[Self]>, _ second: inout ExponentialAverage<[Self]>,
    gradient: [Self], parameters: inout [Self], rate: Self, epsilon: Self
  ) {
    OptimizerSteps.adam(
      &first, &second, gradient: gradient, parameters: &parameters, rate: rate, epsilon: epsilon)
  }

  package static func momentumAVX2(
    _ velocity: inout ExponentialAverage<[Self]>, gradient: [Self], parameters: inout [Self],
    rate: Self, biasCorrection: Bool
  ) {
    OptimizerSteps.momentum(
      &velocity, gradient: gradient, parameters: &parameters, rate: rate,
      biasCorrection: biasCorrection)
  }

  package static func rmspropAVX2(
    _ meanSquare: inout ExponentialAverage<[Self]>, gradient: [Self], parameters: inout [Self],
    rate: Self, epsilon: Self, biasCorrection: Bool
  ) {
    OptimizerSteps.rmsprop(
      &meanSquare, gradient: gradient, parameters: &parameters, rate: rate, epsilon: epsilon,
      biasCorrection: biasCorrection)
  }
}

extension Float: AVX2Scalar {}
extension Double: AVX2Scalar {}

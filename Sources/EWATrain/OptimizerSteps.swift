import EWA

/// The fused steps of Adam, momentum and RMSProp: the averager's one-pass vector update with each
/// optimizer's update of one parameter, from one source compiled twice.
///
/// This file is part of EWATrain, built for any CPU of its platform, and, as a symbolic link, of
/// `_EWATrainAVX2`, built for x86-64 with AVX2 and FMA (`-target-cpu haswell`). The optimizers
/// call `adamStep`, `momentumStep` and `rmspropStep` (`OptimizerSteps+Dispatch.swift`), which run
/// the second build when the processor has those instructions. The recurrence is the averager's
/// own (``ExponentialAverage/update(first:second:with:stepping:_:)`` and
/// ``ExponentialAverage/update(with:observing:stepping:prepare:_:)``), inlined into both builds;
/// Swift contracts no multiply and add into an FMA, so both builds give the same bits.
///
/// Nothing here names an EWATrain type, so that the second module can compile the file alone.
enum OptimizerSteps {
  /// Adam's step: both moments advance, then `W -= α·V̂ / (√Ŝ + ε)`.
  @inline(__always)
  static func adam<Scalar: BinaryFloatingPoint & Codable>(
    _ first: inout ExponentialAverage<[Scalar]>, _ second: inout ExponentialAverage<[Scalar]>,
    gradient: [Scalar], parameters: inout [Scalar], rate: Scalar, epsilon: Scalar
  ) {
    ExponentialAverage<[Scalar]>.update(
      first: &first, second: &second, with: gradient, stepping: &parameters
    ) { w, m, s, _ in
      w -= rate * m / (s.nonNegativeRoot + epsilon)
    }
  }

  /// Momentum's step: the velocity advances, then `W -= α·V` (or `α·V̂` with bias correction).
  @inline(__always)
  static func momentum<Scalar: BinaryFloatingPoint & Codable>(
    _ velocity: inout ExponentialAverage<[Scalar]>, gradient: [Scalar],
    parameters: inout [Scalar], rate: Scalar, biasCorrection: Bool
  ) {
    velocity.update(
      with: gradient, observing: { $0 }, stepping: &parameters,
      prepare: { biasCorrection ? rate : rate * $0.biasFactor }
    ) { w, v, _, scale in w -= scale * v }
  }

  /// RMSProp's step: the mean square advances, then `W -= α·dW / (√S + ε)` (or `√Ŝ`).
  @inline(__always)
  static func rmsprop<Scalar: BinaryFloatingPoint & Codable>(
    _ meanSquare: inout ExponentialAverage<[Scalar]>, gradient: [Scalar],
    parameters: inout [Scalar], rate: Scalar, epsilon: Scalar, biasCorrection: Bool
  ) {
    meanSquare.update(
      with: gradient, observing: { $0 * $0 }, stepping: &parameters,
      prepare: { biasCorrection ? 1 : $0.biasFactor }
    ) { w, s, g, factor in w -= rate * g / ((factor * s).nonNegativeRoot + epsilon) }
  }
}

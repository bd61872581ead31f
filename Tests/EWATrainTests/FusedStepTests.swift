import EWA
import EWAIO
import EWATestSupport
import Testing
import _EWATrainAVX2

@testable import EWATrain

/// The fused (vectorized in release builds) optimizer loops against readable versions written
/// with the averager's plain `update(with:)`, bit for bit, on random and edge inputs and on
/// lengths that leave a remainder after the vector lanes.
@Suite("Fused optimizer steps equal the readable ones bit for bit")
struct FusedStepTests {
  /// Gradients for `steps` steps: seeded normals at mixed scales, with exact zeros, negative
  /// zeros, and entries repeated from the previous step (so that an average meets an equal
  /// observation and the blend's guard is taken).
  static func gradients<S: OptimizerScalar>(count: Int, steps: Int, seed: UInt64) -> [[S]] {
    var generator = TestRandom(seed: seed)
    var result: [[S]] = []
    for t in 0..<steps {
      result.append(
        (0..<count).map { i in
          switch i % 7 {
          case 0: 0
          case 1: -0.0
          case 2 where t > 0: result[t - 1][i]
          case 3: S(generator.normal() * 1e-6)
          case 4: S(generator.normal() * 1e3)
          default: S(generator.normal())
          }
        })
    }
    return result
  }

  /// Sign, exponent and significand of every element, so that -0 and +0 differ.
  static func bits<S: BinaryFloatingPoint>(_ values: [S]) -> [UInt64] {
    values.flatMap {
      [$0.sign == .minus ? 1 : 0, UInt64($0.exponentBitPattern), UInt64($0.significandBitPattern)]
    }
  }

  static let lengths = [1, 3, 7, 8, 17, 1037]

  func adam<S: OptimizerScalar>(_: S.Type, count: Int) throws -> (fused: [S], readable: [S]) {
    let gradients: [[S]] = Self.gradients(count: count, steps: 6, seed: UInt64(count))
    let (rate, epsilon): (S, S) = (0.01, 1e-8)
    var fused = [S](repeating: 0.5, count: count)
    var optimizer = try Adam<S>(beta1: 0.9, beta2: 0.999, epsilon: epsilon, count: count)
    var readable = fused
    var first = ExponentialAverage<[S]>(beta: 0.9, count: count)
    var second = ExponentialAverage<[S]>(beta: 0.999, count: count)
    for g in gradients {
      optimizer.update(&fused, gradient: g, learningRate: rate)
      first.update(with: g)
      second.update(with: g.map { $0 * $0 })
      for i in readable.indices {
        readable[i] -= rate * first.corrected[i] / (second.corrected[i].squareRoot() + epsilon)
      }
    }
    return (fused, readable)
  }

  @Test(arguments: lengths) func adamFloat(count: Int) throws {
    let (fused, readable) = try adam(Float.self, count: count)
    #expect(Self.bits(fused) == Self.bits(readable))
  }

  @Test(arguments: lengths) func adamDouble(count: Int) throws {
    let (fused, readable) = try adam(Double.self, count: count)
    #expect(Self.bits(fused) == Self.bits(readable))
  }

  func momentum<S: OptimizerScalar>(_: S.Type, count: Int, corrected: Bool) throws -> (
    fused: [S], readable: [S]
  ) {
    let gradients: [[S]] = Self.gradients(count: count, steps: 6, seed: UInt64(count) + 1)
    let rate: S = 0.01
    var fused = [S](repeating: -0.25, count: count)
    var optimizer = try Momentum<S>(beta: 0.9, count: count, biasCorrection: corrected)
    var readable = fused
    var velocity = ExponentialAverage<[S]>(beta: 0.9, count: count)
    for g in gradients {
      optimizer.update(&fused, gradient: g, learningRate: rate)
      velocity.update(with: g)
      // V = V̂·(1-β^t): the step scales V̂ by α·(1-β^t), or by α alone with bias correction.
      let scale = corrected ? rate : rate * velocity.biasFactor
      for i in readable.indices { readable[i] -= scale * velocity.corrected[i] }
    }
    return (fused, readable)
  }

  @Test(arguments: lengths, [false, true])
  func momentumFloat(count: Int, corrected: Bool) throws {
    let (fused, readable) = try momentum(Float.self, count: count, corrected: corrected)
    #expect(Self.bits(fused) == Self.bits(readable))
  }

  @Test(arguments: lengths, [false, true])
  func momentumDouble(count: Int, corrected: Bool) throws {
    let (fused, readable) = try momentum(Double.self, count: count, corrected: corrected)
    #expect(Self.bits(fused) == Self.bits(readable))
  }

  func rmsprop<S: OptimizerScalar>(_: S.Type, count: Int, corrected: Bool) throws -> (
    fused: [S], readable: [S]
  ) {
    let gradients: [[S]] = Self.gradients(count: count, steps: 6, seed: UInt64(count) + 2)
    let (rate, epsilon): (S, S) = (0.01, 1e-8)
    var fused = [S](repeating: 2, count: count)
    var optimizer = try RMSProp<S>(
      beta: 0.9, epsilon: epsilon, count: count, biasCorrection: corrected)
    var readable = fused
    var meanSquare = ExponentialAverage<[S]>(beta: 0.9, count: count)
    for g in gradients {
      optimizer.update(&fused, gradient: g, learningRate: rate)
      meanSquare.update(with: g.map { $0 * $0 })
      let factor = corrected ? 1 : meanSquare.biasFactor
      for i in readable.indices {
        readable[i] -= rate * g[i] / ((factor * meanSquare.corrected[i]).squareRoot() + epsilon)
      }
    }
    return (fused, readable)
  }

  @Test(arguments: lengths, [false, true])
  func rmspropFloat(count: Int, corrected: Bool) throws {
    let (fused, readable) = try rmsprop(Float.self, count: count, corrected: corrected)
    #expect(Self.bits(fused) == Self.bits(readable))
  }

  @Test(arguments: lengths, [false, true])
  func rmspropDouble(count: Int, corrected: Bool) throws {
    let (fused, readable) = try rmsprop(Double.self, count: count, corrected: corrected)
    #expect(Self.bits(fused) == Self.bits(readable))
  }

  /// Six steps of Adam, momentum and RMSProp through this module's build of the fused steps and
  /// through the AVX2 build of the same source (`_EWATrainAVX2`): the states and the parameters.
  func bothBuilds<S: OptimizerScalar & AVX2Scalar>(_: S.Type, count: Int, corrected: Bool) -> (
    portable: [[S]], avx2: [[S]]
  ) {
    let gradients: [[S]] = Self.gradients(count: count, steps: 6, seed: UInt64(count) + 3)
    let (rate, epsilon): (S, S) = (0.01, 1e-8)
    var builds: [[[S]]] = []
    for avx2 in [false, true] {
      var (adam, momentum, rmsprop) = (
        [S](repeating: 0.5, count: count), [S](repeating: -1, count: count),
        [S](repeating: 2, count: count)
      )
      var first = ExponentialAverage<[S]>(beta: 0.9, count: count)
      var second = ExponentialAverage<[S]>(beta: 0.999, count: count)
      var velocity = ExponentialAverage<[S]>(beta: 0.9, count: count)
      var meanSquare = ExponentialAverage<[S]>(beta: 0.9, count: count)
      for g in gradients {
        if avx2 {
          S.adamAVX2(
            &first, &second, gradient: g, parameters: &adam, rate: rate, epsilon: epsilon)
          S.momentumAVX2(
            &velocity, gradient: g, parameters: &momentum, rate: rate, biasCorrection: corrected)
          S.rmspropAVX2(
            &meanSquare, gradient: g, parameters: &rmsprop, rate: rate, epsilon: epsilon,
            biasCorrection: corrected)
        } else {
          OptimizerSteps.adam(
            &first, &second, gradient: g, parameters: &adam, rate: rate, epsilon: epsilon)
          OptimizerSteps.momentum(
            &velocity, gradient: g, parameters: &momentum, rate: rate, biasCorrection: corrected)
          OptimizerSteps.rmsprop(
            &meanSquare, gradient: g, parameters: &rmsprop, rate: rate, epsilon: epsilon,
            biasCorrection: corrected)
        }
      }
      builds.append([
        adam, momentum, rmsprop, first.corrected, second.corrected, velocity.corrected,
        meanSquare.corrected,
      ])
    }
    return (builds[0], builds[1])
  }

  /// Swift fuses no multiply and add into an FMA, so the two builds round alike: tolerance 0.
  @Test(
    .enabled(if: OptimizerSteps.avx2, "this processor has no AVX2"),
    arguments: lengths, [false, true])
  func theAVX2BuildEqualsThePortableOne(count: Int, corrected: Bool) {
    let single = bothBuilds(Float.self, count: count, corrected: corrected)
    #expect(single.portable.map(Self.bits) == single.avx2.map(Self.bits))
    let double = bothBuilds(Double.self, count: count, corrected: corrected)
    #expect(double.portable.map(Self.bits) == double.avx2.map(Self.bits))
  }
}

import EWA
import EWAIO
import EWATestSupport
import EWATrain
import Testing

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
}

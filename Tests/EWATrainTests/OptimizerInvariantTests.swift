import Foundation
import Testing
import _AllocationCounter

@testable import EWATrain

/// The invariants every optimizer keeps, as one table over every kind (the way optax's
/// `alias_test.py` runs one list of optimizers through the same checks): its state survives a
/// save and a restore, a step allocates nothing, and single precision tracks double precision.
@Suite("Every optimizer: state round trip, no allocation, Float ≈ Double")
struct OptimizerInvariantTests {
  /// Every kind with its defaults, and those with a bias-correction switch with it on.
  static let table: [OptimizerSettings] =
    OptimizerKind.allCases.map { OptimizerSettings(kind: $0) }
    + OptimizerKind.allCases.filter(\.usesBiasCorrection).map {
      var settings = OptimizerSettings(kind: $0)
      settings.biasCorrection = true
      return settings
    }

  /// Seeded gradients of mixed signs and scales, one vector per step.
  static func gradients(count: Int, steps: Int) -> [[Double]] {
    var generator = SeededGenerator(seed: 9)
    return (0..<steps).map { _ in (0..<count).map { _ in generator.normal() } }
  }

  /// Takes one step per gradient (in `Scalar`), from `parameters`.
  static func run<O: Optimizer>(
    _ optimizer: inout O, _ parameters: inout [O.Scalar], _ gradients: [[Double]]
  ) {
    for g in gradients {
      optimizer.update(&parameters, gradient: g.map { O.Scalar($0) }, learningRate: 0.01)
    }
  }

  @Test(arguments: table)
  func stateRoundTripsThroughSaveAndRestore(settings: OptimizerSettings) throws {
    let gradients = Self.gradients(count: 5, steps: 6)
    var optimizer = try settings.make(count: 5, as: Double.self)
    var parameters = [Double](repeating: 0.5, count: 5)
    Self.run(&optimizer, &parameters, Array(gradients[..<3]))
    let saved = try JSONEncoder().encode(SavedOptimizer(optimizer))
    var restored = try JSONDecoder().decode(SavedOptimizer.self, from: saved).optimizer
    #expect(SavedOptimizer(restored) == SavedOptimizer(optimizer))
    #expect(restored.steps == 3)
    // Resuming from the restored state equals one uninterrupted run, bit for bit.
    var resumed = parameters
    Self.run(&optimizer, &parameters, Array(gradients[3...]))
    Self.run(&restored, &resumed, Array(gradients[3...]))
    #expect(resumed == parameters)
    #expect(SavedOptimizer(restored) == SavedOptimizer(optimizer))
  }

  /// The heap allocations this thread makes during `steps` steps after a first one.
  static func allocations<Scalar: OptimizerScalar>(
    _ settings: OptimizerSettings, _: Scalar.Type, count: Int, steps: Int
  ) throws -> Int64 {
    var optimizer = try settings.make(count: count, as: Scalar.self)
    func measure<O: Optimizer<Scalar>>(_ optimizer: inout O) -> Int64 {
      var parameters = [Scalar](repeating: 1, count: count)
      let gradient = (0..<count).map { Scalar($0 % 5) - 2 }
      optimizer.update(&parameters, gradient: gradient, learningRate: 0.01)
      let before = ewa_thread_allocation_count()
      for _ in 0..<steps { optimizer.update(&parameters, gradient: gradient, learningRate: 0.01) }
      return ewa_thread_allocation_count() - before
    }
    return measure(&optimizer)
  }

  @Test(
    .enabled(if: ewa_thread_allocation_count() >= 0, "the allocation counter needs glibc"),
    arguments: table)
  func aStepAllocatesNothing(settings: OptimizerSettings) throws {
    #expect(try Self.allocations(settings, Float.self, count: 1037, steps: 20) == 0)
    #expect(try Self.allocations(settings, Double.self, count: 1037, steps: 20) == 0)
  }

  /// The counter works: making an array is seen on this thread (as one allocation in a release
  /// build; a debug build may add a temporary).
  @Test(.enabled(if: ewa_thread_allocation_count() >= 0, "the allocation counter needs glibc"))
  func theCounterSeesAnAllocation() {
    let before = ewa_thread_allocation_count()
    let probe = [Float](repeating: 1, count: 16 + Int(before & 1))
    let after = ewa_thread_allocation_count()
    withExtendedLifetime(probe) {}
    #expect(after - before >= 1)
  }

  /// After 50 steps of rate 0.01 from 0.5, each Float parameter is within 1e-4 (absolute, a few
  /// hundred Float ulps of a parameter near 1) of the Double one: the Float step is the same
  /// arithmetic, rounded to single precision.
  @Test(arguments: table)
  func floatTracksDouble(settings: OptimizerSettings) throws {
    let gradients = Self.gradients(count: 9, steps: 50)
    var single = try settings.make(count: 9, as: Float.self)
    var double = try settings.make(count: 9, as: Double.self)
    var (a, b) = ([Float](repeating: 0.5, count: 9), [Double](repeating: 0.5, count: 9))
    Self.run(&single, &a, gradients)
    Self.run(&double, &b, gradients)
    #expect(single.steps == 50 && double.steps == 50)
    let worst = zip(a, b).map { abs(Double($0) - $1) }.max() ?? .infinity
    #expect(worst <= 1e-4, "largest difference \(worst)")
  }
}

extension OptimizerSettings: CustomTestStringConvertible {
  public var testDescription: String { biasCorrection ? "\(kind.rawValue)+bias" : kind.rawValue }
}

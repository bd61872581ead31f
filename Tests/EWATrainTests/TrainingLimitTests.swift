import EWA
import EWAIO
import Foundation
import Testing

@testable import EWATrain

/// Sizes that come from options are checked before anything is allocated: a network's parameter
/// count never overflows, and every limit is refused as a usage error stating it.
@Suite struct TrainingLimitTests {
  @Test func parameterCountsThatOverflowAreNil() {
    #expect(DenseNetwork.parameterCount([2, 5, 2, 1]) == 15 + 12 + 3)
    #expect(DenseNetwork.parameterCount([2, 4_294_967_296, 4_294_967_296, 1]) == nil)
    #expect(DenseNetwork.parameterCount([2, Int.max, 1]) == nil)
    #expect(DenseNetwork.parameterCount([Int.max, 1]) == nil)
  }

  @Test(arguments: [[4_294_967_296, 4_294_967_296], [Int.max], [3_000_000, 3], [4000, 4000]])
  func networksAboveTheParameterLimitAreRefused(_ hidden: [Int]) {
    #expect {
      try DenseNetwork(inputs: 2, hidden: hidden, classes: 2, activation: .relu)
    } throws: { error in
      let e = error as? TrainingError
      return e?.kind == .usage && e?.message.contains("more than 10000000 parameters") == true
    }
  }

  @Test func aBatchTooWideForTheBuffersIsRefusedBeforeAllocating() throws {
    let data = SyntheticData.moons.generate(samples: 3000, noise: 0.1, seed: 1)
    var c = TrainingConfiguration()
    c.hidden = [3000, 3000]
    c.batchSize = 3000
    #expect {
      try Trainer(configuration: c, data: data)
    } throws: { error in
      (error as? TrainingError)?.message.contains("needs more than 10000000 activations") == true
    }
  }

  @Test func generatedDataIsCapped() {
    for (samples, noise) in [(1_000_001, 0.1), (Int.max, 0.1), (100, 1e7), (100, .infinity)] {
      let source = DataSource(origin: .synthetic(.moons, samples: samples, noise: noise))
      #expect(throws: TrainingError.self) { try source.prepare() }
    }
  }

  @Test func aWarmUpOfIntMaxStepsGivesFiniteRates() throws {
    let warm = try LinearWarmUp(length: .max, base: ConstantRate(initial: 0.1))
    for t in [0, 1, Int.max - 1, Int.max] {
      let rate = warm.rate(at: t)
      #expect(rate.isFinite && rate >= 0 && rate <= 0.1)
    }
  }

  @Test func standardizingValuesThatOverflowIsRefused() throws {
    let data = Dataset(
      features: [1e308, 0, -1e308, 1, 1e308, 2, -1e308, 3], labels: [0, 1, 0, 1],
      featureCount: 2, classNames: ["0", "1"])
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("ewa-overflow-\(UUID().uuidString).csv").path
    defer { try? FileManager.default.removeItem(atPath: path) }
    var text = "a,b,y\n"
    for r in 0..<data.count {
      text += "\(data.features[2 * r]),\(data.features[2 * r + 1]),\(data.labels[r])\n"
    }
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    var source = DataSource(origin: .csv(path: path, label: "y"))
    source.testFraction = 0
    source.standardize = true
    #expect {
      try source.prepare()
    } throws: { error in
      (error as? TrainingError)?.message.contains("--standardize overflows on feature 1") == true
    }
  }
}

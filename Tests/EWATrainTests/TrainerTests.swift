import EWA
import EWAIO
import Foundation
import Testing

@testable import EWATrain

@Suite("Trainer: determinism, checkpoints, divergence, known answers")
struct TrainerTests {
  let moons = SyntheticData.moons.generate(samples: 300, noise: 0.2, seed: 3)

  func configuration(_ kind: OptimizerKind, lr: Double = 0.0007, seed: UInt64 = 3)
    -> TrainingConfiguration
  {
    var c = TrainingConfiguration(optimizer: OptimizerSettings(kind: kind), learningRate: lr)
    c.seed = seed
    return c
  }

  @Test func sameSeedSameResultBitForBit() throws {
    let a = try Trainer(configuration: configuration(.adam), data: moons)
    let b = try Trainer(configuration: configuration(.adam), data: moons)
    for _ in 0..<5 {
      #expect(try a.runEpoch() == b.runEpoch())
    }
    #expect(a.parameters == b.parameters)
    let c = try Trainer(configuration: configuration(.adam, seed: 4), data: moons)
    #expect(c.parameters != a.parameters)
  }

  @Test func everyOptimizerStartsFromTheSameWeights() throws {
    let adam = try Trainer(configuration: configuration(.adam), data: moons)
    let gd = try Trainer(configuration: configuration(.gd), data: moons)
    #expect(adam.parameters == gd.parameters && adam.generator == gd.generator)
  }

  @Test func scheduleDrivesTheRatePerEpochOrPerStep() throws {
    var c = configuration(.gd, lr: 0.1)
    c.schedule.kind = .staircase
    c.schedule.interval = 2
    let perEpoch = try Trainer(configuration: c, data: moons)
    #expect(try (0..<3).map { _ in try perEpoch.runEpoch().learningRate } == [0.1, 0.1, 0.05])
    c.schedule = ScheduleSettings(kind: .exponential, initial: 0.1)
    c.schedule.rate = 0.5
    c.schedule.unit = .step
    let perStep = try Trainer(configuration: c, data: moons)
    #expect(try perStep.runEpoch().learningRate == 0.1 * 0.0625)  // step 5: α0·0.5⁴
  }

  @Test func lastPartialBatchIsKept() throws {
    let record = try Trainer(configuration: configuration(.gd), data: moons).runEpoch()
    #expect(record.step == 5)  // 64·4 + 44
  }

  @Test(arguments: [OptimizerKind.adam, .amsgrad, .momentum])
  func resumedCheckpointEndsBitIdenticalToAnUninterruptedRun(_ kind: OptimizerKind) throws {
    var c = configuration(kind)
    c.schedule.kind = .exponential
    c.schedule.unit = .step
    c.schedule.rate = 0.9999
    let straight = try Trainer(configuration: c, data: moons)
    var none: TrainingHistory?
    let full = try straight.train(epochs: 100, test: nil, history: &none)

    let first = try Trainer(configuration: c, data: moons)
    _ = try first.train(epochs: 50, test: nil, history: &none)
    let path = FileManager.default.temporaryDirectory.appendingPathComponent(
      "ewa-checkpoint-\(kind.rawValue)-\(UUID().uuidString).json"
    ).path
    try first.checkpoint.save(to: path)
    defer { try? FileManager.default.removeItem(atPath: path) }
    let loaded = try Checkpoint.load(from: path)
    #expect(loaded == first.checkpoint)
    let second = try Trainer(resuming: loaded, configuration: c, data: moons, path: path)
    let resumed = try second.train(epochs: 100, test: nil, history: &none)
    #expect(resumed.finalCost == full.finalCost)
    #expect(second.parameters == straight.parameters)
    #expect(second.checkpoint == straight.checkpoint)
  }

  @Test func checkpointForAnotherNetworkIsRejected() throws {
    let trainer = try Trainer(configuration: configuration(.adam), data: moons)
    var other = configuration(.adam)
    other.hidden = [4]
    #expect(throws: TrainingError.self) {
      try Trainer(resuming: trainer.checkpoint, configuration: other, data: moons, path: "x.json")
    }
  }

  @Test func divergingCostStopsAtOnceNamingEpochAndStep() throws {
    var c = configuration(.gd, lr: 1e10)
    c.activation = .leakyRelu
    let trainer = try Trainer(configuration: c, data: moons)
    var history: TrainingHistory? = TrainingHistory()
    do {
      _ = try trainer.train(epochs: 10, test: nil, history: &history)
      Issue.record("training did not stop")
    } catch {
      #expect(error.kind == .data)
      #expect(error.description.contains("at epoch 1, step"))
      #expect(error.description.contains("smaller learning rate"))
    }
    #expect(history!.batches[0].allSatisfy { $0.cost.isFinite })
  }

  @Test func batchLargerThanTheTrainingSetIsRejected() {
    var c = configuration(.adam)
    c.batchSize = 301
    #expect(throws: TrainingError.self) { try Trainer(configuration: c, data: moons) }
  }

  /// The textbook's pattern, shortened to 1000 epochs for a debug build (the full 5000-epoch runs
  /// are in the README): Adam leads plain and momentum gradient descent clearly, and gradient
  /// descent with α0 = 0.1 and a staircase decay reaches Adam's level.
  @Test func textbookPatternOnMoons() throws {
    var none: TrainingHistory?
    func accuracy(_ c: TrainingConfiguration) throws -> Double {
      try Trainer(configuration: c, data: moons).train(epochs: 1000, test: nil, history: &none)
        .trainAccuracy
    }
    let adam = try accuracy(configuration(.adam))
    let gd = try accuracy(configuration(.gd))
    let momentum = try accuracy(configuration(.momentum))
    var staircase = configuration(.gd, lr: 0.1)
    staircase.schedule.kind = .staircase
    staircase.schedule.rate = 1
    staircase.schedule.interval = 200
    let decayed = try accuracy(staircase)
    #expect(adam >= 0.92)
    #expect(gd < adam - 0.1 && momentum < adam - 0.1)
    #expect(decayed >= 0.92)
  }
}

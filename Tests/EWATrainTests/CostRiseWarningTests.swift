import EWATrain
import Testing

@Suite("Full-batch gradient descent warns once when its cost rises")
struct CostRiseWarningTests {
  static func summary(_ kind: OptimizerKind, lr: Double, batch: Int?) throws -> TrainingSummary {
    let (data, _) = try DataSource(origin: .synthetic(.moons, samples: 300, noise: 0.2)).prepare()
    var configuration = TrainingConfiguration(optimizer: .init(kind: kind), learningRate: lr)
    configuration.batchSize = batch ?? data.count
    var history: TrainingHistory? = nil
    return try Trainer(configuration: configuration, data: data).train(
      epochs: 50, test: nil, history: &history)
  }

  @Test func aTooLargeRateWarnsOnceNamingTheEpoch() throws {
    let warnings = try Self.summary(.gd, lr: 20, batch: nil).warnings
    #expect(warnings.count == 1)
    #expect(warnings.first?.hasPrefix("warning: the cost rose at epoch 2, from ") == true)
    #expect(warnings.first?.contains("try a smaller --lr (now 20)") == true)
  }

  @Test func aSmallRateFallsEveryEpochAndDoesNotWarn() throws {
    #expect(try Self.summary(.gd, lr: 0.5, batch: nil).warnings.isEmpty)
  }

  @Test func otherOptimizersAndMiniBatchesDoNotWarn() throws {
    #expect(try Self.summary(.momentum, lr: 20, batch: nil).warnings.isEmpty)
    #expect(try Self.summary(.gd, lr: 20, batch: 64).warnings.isEmpty)
  }
}

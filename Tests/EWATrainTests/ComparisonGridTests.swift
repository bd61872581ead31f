import EWATrain
import Testing

@Suite("ComparisonGrid: every combination, named by what varies")
struct ComparisonGridTests {
  static func names(_ grid: ComparisonGrid, rows: Int = 300) throws -> [String] {
    try grid.runs(rows: rows, base: OptimizerSettings.init(kind:)).map(\.name)
  }

  @Test func optimizersAloneAreNamedByTheOptimizer() throws {
    #expect(try Self.names(ComparisonGrid(optimizers: [.gd, .adam])) == ["gd", "adam"])
    #expect(try Self.names(ComparisonGrid(optimizers: [.adam])) == ["adam"])
  }

  @Test func batchSizesResolveMToTheRows() throws {
    var grid = ComparisonGrid(optimizers: [.gd])
    grid.batchSizes = [.rows(1), .rows(64), .all]
    let runs = try grid.runs(rows: 300, base: OptimizerSettings.init(kind:))
    #expect(runs.map(\.name) == ["batch 1", "batch 64", "batch 300"])
    #expect(runs.map(\.batchSize) == [1, 64, 300])
  }

  @Test func betaMultipliesOnlyTheOptimizersThatReadIt() throws {
    var grid = ComparisonGrid(optimizers: [.gd, .momentum])
    grid.betas = [0.5, 0.9]
    let runs = try grid.runs(rows: 300, base: OptimizerSettings.init(kind:))
    #expect(runs.map(\.name) == ["gd", "momentum β=0.5", "momentum β=0.9"])
    #expect(runs.map(\.optimizer.beta) == [0.9, 0.5, 0.9])
  }

  @Test func everyVaryingListIsNamed() throws {
    var grid = ComparisonGrid(optimizers: [.adam, .rmsprop])
    grid.rates = [0.001, 0.01]
    grid.beta2s = [0.99, 0.999]
    grid.seeds = [1, 2]
    let names = try Self.names(grid)
    #expect(names.count == 2 * 2 * 2 + 2 * 2)
    #expect(names.first == "adam β2=0.99 lr=0.001 seed 1")
    #expect(names.contains("rmsprop lr=0.01 seed 2"))
    #expect(Set(names).count == names.count)
  }

  @Test func aListNamingOneValueTwiceIsRefused() {
    var grid = ComparisonGrid(optimizers: [.gd])
    grid.batchSizes = [.rows(300), .all]
    #expect(throws: TrainingError.usage("--batch-size lists the same value twice (300,300).")) {
      try Self.names(grid)
    }
  }

  @Test func moreThanTheCapIsRefusedNamingTheCount() throws {
    var grid = ComparisonGrid(optimizers: [.gd, .adam, .momentum, .rmsprop])
    grid.rates = [1, 2, 3, 4, 5]
    grid.batchSizes = [.rows(1), .rows(2), .rows(3), .rows(4)]
    let error = #expect(throws: TrainingError.self) { try Self.names(grid) }
    #expect(error?.description.contains("80 runs, more than the 64") == true)
    grid.rates = [1, 2, 3, 4]
    #expect(try Self.names(grid).count == 64)
  }

  @Test func everyRunOfASeedStartsFromTheSameWeights() throws {
    var grid = ComparisonGrid(optimizers: [.gd, .adam])
    grid.batchSizes = [.rows(1), .rows(64), .all]
    grid.rates = [0.01, 0.1]
    let (data, _) = try DataSource(origin: .synthetic(.moons, samples: 300, noise: 0.2)).prepare()
    let trainers = try grid.runs(rows: data.count, base: OptimizerSettings.init(kind:)).map {
      var configuration = TrainingConfiguration(
        optimizer: $0.optimizer, learningRate: $0.learningRate)
      configuration.batchSize = $0.batchSize
      configuration.seed = $0.seed
      return try Trainer(configuration: configuration, data: data)
    }
    #expect(trainers.count == 12)
    for trainer in trainers {
      #expect(trainer.parameters == trainers[0].parameters)
      #expect(trainer.generator == trainers[0].generator)
    }
  }

  @Test func zerosTakeTheSameDrawsSoTheBatchOrderIsTheSame() throws {
    let (data, _) = try DataSource(origin: .synthetic(.moons, samples: 100, noise: 0.2)).prepare()
    var he = TrainingConfiguration()
    he.initialization = .he
    var zeros = he
    zeros.initialization = .zeros
    let a = try Trainer(configuration: he, data: data)
    let b = try Trainer(configuration: zeros, data: data)
    #expect(b.parameters.allSatisfy { $0 == 0 })
    #expect(a.parameters.contains { $0 != 0 })
    #expect(a.generator == b.generator)
    #expect(Initialization.zeros.warning?.contains("cannot learn") == true)
    #expect(Initialization.he.warning == nil)
  }

  @Test(arguments: [
    ("1", BatchSize.rows(1)), ("64", .rows(64)), (" 300 ", .rows(300)), ("m", .all),
    ("all", .all),
  ])
  func batchSizeReads(_ text: String, _ expected: BatchSize) {
    #expect(BatchSize(text: text) == expected)
  }

  @Test(arguments: ["0", "-1", "", "M", "1.5", "64x"])
  func batchSizeRefuses(_ text: String) { #expect(BatchSize(text: text) == nil) }
}

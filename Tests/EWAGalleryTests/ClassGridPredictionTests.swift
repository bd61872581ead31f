import EWAIO
import EWATrain
import Testing

@testable import EWAGallery
import EWAPlot

@Suite struct ClassGridPredictionTests {
  /// A network trained briefly on 40 moons points.
  func trained() throws -> (Checkpoint, Dataset) {
    var source = DataSource(origin: .synthetic(.moons, samples: 40, noise: 0.2))
    source.seed = 3
    let data = try source.prepare().train
    var configuration = TrainingConfiguration(optimizer: .init(kind: .adam), learningRate: 0.05)
    configuration.batchSize = 20
    let trainer = try Trainer(configuration: configuration, data: data)
    for _ in 0..<30 { try trainer.runEpoch() }
    return (trainer.checkpoint, data)
  }

  @Test func theGridCoversTheDataWithAMarginAndAgreesWithTheNetwork() throws {
    let (model, data) = try trained()
    let grid = try ClassGrid.predicting(model, over: data, resolution: 7)
    let xs = stride(from: 0, to: data.features.count, by: 2).map { data.features[$0] }
    let (low, high) = (try #require(xs.min()), try #require(xs.max()))
    #expect(grid.xs.count == 7 && grid.ys.count == 7)
    #expect(abs(grid.xs[0] - (low - (high - low) / 10)) < 1e-12)
    #expect(abs(grid.xs[6] - (high + (high - low) / 10)) < 1e-12)
    // The grid's classes are the network's predictions at those points.
    let workspace = NetworkWorkspace(network: model.network, capacity: 1)
    for (j, y) in grid.ys.enumerated() {
      for (i, x) in grid.xs.enumerated() {
        let point = Dataset(
          features: [x, y], labels: [0], featureCount: 2, classNames: data.classNames)
        let accuracy = workspace.evaluate(parameters: model.parameters, data: point).accuracy
        #expect(grid.classes[j][i] == (accuracy == 1 ? 0 : 1))
      }
    }
  }

  @Test func aDatasetOfOtherShapeIsRefused() throws {
    let (model, _) = try trained()
    let blobs = SyntheticData.blobs.generate(samples: 30, noise: 0.2, seed: 1)
    #expect(throws: PlotError.self) { try ClassGrid.predicting(model, over: blobs) }
    let wide = Dataset(
      features: [1, 2, 3, 4, 5, 6], labels: [0, 1], featureCount: 3, classNames: ["0", "1"])
    #expect(throws: PlotError.self) { try ClassGrid.predicting(model, over: wide) }
  }
}

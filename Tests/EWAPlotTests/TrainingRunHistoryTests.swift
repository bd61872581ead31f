import EWAIO
import EWASmooth
import EWATrain
import Testing

@testable import EWAPlot

@Suite struct TrainingRunHistoryTests {
  func table(_ text: String, _ name: String = "h.csv") throws -> CSVTable {
    try CSVTable(Array(text.utf8), source: name)
  }

  @Test func oneRunAsEwaTrainWritesIt() throws {
    // Two epochs of two mini-batches of 20 rows, recorded as `ewa train --history` records them.
    var source = DataSource(origin: .synthetic(.moons, samples: 40, noise: 0.2))
    source.seed = 3
    var configuration = TrainingConfiguration()
    configuration.batchSize = 20
    var history: TrainingHistory? = TrainingHistory()
    _ = try Trainer(configuration: configuration, data: source.prepare().train).train(
      epochs: 2, test: nil, history: &history)
    let written = try #require(history)
    let runs = try TrainingRun.runs(
      epochs: table(written.epochCSV), batches: table(written.batchCSV), name: "adam")
    #expect(
      runs == [
        TrainingRun(
          name: "adam", batchSteps: [1, 2, 3, 4], batchCosts: written.batches[0].map(\.cost),
          epochSteps: [2, 4], epochCosts: written.epochs[0].map(\.record.cost))
      ])
  }

  @Test func severalRunsAsEwaCompareWritesThem() throws {
    // compare's epoch file has no step column: an epoch ends at its last mini-batch.
    let epochs =
      "epoch,gd_lr,gd_cost,gd_train_accuracy,adam_lr,adam_cost,adam_train_accuracy\n"
      + "1,0.1,0.8,0.5,0.1,0.6,0.6\n2,0.1,0.7,0.6,0.1,0.3,0.9\n"
    let batches = "step,epoch,gd_cost,adam_cost\n1,1,0.9,0.7\n2,1,0.7,0.5\n3,2,0.6,0.2\n"
    let runs = try TrainingRun.runs(
      epochs: table(epochs), batches: table(batches), name: "unused")
    #expect(runs.map(\.name) == ["gd", "adam"])
    #expect(runs[0].epochSteps == [2, 3])
    #expect(runs[1].batchCosts == [0.7, 0.5, 0.2])
    #expect(runs[1].epochCosts == [0.6, 0.3])
  }

  @Test func withoutBatchesTheStepColumnPlacesEpochs() throws {
    let runs = try TrainingRun.runs(
      epochs: table("epoch,step,lr,cost,train_accuracy\n1,5,0.1,0.8,0.5\n"), batches: nil,
      name: "gd")
    #expect(runs[0].epochSteps == [5])
    #expect(runs[0].batchCosts.isEmpty)
  }

  @Test func otherFilesAreRefusedWithASentence() throws {
    #expect(throws: PlotError.self) {
      try TrainingRun.runs(epochs: table("a,b\n1,2\n"), batches: nil, name: "x")
    }
    #expect(throws: SmoothError.notANumber(file: "h.csv", line: 3, column: "cost", text: "x")) {
      try TrainingRun.runs(
        epochs: table("epoch,step,cost\n1,1,0.5\n2,2,x\n"), batches: nil, name: "x")
    }
  }
}

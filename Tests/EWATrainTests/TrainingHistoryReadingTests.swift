import EWAIO
import Testing

@testable import EWATrain

/// A history written by ``TrainingHistory`` reads back as the runs it recorded, whatever the run
/// names hold; foreign files are refused with a sentence.
@Suite struct TrainingHistoryReadingTests {
  func runs(_ epochs: String, _ batches: String?, name: String = "x") throws -> [RecordedRun] {
    try TrainingHistory.runs(
      epochs: (Array(epochs.utf8), "h.csv"),
      batches: batches.map { (Array($0.utf8), "h-batches.csv") }, name: name)
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
    #expect(
      try runs(written.epochCSV, written.batchCSV, name: "adam") == [
        RecordedRun(
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
    let found = try runs(epochs, batches, name: "unused")
    #expect(found.map(\.name) == ["gd", "adam"])
    #expect(found[0].epochSteps == [2, 3])
    #expect(found[1].batchCosts == [0.7, 0.5, 0.2])
    #expect(found[1].epochCosts == [0.6, 0.3])
  }

  @Test func withoutBatchesTheStepColumnPlacesEpochs() throws {
    let found = try runs("epoch,step,lr,cost,train_accuracy\n1,5,0.1,0.8,0.5\n", nil, name: "gd")
    #expect(found[0].epochSteps == [5])
    #expect(found[0].batchCosts.isEmpty)
  }

  @Test func otherFilesAreRefusedWithASentence() throws {
    #expect(throws: TrainingError.self) { try runs("a,b\n1,2\n", nil) }
    #expect(
      throws: TrainingError.data("h.csv, line 3, column \"cost\": \"x\" is not a number")
    ) { try runs("epoch,step,cost\n1,1,0.5\n2,2,x\n", nil) }
  }

  /// Run names that CSV must quote: a comma, a quote, line breaks, and a name that spells a
  /// number or a missing value.
  static let awkwardNames = [
    "a,b", "say \"hi\"", "two\nlines", "cr\r\nlf", "\"", ",", "NA", "1,5", " spaced ", "ünï",
  ]

  @Test(arguments: awkwardNames)
  func everyRunNameRoundTrips(_ name: String) throws {
    var history = TrainingHistory(names: ["gd", name])
    for run in 0..<2 {
      for epoch in 1...2 {
        history.add(
          .init(
            record: .init(
              epoch: epoch, step: 2 * epoch, learningRate: 0.1, cost: 1 / Double(epoch + run)),
            trainAccuracy: 0.5, testAccuracy: 0.25), run: run)
        for step in (2 * epoch - 1)...(2 * epoch) {
          history.addBatch(epoch: epoch, step: step, cost: Double(step + run), run: run)
        }
      }
    }
    let found = try runs(history.epochCSV, history.batchCSV)
    #expect(found.map(\.name) == ["gd", name])
    for run in 0..<2 {
      #expect(found[run].epochSteps == [2, 4])
      #expect(found[run].epochCosts == history.epochs[run].map(\.record.cost))
      #expect(found[run].batchSteps == [1, 2, 3, 4])
      #expect(found[run].batchCosts == history.batches[run].map(\.cost))
    }
  }

  @Test func onlyTheFieldsThatNeedItAreQuoted() {
    let history = TrainingHistory(names: ["gd", "a,b"])
    #expect(
      history.epochCSV
        == "epoch,gd_lr,gd_cost,gd_train_accuracy,\"a,b_lr\",\"a,b_cost\",\"a,b_train_accuracy\"\n"
    )
    #expect(TrainingHistory(names: ["q\""]).batchCSV == "step,epoch,\"q\"\"_cost\"\n")
    #expect(TrainingHistory().batchCSV == "step,epoch,cost\n")
  }
}

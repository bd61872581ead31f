import EWAIO
import Foundation
import Testing

@testable import EWATrain

/// A training history read by `ewa plot history` is untrusted input: a file that is not one, or a
/// cell out of place, is refused as data (exit 65) with one line naming file, line and column.
@Suite struct HistoryValidationTests {
  static let epochs = "epoch,step,lr,cost,train_accuracy\n1,2,0.1,0.8,0.5\n2,4,0.1,0.6,0.7\n"
  static let batches = "step,epoch,cost\n1,1,0.9\n2,1,0.7\n3,2,0.6\n4,2,0.5\n"

  func runs(_ epochs: String, _ batches: String?) throws -> [RecordedRun] {
    try TrainingHistory.runs(
      epochs: (Array(epochs.utf8), "h.csv"),
      batches: batches.map { (Array($0.utf8), "h-batches.csv") }, name: "h")
  }

  @Test func theValidHistoryReads() throws {
    let found = try runs(Self.epochs, Self.batches)
    #expect(found.count == 1)
    #expect(found[0].epochSteps == [2, 4])
    #expect(found[0].batchCosts == [0.9, 0.7, 0.6, 0.5])
  }

  static let cases: [(epochs: String, batches: String?, expected: String)] = [
    ("epoch,step,lr,cost,train_accuracy\n", batches, "h.csv has a header but no rows"),
    ("epoch,step,lr,cost,train_accuracy\n\n\n", nil, "h.csv has a header but no rows"),
    ("step,lr,cost\n1,0.1,0.5\n", batches, "h.csv is not a training history"),
    ("epoch,step,lr,train_accuracy\n1,2,0.1,0.5\n", batches, "h.csv is not a training history"),
    (
      "epoch,step,cost,cost\n1,2,0.5,0.5\n", batches,
      "h.csv, line 1: two columns are named \"cost\""
    ),
    ("epoch,lr,cost\n1,0.1,0.5\n", nil, "h.csv has no step column"),
    (
      epochs, "step,cost\n1,0.9\n",
      "h-batches.csv, line 1: the training history has no column \"epoch\""
    ),
    (
      epochs, "step,epoch,gd_cost\n1,1,0.9\n",
      "h-batches.csv, line 1: the training history has no column \"cost\""
    ),
    (
      "epoch,step,lr,cost\n1,2,0.1,x\n", batches,
      "h.csv, line 2, column \"cost\": \"x\" is not a number"
    ),
    (
      "epoch,step,lr,cost\n1,2,0.1,inf\n", batches,
      "h.csv, line 2, column \"cost\": \"inf\" is not a number"
    ),
    ("epoch,step,lr,cost\n1,2,0.1,1e999\n", batches, "column \"cost\": \"1e999\""),
    ("epoch,step,lr,cost\n1,2,0.1,\n2,4,0.1,NaN\n", batches, "column \"cost\": no row has a cost"),
    (
      "epoch,step,lr,cost\n1,2,0.1,0.5\n1,4,0.1,0.4\n", batches,
      "h.csv, line 3, column \"epoch\": \"1\" follows 1 on the row before; the epoch numbers increase"
    ),
    (
      "epoch,step,lr,cost\n2,2,0.1,0.5\n1,4,0.1,0.4\n", batches,
      "h.csv, line 3, column \"epoch\": \"1\" follows 2"
    ),
    (
      "epoch,step,lr,cost\n1,2,0.1,0.5\n,4,0.1,0.4\n", batches,
      "h.csv, line 3, column \"epoch\": \"\" is empty"
    ),
    (
      "epoch,step,lr,cost\n1.5,2,0.1,0.5\n", batches,
      "h.csv, line 2, column \"epoch\": \"1.5\" is not a whole number"
    ),
    (
      "epoch,step,lr,cost\n0,2,0.1,0.5\n", batches,
      "column \"epoch\": \"0\" is not a whole number from 1"
    ),
    ("epoch,step,lr,cost\n-3,2,0.1,0.5\n", batches, "column \"epoch\": \"-3\""),
    ("epoch,step,lr,cost\n1e300,2,0.1,0.5\n", batches, "column \"epoch\": \"1e300\""),
    (
      "epoch,step,lr,cost\n1,2,0.1,0.5\n2,1,0.1,0.4\n", nil,
      "h.csv, line 3, column \"step\": \"1\" follows 2"
    ),
    (
      "epoch,step,lr,cost\n1,2,0.1,0.5,9\n", batches,
      "h.csv, line 2: expected 4 fields like the first line, found 5"
    ),
    (
      epochs, "step,epoch,cost\n1,1,0.9\n1,1,0.7\n",
      "h-batches.csv, line 3, column \"step\": \"1\" follows 1"
    ),
    (
      epochs, "step,epoch,cost\n1,2,0.9\n2,1,0.7\n",
      "h-batches.csv, line 3, column \"epoch\": \"1\" follows 2"
    ),
    (epochs, "step,epoch,cost\n1,1,0.9\n2,1\n", "h-batches.csv, line 3: expected 3 fields"),
    (
      epochs, "step,epoch,cost\n1,1,zz\n",
      "h-batches.csv, line 2, column \"cost\": \"zz\" is not a number"
    ),
  ]

  @Test(arguments: cases.indices)
  func badHistoryIsRefusedNamingTheCell(_ index: Int) {
    let (epochs, batches, expected) = Self.cases[index]
    let error = #expect(throws: (any Error).self) { try runs(epochs, batches) }
    let categorized = error as? CategorizedError
    #expect(categorized?.kind == .data, "\(String(describing: error))")
    #expect(categorized?.description.contains(expected) == true, "\(String(describing: error))")
    #expect(categorized?.description.contains("\n") == false)
  }

  @Test func aCompareFileWhoseFirstRunStoppedEarlyStillReads() throws {
    var history = TrainingHistory(names: ["gd", "adam"])
    for epoch in 1...3 where epoch <= 1 {
      history.add(
        .init(
          record: .init(epoch: epoch, step: epoch, learningRate: 0.1, cost: 0.5),
          trainAccuracy: 0.5, testAccuracy: nil), run: 0)
    }
    for epoch in 1...3 {
      history.add(
        .init(
          record: .init(epoch: epoch, step: epoch, learningRate: 0.1, cost: 0.5),
          trainAccuracy: 0.5, testAccuracy: nil), run: 1)
      history.addBatch(epoch: epoch, step: epoch, cost: 0.5, run: 1)
    }
    let found = try runs(history.epochCSV, history.batchCSV)
    #expect(found.map(\.epochSteps) == [[1], [1, 2, 3]])
  }
}

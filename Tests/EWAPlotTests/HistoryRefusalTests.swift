import EWATestSupport
import Foundation
import Testing

/// End to end: `ewa plot history` with a bad history exits 65 with one line naming file, line and
/// column, before anything is drawn or written, and is never killed by a signal.
@Suite struct HistoryRefusalTests {
  static let cases: [(epochs: String, batches: String?, expected: String)] = [
    ("epoch,step,lr,cost,train_accuracy\n", nil, "run.csv has a header but no rows"),
    ("epoch,step,lr,cost\n1,2,0.1,0.5\n1,4,0.1,0.4\n", nil, "run.csv, line 3, column \"epoch\""),
    ("epoch,step,lr,cost\n1,2,0.1,\u{1B}[2J\n", nil, "run.csv, line 2, column \"cost\""),
    ("epoch,step,lr,cost\n1,2,0.1,0.5,7\n", nil, "run.csv, line 2: expected 4 fields"),
    ("epoch,lr,cost\n1,0.1,0.5\n", nil, "run.csv has no step column"),
    (
      "epoch,step,lr,cost\n1,2,0.1,0.5\n", "step,epoch,cost\n2,1,0.5\n1,1,0.4\n",
      "run-batches.csv, line 3, column \"step\""
    ),
    ("epoch,step,lr,cost\n1,2,0.1,0.5\n", "step,cost\n1,0.5\n", "run-batches.csv, line 1"),
  ]

  @Test(arguments: cases.indices)
  func badHistoryIsRefused(_ index: Int) throws {
    let (epochs, batches, expected) = Self.cases[index]
    let directory = try EWABinary.temporaryDirectory()
    defer { TemporaryFolder.remove(directory) }
    try Data(epochs.utf8).write(to: directory.appendingPathComponent("run.csv"))
    if let batches {
      try Data(batches.utf8).write(to: directory.appendingPathComponent("run-batches.csv"))
    }
    for output in [["-o", "h.gp"], ["--terminal", "dumb"]] {
      let result = try EWABinary.run(["plot", "history", "run.csv"] + output, in: directory)
      #expect(result.status == 65, "\(result.stderr)")
      #expect(result.stderr.hasPrefix("ewa: \(expected)"), "\(result.stderr)")
      #expect(result.stderr.filter { $0 == "\n" }.count == 1, "\(result.stderr)")
      #expect(result.stdout.isEmpty)
      #expect(
        !FileManager.default.fileExists(atPath: directory.appendingPathComponent("h.gp").path))
      #expect(
        try Data(contentsOf: directory.appendingPathComponent("run.csv")) == Data(epochs.utf8))
    }
  }
}

import EWA
import EWAIO

/// The per-epoch curve and the per-mini-batch curve of one or more runs, written as CSV.
///
/// Epoch file: `epoch,step,lr,cost,train_accuracy[,test_accuracy]` (one run) or, for several runs
/// side by side, `epoch,<name>_lr,<name>_cost,<name>_train_accuracy[,<name>_test_accuracy]...`,
/// with a `<name>_step` column first in each group when the runs' batch sizes differ.
/// Batch file: `step,epoch,cost` (one run) or `step,epoch,<name>_cost...`. A header field that
/// holds a comma, a quote or a line break (a run name may) is quoted as RFC 4180 says, so that
/// ``runs(epochs:batches:name:)`` reads every name back as it was.
public struct TrainingHistory: Sendable {
  /// One epoch's row.
  public struct Row: Sendable, Equatable {
    public let record: EpochRecord
    public let trainAccuracy: Double
    public let testAccuracy: Double?
  }

  /// The run names (empty for a single run).
  public let names: [String]
  /// Epoch rows per run.
  public private(set) var epochs: [[Row]]
  /// Mini-batch `(epoch, step, cost)` per run.
  public private(set) var batches: [[(epoch: Int, step: Int, cost: Double)]]

  /// A history for one unnamed run, or for the named runs side by side.
  public init(names: [String] = []) {
    self.names = names
    epochs = Array(repeating: [], count: max(names.count, 1))
    batches = Array(repeating: [], count: max(names.count, 1))
  }

  public mutating func add(_ row: Row, run: Int = 0) { epochs[run].append(row) }

  public mutating func addBatch(epoch: Int, step: Int, cost: Double, run: Int = 0) {
    batches[run].append((epoch, step, cost))
  }

  /// Whether the runs side by side end their epochs at different steps (different batch sizes):
  /// the epoch file then gives each run's steps in a `<name>_step` column, since the mini-batch
  /// file's shared `epoch` column places the epochs of one batch size only.
  var stepsDiffer: Bool {
    guard names.count > 1 else { return false }
    return epochs.dropFirst().contains { run in
      zip(run, epochs[0]).contains { $0.record.step != $1.record.step }
    }
  }

  /// The epoch file's text.
  public var epochCSV: String {
    let hasTest = epochs.first?.first?.testAccuracy != nil
    let ownSteps = stepsDiffer
    let columns =
      (ownSteps ? ["step"] : []) + ["lr", "cost", "train_accuracy"]
      + (hasTest ? ["test_accuracy"] : [])
    var header = ["epoch"]
    if names.isEmpty {
      header += ["step"] + columns
    } else {
      for name in names { header += columns.map { "\(name)_\($0)" } }
    }
    var text = Self.headerLine(header)
    let count = epochs.map(\.count).max() ?? 0
    for i in 0..<count {
      // The epoch of the first run that has row i (an earlier run may have stopped before it).
      let first = epochs.first { $0.indices.contains(i) }![i]
      var cells = ["\(first.record.epoch)"]
      if names.isEmpty { cells.append("\(first.record.step)") }
      for run in epochs.indices {
        guard run < epochs.count, epochs[run].indices.contains(i) else {
          cells += Array(repeating: "", count: columns.count)
          continue
        }
        let row = epochs[run][i]
        if ownSteps { cells.append("\(row.record.step)") }
        cells += [
          "\(row.record.learningRate)", "\(row.record.cost)", "\(row.trainAccuracy)",
        ]
        if hasTest { cells.append(row.testAccuracy.map { "\($0)" } ?? "") }
      }
      text += cells.joined(separator: ",") + "\n"
    }
    return text
  }

  /// The batch file's text.
  public var batchCSV: String {
    var header = ["step", "epoch"]
    header += names.isEmpty ? ["cost"] : names.map { "\($0)_cost" }
    var text = Self.headerLine(header)
    let count = batches.map(\.count).max() ?? 0
    for i in 0..<count {
      guard let first = batches.first(where: { $0.indices.contains(i) })?[i] else { continue }
      var cells = ["\(first.step)", "\(first.epoch)"]
      for run in batches.indices {
        cells.append(batches[run].indices.contains(i) ? "\(batches[run][i].cost)" : "")
      }
      text += cells.joined(separator: ",") + "\n"
    }
    return text
  }

  /// The header line of `fields`, each quoted where it needs it (``CSVWriter``); the rows hold
  /// only numbers, which never do.
  private static func headerLine(_ fields: [String]) -> String {
    let sink = MemorySink()
    let output = OutputBuffer(sink: sink, capacity: 256)
    do {
      for (index, field) in fields.enumerated() {
        if index > 0 { try output.append(UInt8(ascii: ",")) }
        try CSVWriter.appendField(field, delimiter: UInt8(ascii: ","), to: output)
      }
      try output.append(UInt8(ascii: "\n"))
      try output.flush()
    } catch {
      preconditionFailure("writing to memory failed: \(error)")
    }
    return sink.text
  }

  /// The batch file's path beside the epoch file: `run.csv` → `run-batches.csv`.
  public static func batchPath(for path: String) -> String {
    path.hasSuffix(".csv") ? String(path.dropLast(4)) + "-batches.csv" : path + "-batches.csv"
  }

  /// Writes both files atomically. A history sent to a device or a FIFO (`/dev/null`, a named
  /// pipe) is written through and has no batch file: `/dev/null-batches.csv` is nobody's file.
  ///
  /// The batch file is written first, so that a reader following a run (`ewa plot history
  /// --follow`) never finds an epoch whose mini-batches are not there yet.
  public func write(to path: String) throws(AtomicFileError) {
    if !AtomicFile.writesThrough(path) {
      try AtomicFile.write(batchCSV, to: Self.batchPath(for: path))
    }
    try AtomicFile.write(epochCSV, to: path)
  }
}

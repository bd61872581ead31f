import EWAIO
import Foundation

/// The summary table of `ewa compare`: one row per run with its final cost, accuracy, wall time
/// and time per epoch, the columns aligned.
///
/// ```
/// run       final cost  train acc  test acc  wall s  ms/epoch
/// batch 1    0.0853411     0.9733         -    2.41     4.820
/// ```
///
/// The wall time counts the whole run (with the accuracy evaluated after every epoch when a
/// history is kept); the time per epoch is that divided by the epochs run.
public enum ComparisonTable {
  /// The table's lines, header first, each ending in a line break.
  public static func text(_ summaries: [TrainingSummary]) -> String {
    let hasTest = summaries.contains { $0.testAccuracy != nil }
    var rows: [[String]] = [
      ["run", "final cost", "train acc"] + (hasTest ? ["test acc"] : []) + ["wall s", "ms/epoch"]
    ]
    for s in summaries {
      let perEpoch = s.epochs > 0 ? 1000 * s.seconds / Double(s.epochs) : 0
      rows.append(
        [s.run ?? s.optimizer, String(format: "%.6g", s.finalCost), fixed(s.trainAccuracy, 4)]
          + (hasTest ? [s.testAccuracy.map { fixed($0, 4) } ?? "-"] : [])
          + [fixed(s.seconds, 2), fixed(perEpoch, 3)])
    }
    return TextTable.aligned(rows)
  }

  private static func fixed(_ value: Double, _ digits: Int) -> String {
    String(format: "%.\(digits)f", value)
  }
}

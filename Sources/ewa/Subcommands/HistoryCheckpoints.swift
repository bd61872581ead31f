import EWAIO
import EWATrain
import Foundation

/// Writes a training history while the run goes (`ewa train --history`), so that `ewa plot
/// history --follow` can watch it: after an epoch, at most every ``interval`` seconds, both
/// files are replaced atomically (``TrainingHistory/write(to:)``), so a reader always finds a
/// complete history of the epochs so far. A history sent to a FIFO or a device is written once,
/// at the end, as before.
final class HistoryCheckpoints {
  /// The least time between two writes, in seconds.
  static let interval = 0.5

  private let path: String
  private let clock = ContinuousClock()
  private var lastWrite: ContinuousClock.Instant?
  /// The first write that failed, thrown by ``check()`` after the epoch.
  private(set) var failure: AtomicFileError?

  init(path: String) { self.path = path }

  /// Writes `history` when ``interval`` has passed since the last write.
  func offer(_ history: TrainingHistory) {
    guard failure == nil, !AtomicFile.writesThrough(path) else { return }
    let now = clock.now
    if let lastWrite, now - lastWrite < .seconds(Self.interval) { return }
    do {
      try history.write(to: path)
    } catch {
      failure = error
    }
    lastWrite = clock.now
  }
}

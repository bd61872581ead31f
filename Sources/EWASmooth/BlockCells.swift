import EWA
import EWAIO

/// The first pass over a block for ``ParallelSmoother``: every row's smoothed cells parsed once,
/// and the block's state averaged from nothing, which the second pass then does not redo.
///
/// A row whose cells are all missing or numbers is `parsed`; a blank row, and one with a cell
/// that is not a number, is left to the sequential ``Smoother`` code (which reports or counts it
/// with its line number); the first row with the wrong number of fields, or a bad cell under
/// `--on-bad-value fail`, ends the pass.
final class BlockCells {
  enum Row: UInt8 {
    case parsed, blank, other
  }

  @exclusivity(unchecked) private(set) var rows: [Row] = []
  @exclusivity(unchecked) private(set) var values: [Double] = []
  @exclusivity(unchecked) private(set) var present: [Bool] = []
  /// The number of rows read before the pass ended (all of them unless `failed`).
  private(set) var count = 0
  /// Whether a row ended the pass early (the second pass throws its error).
  private(set) var failed = false
  /// The block's state from nothing, and its number of non-blank rows.
  private(set) var state: GroupState?
  private(set) var steps = 0

  /// Parses the block's smoothed cells and averages them from a fresh state of `layout`.
  func read(_ text: BlockText, layout: Smoother) throws(SmoothError) {
    let columns = layout.smoothed
    let width = columns.count
    let options = layout.options
    rows.removeAll(keepingCapacity: true)
    values.removeAll(keepingCapacity: true)
    present.removeAll(keepingCapacity: true)
    failed = false
    steps = 0
    var group = layout.newGroup()
    // The tracks in a flat array for the loop, put back into the group at the end.
    var tracks = group.columns.flatMap { column in
      column.tracks.map { track -> ExponentialAverage<Double> in track.average }
    }
    let decays = options.decays.count
    var observations = [Int](repeating: 0, count: width)
    count = 0
    rowLoop: for row in 0..<text.rowCount {
      let kind = try text.withRecord(row) { (record) -> Row? in
        if layout.isBlank(record) {
          values.append(contentsOf: repeatElement(0, count: width))
          present.append(contentsOf: repeatElement(false, count: width))
          return .blank
        }
        guard record.count == layout.fieldCount else { return nil }
        var kind = Row.parsed
        for k in 0..<width {
          let cell = record.content(columns[k])
          if MissingCell.isMissing(cell) {
            values.append(0)
            present.append(false)
          } else if let value = NumberText.parse(cell) {
            values.append(value)
            present.append(true)
          } else if options.onBadValue == .skip {
            values.append(0)
            present.append(false)
            kind = .other
          } else {
            return nil
          }
        }
        return kind
      }
      guard let kind else {
        failed = true
        break rowLoop
      }
      rows.append(kind)
      count += 1
      if kind == .blank { continue }
      steps += 1
      let base = values.count - width
      for k in 0..<width {
        let observed = present[base + k]
        if observed { observations[k] += 1 }
        for d in 0..<decays {
          if observed {
            tracks[k * decays + d].update(with: values[base + k])
          } else if !options.ignoreMissing {
            tracks[k * decays + d].skip()
          }
        }
      }
    }
    for k in 0..<width {
      group.columns[k].observations = observations[k]
      for d in 0..<decays { group.columns[k].tracks[d] = .mean(average: tracks[k * decays + d]) }
    }
    state = group
  }

  /// Calls `body` with row `row`'s parsed values and presence (for a `parsed` row).
  func withCells<R>(
    _ row: Int, width: Int,
    _ body: (UnsafeBufferPointer<Double>, UnsafeBufferPointer<Bool>) throws(SmoothError) -> R
  ) throws(SmoothError) -> R {
    let base = row * width
    return try values.withUnsafeBufferPointer { (values) throws(SmoothError) in
      try present.withUnsafeBufferPointer { (present) throws(SmoothError) in
        try body(
          UnsafeBufferPointer(rebasing: values[base..<base + width]),
          UnsafeBufferPointer(rebasing: present[base..<base + width]))
      }
    }
  }
}

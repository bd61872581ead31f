import EWA
import EWAIO

/// The one smoothing engine: the per-group state of a ``SmoothLayout`` and the fold of each row
/// into it, which every path uses (the stream, each block of a file, `plot smooth`).
///
/// A value type: a first pass over a block folds a fresh kernel without writing, and the block's
/// state is then carried onto the previous one (``carry(_:)``). The state is kept flat, one track
/// per group, column and decay in one array, and converted to ``GroupState`` only to save, restore
/// or compare it. Folding an ordinary row allocates nothing.
public struct SmoothKernel: Sendable {
  public let layout: SmoothLayout
  /// The group keys (with `--group-by`), in order of first appearance.
  var groupTable = GroupTable()
  /// Every group's tracks: group g, column k, decay d at `(g·width + k)·decays + d`.
  var tracks: [SmoothTrack] = []
  /// Every group's observation count per column, at `g·width + k`.
  var observations: [Int] = []
  /// The time of every group's last observation per column (for `--time` with `--ignore-na`).
  var lastObserved: [TimeValue?] = []
  /// The time of every group's last row (for `--time`).
  var lastTime: [TimeValue?] = []
  /// The number of rows folded into each group by this kernel (for carrying).
  var rows: [Int] = []
  /// Starts the counts of skipped cells again (for a block smoothed from a copied state).
  mutating func resetCounts() {
    skippedCells = 0
    firstSkippedCell = nil
  }

  /// A new group's tracks.
  let fresh: [SmoothTrack]
  let width: Int
  let decays: Int
  var timesAreInstants: Bool?
  /// The current row's values and whether each is present.
  var values: [Double]
  var present: [Bool]
  var groupKey: [UInt8] = []
  /// The number of data rows folded.
  public internal(set) var rowsRead = 0
  /// The number of non-numeric cells treated as missing under `--on-bad-value skip`.
  public internal(set) var skippedCells = 0
  /// Where the first of them was.
  public internal(set) var firstSkippedCell: String?

  /// A kernel with nothing observed (a single group without `--group-by`).
  public init(layout: SmoothLayout) {
    self.layout = layout
    let options = layout.options
    width = layout.smoothed.count
    decays = options.decays.count
    let start: ExponentialAverage<Double>.Start = options.initial == .first ? .first : .zero
    let one = options.decays.map {
      SmoothTrack(beta: $0.decay.beta, start: start, spread: options.standardDeviation)
    }
    fresh = Array((0..<width).map { _ in one }.joined())
    values = Array(repeating: 0, count: width)
    present = Array(repeating: false, count: width)
    if options.groupBy == nil { appendGroup() }
  }

  /// The number of groups.
  public var groupCount: Int { lastTime.count }

  /// Adds a group with nothing observed.
  mutating func appendGroup() {
    tracks.append(contentsOf: fresh)
    observations.append(contentsOf: repeatElement(0, count: width))
    lastObserved.append(contentsOf: repeatElement(nil, count: width))
    lastTime.append(nil)
    rows.append(0)
  }

  // MARK: - The fold

  /// Folds one data record into its group's state.
  ///
  /// - Returns: the record's group, or nil for a blank line (passed over).
  /// - Throws: ``SmoothError`` for a record with the wrong number of fields, a cell that is not a
  ///   number (unless skipped), or a bad timestamp, naming `file` and `line`.
  @inline(__always)
  public mutating func fold(_ record: CSVRecord, file: String, line: Int) throws(SmoothError)
    -> Int?
  {
    if layout.isBlank(record) { return nil }
    guard record.count == layout.fieldCount else {
      throw .fieldCount(file: file, line: line, expected: layout.fieldCount, found: record.count)
    }
    rowsRead += 1
    let group = try groupIndex(record)
    let now = try timestamp(record, group: group, file: file, line: line)
    rows[group].saturatingIncrement()
    for k in 0..<width {
      let cell = record.content(layout.smoothed[k])
      present[k] = false
      if MissingCell.isMissing(cell) {
      } else if let value = NumberText.parse(cell) {
        values[k] = value
        present[k] = true
      } else if layout.options.onBadValue == .skip {
        skip(file: file, line: line, column: k)
      } else {
        throw .notANumber(
          file: file, line: line, column: layout.names[layout.smoothed[k]],
          text: MessageText.text(preserving: cell))
      }
      try fold(column: k, group: group, now: now)
    }
    if let now { lastTime[group] = now }
    return group
  }

  /// Folds a record and writes its output row (nothing for a blank line).
  @inline(__always)
  public mutating func smooth(
    _ record: CSVRecord, file: String, line: Int, output: OutputBuffer
  ) throws(SmoothError) {
    guard let group = try fold(record, file: file, line: line) else { return }
    try io { () throws(IOError) in try write(record, group: group, to: output) }
  }

  mutating func skip(file: String, line: Int, column k: Int) {
    skippedCells += 1
    if firstSkippedCell == nil {
      firstSkippedCell =
        "\(MessageText.inline(file)), line \(line), column "
        + MessageText.quoted(layout.names[layout.smoothed[k]])
    }
  }

  /// Folds column `k`'s current value (or its absence) into each decay's track: the past decays
  /// by one step, or at time `now` (`--time`) by the time since the group's last row (with
  /// `--ignore-na`, since the column's last observation).
  @inline(__always)
  mutating func fold(column k: Int, group: Int, now: TimeValue?) throws(SmoothError) {
    let observed = present[k]
    let options = layout.options
    if !observed, options.ignoreMissing { return }
    let slot = group * width + k
    let reference = now == nil ? nil : options.ignoreMissing ? lastObserved[slot] : lastTime[group]
    let x = values[k]
    for d in slot * decays..<(slot + 1) * decays {
      var elapsed = 1.0
      if let reference, let now, let halflife = options.decays[d % decays].timeHalflife {
        guard let value = halflife.elapsed(from: reference, to: now) else {
          throw .invalidOption(
            "--halflife \(options.decays[d % decays].text) has no unit, "
              + "but column \(MessageText.quoted(options.time ?? "")) "
              + "holds dates; give a unit, as in 4d or 6h")
        }
        elapsed = value
      }
      if observed {
        tracks[d].update(with: x, elapsed: elapsed)
      } else {
        tracks[d].skip(elapsed: elapsed)
      }
    }
    if observed {
      observations[slot].saturatingIncrement()
      if let now { lastObserved[slot] = now }
    }
  }

  /// The record's group, added if it is new.
  @inline(__always)
  mutating func groupIndex(_ record: CSVRecord) throws(SmoothError) -> Int {
    guard let column = layout.groupColumn else { return 0 }
    let cell = record.content(column)
    let (index, added): (Int, Bool)
    if record.spans[column].quoted && cell.contains(UInt8(ascii: "\"")) {
      groupKey = record.value(column)
      (index, added) = groupKey.withUnsafeBufferPointer { groupTable.index(of: $0) }
    } else {
      (index, added) = groupTable.index(of: cell)
    }
    if added { appendGroup() }
    return index
  }

  /// The record's time (with `--time`), checked to be of the same kind as the others and not
  /// before its group's last.
  @inline(__always)
  mutating func timestamp(_ record: CSVRecord, group: Int, file: String, line: Int)
    throws(SmoothError) -> TimeValue?
  {
    guard let column = layout.timeColumn else { return nil }
    let cell = record.content(column)
    let text = { MessageText.text(preserving: cell) }
    let name = layout.names[column]
    guard let now = TimeValue.parse(cell) else {
      throw .badTimestamp(file: file, line: line, column: name, text: text())
    }
    let isInstant = if case .instant = now { true } else { false }
    if let expected = timesAreInstants, expected != isInstant {
      throw .badTimestamp(file: file, line: line, column: name, text: text())
    }
    timesAreInstants = isInstant
    if let previous = lastTime[group] {
      if now.isBefore(previous) {
        throw .timeWentBackwards(
          file: file, line: line, column: name, text: text(), previous: previous.description)
      }
    }
    return now
  }
}

extension Int {
  /// Adds one, staying at `Int.max` there: a count restored from a state file may be near it.
  @inline(__always)
  mutating func saturatingIncrement() { self = self == .max ? .max : self + 1 }

  /// The sum, or `Int.max` where it would overflow: counts of carried states saturate.
  func addingSaturated(_ other: Int) -> Int {
    let (sum, overflow) = addingReportingOverflow(other)
    return overflow ? .max : sum
  }
}

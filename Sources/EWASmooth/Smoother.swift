import EWA
import EWAIO

/// The streaming smoother behind `ewa smooth`: reads CSV records, keeps one
/// ``ExponentialAverage`` (or ``ExponentialVariance`` with `--std`) per group, column and decay,
/// and writes each row followed by its smoothed columns.
///
/// Memory is constant in the input length: records are read in chunks, and the only rows held
/// back are those before every candidate column has shown a first value (at most
/// ``lookaheadLimit`` rows), when the columns are chosen automatically.
public final class Smoother {
  /// How many rows may be held back while choosing the columns automatically; a column still
  /// empty after them is not smoothed.
  public static let lookaheadLimit = 1000

  public let options: SmoothOptions
  /// The number of non-numeric cells treated as missing under `--on-bad-value skip`.
  @exclusivity(unchecked) public internal(set) var skippedCells = 0
  /// Where the first of them was.
  public internal(set) var firstSkippedCell: String?

  let output: OutputBuffer
  var savedState: SmoothState?
  var statePath = ""
  /// Whether the saved state's groups have moved into ``groups``.
  var restored = false

  @exclusivity(unchecked) var fieldCount = 0
  @exclusivity(unchecked) var names: [String] = []
  var headerRecord: OwnedRecord?
  @exclusivity(unchecked) var delimiter = UInt8(ascii: ",")
  @exclusivity(unchecked) var lineEnd: [UInt8] = [UInt8(ascii: "\n")]
  @exclusivity(unchecked) var groupColumn: Int?
  @exclusivity(unchecked) var timeColumn: Int?
  @exclusivity(unchecked) var smoothed: [Int] = []
  @exclusivity(unchecked) var replaced: [Bool] = []
  @exclusivity(unchecked) var decided = false
  var pending: [OwnedRecord] = []
  var firstValues: [Bool?] = []

  @exclusivity(unchecked) var groupTable = GroupTable()
  @exclusivity(unchecked) var groups: [GroupState] = []
  @exclusivity(unchecked) var timesAreInstants: Bool?
  @exclusivity(unchecked) var values: [Double] = []
  @exclusivity(unchecked) var present: [Bool] = []
  @exclusivity(unchecked) var groupKey: [UInt8] = []
  @exclusivity(unchecked) var rowsRead = 0

  /// Creates a smoother writing to `output`.
  public init(options: SmoothOptions, output: OutputBuffer) {
    self.options = options
    self.output = output
  }

  /// Resumes from a saved state (checked against the columns once they are known).
  public func resume(from saved: SmoothState, path: String) {
    savedState = saved
    statePath = path
  }

  /// The state to save after the input has been read: the saved one if no data row was read.
  public var finalState: SmoothState? {
    guard decided, rowsRead > 0 || restored else { return savedState }
    return state(
      groups: groups.indices.map { index in
        SmoothState.Group(
          key: options.groupBy == nil ? nil : groupTable.keys[index], state: groups[index])
      })
  }

  /// A state for the current columns and options, holding `groups`.
  func state(groups: [SmoothState.Group]) -> SmoothState {
    SmoothState(
      columns: smoothed.map { names[$0] }, decays: options.decays, initial: options.initial,
      ignoreMissing: options.ignoreMissing, standardDeviation: options.standardDeviation,
      groupBy: options.groupBy, time: options.time, groups: groups)
  }

  /// Smooths one input; inputs after the first may repeat the first one's header.
  public func process<Source: ByteSource>(name: String, source: Source) throws(SmoothError) {
    let reader = CSVReader(name: name, source: source, delimiter: options.delimiter)
    var first = true
    while try io({ () throws(IOError) in try reader.next() }) {
      // A constant for the closure: a captured variable would be checked for exclusive access on
      // every row.
      let isFirst = first
      first = false
      try reader.withRecord { (record) throws(SmoothError) in
        if isFirst, try startFile(record, reader: reader) { return }
        if decided {
          try smooth(record, file: name, line: reader.line)
        } else {
          try holdBack(record, file: name, line: reader.line)
        }
      }
    }
  }

  /// Ends the input: chooses the columns if that is still pending, and flushes the output.
  public func finish() throws(SmoothError) {
    if !decided, headerRecord != nil || !pending.isEmpty { try decide() }
    try io { () throws(IOError) in try output.flush() }
  }

  // MARK: - Layout

  /// Handles the first record of a file; returns true if it is a header (not data).
  func startFile(_ record: CSVRecord, reader: CSVReader<some ByteSource>)
    throws(SmoothError)
    -> Bool
  {
    let isHeader =
      options.hasHeader ?? !(0..<record.count).allSatisfy {
        NumberText.parse(record.content($0)) != nil
      }
    let header = isHeader ? (0..<record.count).map { record.text($0) } : nil
    if fieldCount > 0 {
      if let header, headerRecord != nil, header != names {
        throw .headerMismatch(
          file: reader.name, expected: names.joined(separator: ","),
          found: header.joined(separator: ","))
      }
      return isHeader
    }
    fieldCount = record.count
    delimiter = reader.delimiter
    if reader.usesCRLF == true { lineEnd = [UInt8(ascii: "\r"), UInt8(ascii: "\n")] }
    names = header ?? (1...record.count).map { String($0) }
    if isHeader { headerRecord = OwnedRecord(record, file: reader.name, line: reader.line) }
    groupColumn = try options.groupBy.map { (name) throws(SmoothError) in try resolve(name) }
    timeColumn = try options.time.map { (name) throws(SmoothError) in try resolve(name) }
    // Explicit columns, or on resuming without them the saved ones; otherwise choose later.
    if let requested = options.columns.isEmpty ? savedState?.columns : options.columns {
      var chosen: [Int] = []
      for name in requested {
        let index = try resolve(name)
        if !chosen.contains(index) { chosen.append(index) }
      }
      smoothed = chosen
      try decide()
    } else {
      firstValues = (0..<fieldCount).map { $0 == groupColumn || $0 == timeColumn ? false : nil }
    }
    return isHeader
  }

  /// The index of a column given by name or by 1-based index.
  func resolve(_ reference: String) throws(SmoothError) -> Int {
    try ColumnNames.resolve(reference, in: names)
  }

  /// Holds a record back while the columns are chosen from their first values.
  func holdBack(_ record: CSVRecord, file: String, line: Int) throws(SmoothError) {
    if isBlank(record) { return }
    try checkFieldCount(record, file: file, line: line)
    for index in 0..<fieldCount where firstValues[index] == nil {
      let cell = record.content(index)
      if !MissingCell.isMissing(cell) { firstValues[index] = NumberText.parse(cell) != nil }
    }
    pending.append(OwnedRecord(record, file: file, line: line))
    if pending.count >= Self.lookaheadLimit || !firstValues.contains(nil) { try decide() }
  }

  /// Fixes the smoothed columns, writes the header, resumes a saved state, and replays the rows
  /// held back.
  func decide() throws(SmoothError) {
    decided = true
    if options.columns.isEmpty, savedState == nil {
      // Without any data row (a header-only input), every candidate column may be numeric.
      let noData = pending.isEmpty
      smoothed = firstValues.indices.filter {
        firstValues[$0] == true || (noData && firstValues[$0] == nil)
      }
      if smoothed.isEmpty, !noData { throw .noColumnToSmooth(available: names) }
    }
    replaced = (0..<fieldCount).map { options.replace && smoothed.contains($0) }
    values = Array(repeating: 0, count: smoothed.count)
    present = Array(repeating: false, count: smoothed.count)
    if let headerRecord {
      try headerRecord.withRecord { (record) throws(SmoothError) in
        try io { () throws(IOError) in try writeHeader(record) }
      }
    }
    if let saved = savedState {
      // The groups move into this smoother: the saved copy would keep every group's arrays
      // shared, and the first update of each would copy them.
      savedState?.groups = []
      try restore(saved)
      restored = true
    }
    if options.groupBy == nil, groups.isEmpty { groups.append(newGroup()) }
    let held = pending
    pending = []
    for record in held {
      try record.withRecord { (record2) throws(SmoothError) in
        try smooth(record2, file: record.file, line: record.line)
      }
    }
  }

  func writeHeader(_ record: CSVRecord) throws(IOError) {
    for index in 0..<record.count {
      if index > 0 { try output.append(delimiter) }
      try output.append(record.raw(index))
    }
    let added = ColumnNames.generated(
      input: names, smoothed: smoothed, suffixes: options.decays.map(\.suffix),
      replace: options.replace, standardDeviation: options.standardDeviation)
    for name in added {
      try output.append(delimiter)
      try CSVWriter.appendField(name, delimiter: delimiter, to: output)
    }
    for byte in lineEnd { try output.append(byte) }
  }

  func restore(_ saved: SmoothState) throws(SmoothError) {
    try state(groups: []).checkResumable(from: saved, path: statePath)
    for group in saved.groups {
      let valid =
        group.state.columns.count == smoothed.count
        && group.state.columns.allSatisfy { column in
          column.tracks.count == options.decays.count
            && zip(column.tracks, options.decays).allSatisfy { track, decay in
              track.average.beta == decay.decay.beta
                && (track.standardDeviation != nil || track.average.count < 2
                  || !options.standardDeviation)
            }
        }
      guard valid, (group.key == nil) == (options.groupBy == nil) else {
        throw .stateCorrupt(
          path: statePath, reason: "its groups do not match its columns and decays")
      }
      if let key = group.key {
        let (index, added) = key.withUnsafeBufferPointer { groupTable.index(of: $0) }
        guard added else {
          throw .stateCorrupt(
            path: statePath,
            reason: "groups.\(groups.count).key: \(MessageText.quoted(bytes: key)) is the key of "
              + "groups.\(index) too")
        }
      }
      groups.append(group.state)
    }
  }

  func newGroup() -> GroupState {
    let start: ExponentialAverage<Double>.Start = options.initial == .first ? .first : .zero
    let tracks = options.decays.map {
      SmoothTrack(beta: $0.decay.beta, start: start, spread: options.standardDeviation)
    }
    return GroupState(
      lastTime: nil, columns: smoothed.map { _ in ColumnState(tracks: tracks) })
  }
}

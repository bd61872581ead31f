import EWA
import EWAIO

/// The streaming smoother behind `ewa smooth`: reads CSV records, decides the layout from the
/// header (``LayoutPlanner``), and folds and writes each row with one ``SmoothKernel``.
///
/// Memory is constant in the input length: records are read in chunks, and the only rows held
/// back are those before every candidate column has shown a first value (at most
/// ``lookaheadLimit`` rows), when the columns are chosen automatically.
public final class Smoother {
  /// How many rows may be held back while choosing the columns automatically; a column still
  /// empty after them is not smoothed.
  public static let lookaheadLimit = 1000

  public let options: SmoothOptions
  /// Where the rows go, or nil to hand each row to `observe` instead.
  let output: OutputBuffer?
  /// Called after each row is folded, with the kernel (whose
  /// ``SmoothKernel/mean(column:decay:group:)`` describes that row), the record, its group and
  /// its line: for callers that want typed values rather than CSV text (`ewa plot smooth`).
  let observe: ((SmoothKernel, CSVRecord, Int, Int) throws(SmoothError) -> Void)?
  var savedState: SmoothState?
  var statePath = ""
  var planner: LayoutPlanner
  /// The kernel, once the layout is decided.
  public private(set) var kernel: SmoothKernel?

  /// Creates a smoother writing to `output`.
  public init(options: SmoothOptions, output: OutputBuffer) {
    self.options = options
    self.output = output
    observe = nil
    planner = LayoutPlanner(options: options, savedColumns: nil)
  }

  /// Creates a smoother that writes nothing and calls `observe` after each row.
  public init(
    options: SmoothOptions,
    observe:
      @escaping (
        _ kernel: SmoothKernel, _ record: CSVRecord, _ group: Int, _ line: Int
      ) throws(SmoothError) -> Void
  ) {
    self.options = options
    output = nil
    self.observe = observe
    planner = LayoutPlanner(options: options, savedColumns: nil)
  }

  /// The layout, once decided.
  public var layout: SmoothLayout? { kernel?.layout }

  /// The number of non-numeric cells treated as missing under `--on-bad-value skip`.
  public var skippedCells: Int { kernel?.skippedCells ?? 0 }
  /// Where the first of them was.
  public var firstSkippedCell: String? { kernel?.firstSkippedCell }

  /// Resumes from a saved state (checked against the columns once they are known).
  public func resume(from saved: SmoothState, path: String) {
    savedState = saved
    statePath = path
    planner = LayoutPlanner(options: options, savedColumns: saved.columns)
  }

  /// The state to save after the input has been read: the saved one if no data row was read.
  public var finalState: SmoothState? {
    // Once decided, a saved state has been restored into the kernel.
    guard let kernel, kernel.rowsRead > 0 || savedState != nil else { return savedState }
    return kernel.layout.state(groups: kernel.groups)
  }

  /// Smooths one input; inputs after the first may repeat the first one's header.
  public func process<Source: ByteSource>(name: String, source: Source) throws(SmoothError) {
    let reader = CSVReader(name: name, source: source, delimiter: options.delimiter)
    // The first record, and the records before the layout is decided.
    var first = true
    while first || self.kernel == nil {
      guard try io({ () throws(IOError) in try reader.next() }) else { return }
      let isFirst = first
      first = false
      try reader.withRecord { (record) throws(SmoothError) in
        if isFirst, try startFile(record, reader: reader) { return }
        if self.kernel != nil {
          try Self.smooth(record, file: name, line: reader.line, kernel: &self.kernel!, to: self)
        } else {
          try planner.look(at: record, file: name, line: reader.line)
          if planner.isReady { try decide() }
        }
      }
    }
    // The rows: the kernel moves out for the loop, so that it is mutated in place.
    var engine = self.kernel.take()!
    defer { self.kernel = engine }
    while try io({ () throws(IOError) in try reader.next() }) {
      try reader.withRecord { (record) throws(SmoothError) in
        try Self.smooth(record, file: name, line: reader.line, kernel: &engine, to: self)
      }
    }
  }

  /// Folds a record with `kernel` and writes its row to the output, or hands it to `observe`.
  @inline(__always)
  static func smooth(
    _ record: CSVRecord, file: String, line: Int, kernel: inout SmoothKernel, to smoother: Smoother
  ) throws(SmoothError) {
    if let output = smoother.output {
      try kernel.smooth(record, file: file, line: line, output: output)
    } else if let group = try kernel.fold(record, file: file, line: line) {
      try smoother.observe?(kernel, record, group, line)
    }
  }

  /// Ends the input: decides the layout if that is still pending, and flushes the output.
  public func finish() throws(SmoothError) {
    if kernel == nil, planner.started { try decide() }
    try io { () throws(IOError) in try output?.flush() }
  }

  /// Handles the first record of a file; returns true if it is a header (not data).
  func startFile(_ record: CSVRecord, reader: CSVReader<some ByteSource>) throws(SmoothError)
    -> Bool
  {
    guard planner.started else {
      let isHeader = try planner.start(record, reader: reader)
      if planner.isReady { try decide() }
      return isHeader
    }
    let isHeader = planner.isHeader(record)
    if isHeader, planner.header != nil {
      let header = (0..<record.count).map { record.text($0) }
      if header != planner.names {
        throw .headerMismatch(
          file: reader.name, expected: planner.names.joined(separator: ","),
          found: header.joined(separator: ","))
      }
    }
    return isHeader
  }

  /// Fixes the layout, writes the header, resumes a saved state, and replays the rows held back.
  func decide() throws(SmoothError) {
    let (layout, held) = try planner.decide()
    var kernel = SmoothKernel(layout: layout)
    if let header = planner.header, let output {
      try header.withRecord { (record) throws(SmoothError) in
        try io { () throws(IOError) in try layout.writeHeader(record, to: output) }
      }
    }
    if let saved = savedState {
      try kernel.restore(saved, path: statePath)
      // The groups have moved into the kernel; only the empty shell is kept, for finalState.
      savedState?.groups = []
    }
    for record in held {
      try record.withRecord { (row) throws(SmoothError) in
        try Self.smooth(row, file: record.file, line: record.line, kernel: &kernel, to: self)
      }
    }
    self.kernel = kernel
  }
}

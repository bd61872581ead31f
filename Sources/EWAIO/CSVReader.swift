/// A streaming RFC 4180 CSV reader over a ``ByteSource``, scanning bytes in a reused buffer.
///
/// It handles quoted fields (delimiters, doubled quotes and line breaks inside quotes), LF and CRLF
/// line ends, a UTF-8 byte order mark, and detects the delimiter among comma, tab, semicolon and
/// `\x01` (Hive's) from the first line (the one occurring most often outside quotes; comma on a
/// tie). A record is returned as soon as its line end has arrived, so a pipe fed a line at a time
/// yields each line at once. Memory stays
/// constant: the buffer grows only to hold the longest record, and a record longer than
/// ``CSVReaderLimits/maximumRecordBytes`` (64 MiB) is refused.
///
/// ```
/// let reader = CSVReader(name: "log.csv", source: source)
/// while try reader.next() {
///   reader.withRecord { record in … record.content(2) … }
/// }
/// ```
public final class CSVReader<Source: ByteSource> {
  /// The name used in messages.
  public let name: String
  /// The line on which the current record starts (1-based).
  @exclusivity(unchecked) public private(set) var line = 0
  /// Whether the first record ended with CRLF (nil before it has been read).
  @exclusivity(unchecked) public private(set) var usesCRLF: Bool?

  @exclusivity(unchecked) private var source: Source
  @exclusivity(unchecked) private var delimiterChoice: UInt8?
  @exclusivity(unchecked) private var storage: UnsafeMutablePointer<UInt8>
  @exclusivity(unchecked) private var capacity: Int
  @exclusivity(unchecked) private var position = 0
  @exclusivity(unchecked) private var filled = 0
  @exclusivity(unchecked) private var atEnd = false
  @exclusivity(unchecked) private var started = false
  @exclusivity(unchecked) private var nextLine = 1
  // The current record's fields: a buffer that doubles when a record has more fields.
  @exclusivity(unchecked) private var spans = UnsafeMutablePointer<FieldSpan>.allocate(capacity: 16)
  @exclusivity(unchecked) private var spanCapacity = 16
  @exclusivity(unchecked) private var spanCount = 0
  /// The longest record accepted: a line that never ends cannot take all memory.
  private let maximumRecordBytes: Int
  /// Whether a UTF-8 byte order mark at the start is skipped (not for a block within a file).
  private let skipsByteOrderMark: Bool

  /// Creates a reader.
  ///
  /// - Parameters:
  ///   - name: the name used in messages.
  ///   - source: where the bytes come from.
  ///   - delimiter: the field delimiter, or nil to detect it from the first line.
  ///   - chunkSize: the initial buffer size; every read asks for as much as is free.
  ///   - maximumRecordBytes: the longest record (header or row, quoted line breaks included) the
  ///     reader holds; a longer one is refused (``IOError/recordTooLong(file:line:limit:)``).
  ///   - skipsByteOrderMark: whether a UTF-8 byte order mark at the start is skipped (false for
  ///     a source that starts within a file).
  public init(
    name: String, source: Source, delimiter: UInt8? = nil, chunkSize: Int = 1 << 20,
    maximumRecordBytes: Int = CSVReaderLimits.maximumRecordBytes, skipsByteOrderMark: Bool = true
  ) {
    self.name = name
    self.skipsByteOrderMark = skipsByteOrderMark
    self.maximumRecordBytes = max(maximumRecordBytes, 16)
    self.source = source
    self.delimiterChoice = delimiter
    capacity = max(chunkSize, 16)
    storage = .allocate(capacity: capacity)
  }

  deinit {
    storage.deallocate()
    spans.deallocate()
  }

  /// The delimiter in use (comma until detection has run).
  public var delimiter: UInt8 { delimiterChoice ?? UInt8(ascii: ",") }

  /// Reads the next record.
  ///
  /// - Returns: false at the end of the input.
  /// - Throws: ``IOError`` for an unterminated quote, text after a closing quote, or a failed
  ///   read.
  public func next() throws(IOError) -> Bool {
    if !started { try start() }
    while true {
      if position == filled {
        if atEnd { return false }
        try refill()
        continue
      }
      switch scanRecord() {
      case .record(let end, let lineBreaks):
        position = end
        line = nextLine
        nextLine += lineBreaks
        return true
      case .needMore:
        if atEnd { throw .unterminatedQuote(file: name, line: nextLine) }
        try refill()
      case .textAfterQuote(let field):
        throw .textAfterQuote(file: name, line: nextLine, field: field)
      }
    }
  }

  /// Calls `body` with the current record (after ``next()`` returned true).
  public func withRecord<R, E: Error>(_ body: (CSVRecord) throws(E) -> R) throws(E) -> R {
    try body(
      CSVRecord(base: storage, spans: UnsafeBufferPointer(start: spans, count: spanCount)))
  }

  private enum ScanResult {
    case record(end: Int, lineBreaks: Int)
    case needMore
    case textAfterQuote(field: Int)
  }

  /// Scans one record from `position`; on `.needMore` nothing is consumed.
  ///
  /// Fields are searched a word at a time (``ByteSearch``) for the byte that ends them.
  private func scanRecord() -> ScanResult {
    let bytes = storage
    let delimiter = self.delimiter
    let quote = UInt8(ascii: "\"")
    let newline = UInt8(ascii: "\n")
    let carriageReturn = UInt8(ascii: "\r")
    spanCount = 0
    var i = position
    var lineBreaks = 0
    while true {
      let fieldStart = i
      var quoted = false
      if i < filled, bytes[i] == quote {
        quoted = true
        i += 1
        while true {
          i = ByteSearch.first(quote, newline, newline, in: bytes, from: i, to: filled)
          if i < filled, bytes[i] == newline {
            lineBreaks += 1
            i += 1
            continue
          }
          if i == filled { return .needMore }
          if i + 1 == filled, !atEnd { return .needMore }
          if i + 1 < filled, bytes[i + 1] == quote {
            i += 2
            continue
          }
          i += 1
          break
        }
      } else {
        i = ByteSearch.first(delimiter, newline, carriageReturn, in: bytes, from: i, to: filled)
      }
      if i == filled {
        guard atEnd else { return .needMore }
        appendSpan(FieldSpan(start: fieldStart, end: i, quoted: quoted))
        return .record(end: i, lineBreaks: lineBreaks + 1)
      }
      let byte = bytes[i]
      if byte == delimiter {
        appendSpan(FieldSpan(start: fieldStart, end: i, quoted: quoted))
        i += 1
        continue
      }
      if byte == newline {
        appendSpan(FieldSpan(start: fieldStart, end: i, quoted: quoted))
        if usesCRLF == nil { usesCRLF = false }
        return .record(end: i + 1, lineBreaks: lineBreaks + 1)
      }
      if byte == carriageReturn {
        if i + 1 == filled, !atEnd { return .needMore }
        appendSpan(FieldSpan(start: fieldStart, end: i, quoted: quoted))
        let crlf = i + 1 < filled && bytes[i + 1] == newline
        if usesCRLF == nil { usesCRLF = crlf }
        return .record(end: crlf ? i + 2 : i + 1, lineBreaks: lineBreaks + 1)
      }
      return .textAfterQuote(field: spanCount + 1)
    }
  }

  @inline(__always)
  private func appendSpan(_ span: FieldSpan) {
    if spanCount == spanCapacity {
      let larger = UnsafeMutablePointer<FieldSpan>.allocate(capacity: spanCapacity * 2)
      larger.initialize(from: spans, count: spanCount)
      spans.deallocate()
      spans = larger
      spanCapacity *= 2
    }
    (spans + spanCount).initialize(to: span)
    spanCount += 1
  }

  /// Moves the unread bytes to the front (growing the buffer when a record fills it) and reads.
  private func refill() throws(IOError) {
    if position > 0 {
      let pending = filled - position
      if pending > 0 { storage.update(from: storage + position, count: pending) }
      position = 0
      filled = pending
    } else if filled == capacity {
      guard capacity < maximumRecordBytes else {
        throw .recordTooLong(file: name, line: nextLine, limit: maximumRecordBytes)
      }
      let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2)
      larger.update(from: storage, count: filled)
      storage.deallocate()
      storage = larger
      capacity *= 2
    }
    let count = try source.read(
      into: UnsafeMutableRawBufferPointer(start: storage + filled, count: capacity - filled))
    if count == 0 { atEnd = true }
    filled += count
  }

  /// Skips a byte order mark and detects the delimiter from the first line.
  ///
  /// More bytes are awaited only while those read could still begin a byte order mark, so a
  /// first line shorter than three bytes ("5\n" from a live pipe) is not held back. The scan
  /// resumes where the previous read stopped, so a long first line costs one pass.
  private func start() throws(IOError) {
    started = true
    let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]
    while skipsByteOrderMark, filled < 3, !atEnd,
      (0..<filled).allSatisfy({ storage[$0] == byteOrderMark[$0] })
    {
      try refill()
    }
    if skipsByteOrderMark, filled >= 3, (0..<3).allSatisfy({ storage[$0] == byteOrderMark[$0] }) {
      position = 3
    }
    guard delimiterChoice == nil else { return }
    var inQuotes = false
    var (commas, tabs, semicolons, controlAs) = (0, 0, 0, 0)
    // How far past `position` the first line has been scanned (refill moves the bytes).
    var scanned = 0
    while true {
      var complete = atEnd
      var i = position + scanned
      while i < filled {
        let byte = storage[i]
        i += 1
        if byte == UInt8(ascii: "\"") {
          inQuotes.toggle()
        } else if !inQuotes {
          switch byte {
          case UInt8(ascii: "\n"), UInt8(ascii: "\r"): complete = true
          case UInt8(ascii: ","): commas += 1
          case UInt8(ascii: "\t"): tabs += 1
          case UInt8(ascii: ";"): semicolons += 1
          case 0x01: controlAs += 1
          default: break
          }
          if complete { break }
        }
      }
      scanned = i - position
      if complete {
        // The most frequent outside quotes; on a tie the earlier of comma, tab, ;, \x01.
        var best = (byte: UInt8(ascii: ","), count: commas)
        for (byte, count) in [
          (UInt8(ascii: "\t"), tabs), (UInt8(ascii: ";"), semicolons), (0x01, controlAs),
        ]
        where count > best.count {
          best = (byte, count)
        }
        delimiterChoice = best.byte
        return
      }
      try refill()
    }
  }
}

/// The reader's fixed limits.
public enum CSVReaderLimits {
  /// The longest record a reader holds by default: 64 MiB.
  public static let maximumRecordBytes = 64 << 20
}

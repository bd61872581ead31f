import EWAIO

/// A copy of a record that outlives the reader's buffer (for rows held back while the columns are
/// chosen, and for the header).
struct OwnedRecord {
  let bytes: [UInt8]
  let spans: [FieldSpan]
  let file: String
  let line: Int

  init(_ record: CSVRecord, file: String, line: Int) {
    let start = record.spans.first?.start ?? 0
    let end = record.spans.last?.end ?? start
    bytes = Array(UnsafeBufferPointer(start: record.base + start, count: end - start))
    spans = record.spans.map {
      FieldSpan(start: $0.start - start, end: $0.end - start, quoted: $0.quoted)
    }
    self.file = file
    self.line = line
  }

  /// Calls `body` with the record as a ``CSVRecord``.
  func withRecord<R>(_ body: (CSVRecord) throws(SmoothError) -> R) throws(SmoothError) -> R {
    try bytes.withUnsafeBufferPointer { (base) throws(SmoothError) in
      try spans.withUnsafeBufferPointer { (spans) throws(SmoothError) in
        try body(CSVRecord(base: base.baseAddress ?? UnsafePointer(bitPattern: 1)!, spans: spans))
      }
    }
  }
}

/// Where one field of a record lies in the reader's buffer, as written (quotes included).
///
/// Shared by the package's readers, not API: users read fields through ``CSVRecord``.
@usableFromInline package struct FieldSpan: Sendable, Equatable {
  /// The offset of the field's first byte.
  @usableFromInline package var start: Int
  /// The offset one past its last byte.
  @usableFromInline package var end: Int
  /// Whether the field is enclosed in double quotes.
  @usableFromInline package var quoted: Bool

  package init(start: Int, end: Int, quoted: Bool) {
    self.start = start
    self.end = end
    self.quoted = quoted
  }
}

/// One record of a CSV file: a view of its fields in the reader's buffer, valid only inside the
/// closure that receives it (see ``CSVReader/withRecord(_:)``). Reading it allocates nothing.
public struct CSVRecord {
  /// The start of the reader's buffer; spans are offsets from here (package-internal).
  @usableFromInline package let base: UnsafePointer<UInt8>
  /// The fields' spans, in order (package-internal).
  @usableFromInline package let spans: UnsafeBufferPointer<FieldSpan>

  package init(base: UnsafePointer<UInt8>, spans: UnsafeBufferPointer<FieldSpan>) {
    self.base = base
    self.spans = spans
  }

  /// The number of fields.
  @inlinable public var count: Int { spans.count }

  /// The field's bytes exactly as written, quotes and doubled quotes included.
  @inlinable public func raw(_ index: Int) -> UnsafeBufferPointer<UInt8> {
    let span = spans[index]
    return UnsafeBufferPointer(start: base + span.start, count: span.end - span.start)
  }

  /// The record's bytes as written, from its first field's first byte to its last field's last
  /// (the line end excluded).
  @inlinable public var whole: UnsafeBufferPointer<UInt8> {
    let start = spans[0].start
    return UnsafeBufferPointer(start: base + start, count: spans[spans.count - 1].end - start)
  }

  /// The field's bytes without enclosing quotes (a doubled quote inside stays doubled; see
  /// ``text(_:)`` for the decoded value).
  @inlinable public func content(_ index: Int) -> UnsafeBufferPointer<UInt8> {
    let span = spans[index]
    if span.quoted {
      return UnsafeBufferPointer(start: base + span.start + 1, count: span.end - span.start - 2)
    }
    return UnsafeBufferPointer(start: base + span.start, count: span.end - span.start)
  }

  /// The field's value, decoded: quotes removed and doubled quotes made single.
  public func value(_ index: Int) -> [UInt8] {
    let bytes = content(index)
    guard spans[index].quoted else { return Array(bytes) }
    var result: [UInt8] = []
    result.reserveCapacity(bytes.count)
    var previousWasQuote = false
    for byte in bytes {
      if byte == UInt8(ascii: "\""), previousWasQuote {
        previousWasQuote = false
        continue
      }
      previousWasQuote = byte == UInt8(ascii: "\"")
      result.append(byte)
    }
    return result
  }

  /// The field's decoded value as text (invalid UTF-8 is repaired).
  public func text(_ index: Int) -> String {
    String(decoding: value(index), as: UTF8.self)
  }
}

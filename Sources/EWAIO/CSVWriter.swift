/// Writes CSV fields, quoting only where RFC 4180 requires it, so that a field read by
/// ``CSVReader`` and written back comes out byte for byte as it went in.
public enum CSVWriter {
  /// Whether a value must be quoted: it holds the delimiter, a quote, CR or LF.
  public static func needsQuotes(_ value: UnsafeBufferPointer<UInt8>, delimiter: UInt8) -> Bool {
    value.contains {
      $0 == delimiter || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\n")
        || $0 == UInt8(ascii: "\r")
    }
  }

  /// Appends one field's value, quoted (with quotes doubled) only if it needs it.
  public static func appendField(
    _ value: UnsafeBufferPointer<UInt8>, delimiter: UInt8, to output: OutputBuffer
  ) throws(IOError) {
    guard needsQuotes(value, delimiter: delimiter) else {
      try output.append(value)
      return
    }
    try output.append(UInt8(ascii: "\""))
    for byte in value {
      if byte == UInt8(ascii: "\"") { try output.append(byte) }
      try output.append(byte)
    }
    try output.append(UInt8(ascii: "\""))
  }

  /// Appends one field given as text.
  public static func appendField(
    _ value: String, delimiter: UInt8, to output: OutputBuffer
  ) throws(IOError) {
    try Array(value.utf8).withUnsafeBufferPointer { (bytes) throws(IOError) in
      try appendField(bytes, delimiter: delimiter, to: output)
    }
  }
}

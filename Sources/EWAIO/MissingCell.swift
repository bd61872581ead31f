/// The spellings of a missing value: an empty cell, `NA`, `NaN`, `null` or `N/A`, in any case,
/// and `\N` (how Hive and Spark write SQL NULL in text rows), with surrounding blanks ignored.
public enum MissingCell {
  /// Whether `bytes` (a field's content, quotes removed) spells a missing value.
  @inlinable
  public static func isMissing(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    let trimmed = NumberText.trimmed(bytes)
    switch trimmed.count {
    case 0: return true
    case 2:
      return lower(trimmed[0]) == 0x6E && lower(trimmed[1]) == 0x61  // na
        || trimmed[0] == 0x5C && trimmed[1] == 0x4E  // \N
    case 3:
      let (a, b, c) = (lower(trimmed[0]), lower(trimmed[1]), lower(trimmed[2]))
      return (a == 0x6E && b == 0x61 && c == 0x6E)  // nan
        || (a == 0x6E && b == 0x2F && c == 0x61)  // n/a
    case 4:
      return lower(trimmed[0]) == 0x6E && lower(trimmed[1]) == 0x75
        && lower(trimmed[2]) == 0x6C && lower(trimmed[3]) == 0x6C  // null
    default: return false
    }
  }

  @inlinable @inline(__always)
  static func lower(_ byte: UInt8) -> UInt8 { byte | 0x20 }
}

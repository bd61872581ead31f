import EWAIO

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// One block of a file for ``ParallelSmoother``: the lines that start in its byte range, read
/// with pread(2) and cut into fields. The file must hold no quotes and only LF or CRLF line
/// ends, so that every LF ends a record.
///
/// Block `b` covers the lines that start in `[first + b·size, first + (b+1)·size)`, where a line
/// starts at `first` or after an LF: each block finds its own edges, with no other block's help.
final class BlockText {
  @exclusivity(unchecked) private var bytes: UnsafeMutablePointer<UInt8>
  @exclusivity(unchecked) private var capacity: Int
  @exclusivity(unchecked) private var spans: [FieldSpan] = []
  @exclusivity(unchecked) private var rowStarts: [Int] = []

  init() {
    capacity = 1 << 16
    bytes = .allocate(capacity: capacity)
  }

  deinit { bytes.deallocate() }

  /// The number of lines (records) in the block.
  var rowCount: Int { rowStarts.count - 1 }

  /// Reads block `block` and cuts it into records.
  ///
  /// - Parameters:
  ///   - descriptor: the open file.
  ///   - name: the file's name, for messages.
  ///   - block: the block's index.
  ///   - blockSize: the nominal block size.
  ///   - first: the offset where the first block starts (after the first line).
  ///   - size: the file's size.
  ///   - delimiter: the field delimiter.
  func load(
    descriptor: Int32, name: String, block: Int, blockSize: Int, first: Int, size: Int,
    delimiter: UInt8
  ) throws(SmoothError) {
    let low = first + block * blockSize
    let high = min(low + blockSize, size)
    let from = block == 0 ? first : low - 1
    var length = 0
    try fill(descriptor, name: name, at: from, count: high - from, length: &length)
    // The block ends after the first LF at or after high - 1, or at the end of the file.
    var end = length
    var search = max(high - 1 - from, 0)
    while true {
      if let found = index(of: 0x0A, from: search, to: length) {
        end = found + 1
        break
      }
      if from + length >= size {
        end = length
        break
      }
      search = length
      try fill(descriptor, name: name, at: from + length, count: 1 << 12, length: &length)
    }
    // It starts after the first LF at or after low - 1 (block 0: at `first`).
    var start = 0
    if block > 0 { start = min(index(of: 0x0A, from: 0, to: end).map { $0 + 1 } ?? end, end) }
    cut(from: start, to: end, delimiter: delimiter)
  }

  /// Calls `body` with record `row`.
  func withRecord<R>(_ row: Int, _ body: (CSVRecord) throws(SmoothError) -> R)
    throws(SmoothError) -> R
  {
    let range = rowStarts[row]..<rowStarts[row + 1]
    return try spans.withUnsafeBufferPointer { (all) throws(SmoothError) in
      try body(CSVRecord(base: bytes, spans: UnsafeBufferPointer(rebasing: all[range])))
    }
  }

  /// Cuts `[start, end)` into records and fields.
  private func cut(from start: Int, to end: Int, delimiter: UInt8) {
    spans.removeAll(keepingCapacity: true)
    rowStarts.removeAll(keepingCapacity: true)
    rowStarts.append(0)
    let bytes = self.bytes
    var i = start
    while i < end {
      var fieldStart = i
      while true {
        let byte = i < end ? bytes[i] : 0x0A
        if byte == delimiter {
          spans.append(FieldSpan(start: fieldStart, end: i, quoted: false))
          i += 1
          fieldStart = i
        } else if byte == 0x0A {
          let fieldEnd = i > fieldStart && bytes[i - 1] == 0x0D ? i - 1 : i
          spans.append(FieldSpan(start: fieldStart, end: fieldEnd, quoted: false))
          i += 1
          break
        } else {
          i += 1
        }
      }
      rowStarts.append(spans.count)
    }
  }

  /// The first index of `byte` in `[from, to)`.
  private func index(of byte: UInt8, from: Int, to: Int) -> Int? {
    guard from < to, let found = memchr(bytes + from, Int32(byte), to - from) else { return nil }
    return UnsafeMutableRawPointer(bytes).distance(to: found)
  }

  /// Reads up to `count` bytes at file offset `offset` to the end of the loaded bytes.
  private func fill(
    _ descriptor: Int32, name: String, at offset: Int, count: Int, length: inout Int
  ) throws(SmoothError) {
    if length + count > capacity {
      let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: length + count)
      larger.update(from: bytes, count: length)
      bytes.deallocate()
      bytes = larger
      capacity = length + count
    }
    var done = 0
    while done < count {
      let read = pread(descriptor, bytes + length + done, count - done, off_t(offset + done))
      if read == 0 { break }
      if read < 0 {
        if errno == EINTR { continue }
        throw .io(.readFailed(name: name, reason: String(cString: strerror(errno))))
      }
      done += read
    }
    length += done
  }
}

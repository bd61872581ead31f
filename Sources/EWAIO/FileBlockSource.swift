#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The lines of a regular file that start in a byte range, read with pread(2): one block of a
/// file cut at line ends, which a ``CSVReader`` reads like any other input.
///
/// A line starts at the range's start when `startsAtLine` (the file's first data line), or after
/// an LF. The block runs from the first line start at or after the range's start to the first
/// at or after its end, so consecutive ranges deliver every line once, each block finding its own
/// edges. The file must not hold a quoted line break (each LF ends a record).
public struct FileBlockSource: ByteSource {
  /// The name used in messages.
  public let name: String
  private let descriptor: Int32
  private let size: Int
  /// The first LF at or after this offset ends the block.
  private let boundary: Int
  private var offset: Int
  private var seeking: Bool
  private var done = false

  /// A block of the open file `descriptor`.
  ///
  /// - Parameters:
  ///   - range: the byte range in which the block's lines start.
  ///   - startsAtLine: whether a line starts at `range.lowerBound`.
  ///   - size: the file's size.
  public init(
    name: String, descriptor: Int32, range: Range<Int>, startsAtLine: Bool, size: Int
  ) {
    self.name = name
    self.descriptor = descriptor
    self.size = size
    boundary = range.upperBound - 1
    offset = startsAtLine ? range.lowerBound : range.lowerBound - 1
    seeking = !startsAtLine
    done = range.isEmpty
  }

  public mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(IOError) -> Int {
    while seeking, !done {
      let count = try read(buffer, upTo: size)
      if count == 0 {
        done = true
      } else if let index = lineFeed(in: buffer, count: count) {
        seeking = false
        let lineEnd = offset + index
        offset = lineEnd + 1
        if lineEnd >= boundary { done = true }
      } else {
        offset += count
      }
    }
    if done { return 0 }
    if offset < boundary {
      let count = try read(buffer, upTo: boundary)
      if count == 0 { done = true }
      offset += count
      return count
    }
    let count = try read(buffer, upTo: size)
    if count == 0 {
      done = true
      return 0
    }
    if let index = lineFeed(in: buffer, count: count) {
      done = true
      offset += index + 1
      return index + 1
    }
    offset += count
    return count
  }

  /// Reads at `offset` into `buffer`, up to the offset `end`.
  private func read(_ buffer: UnsafeMutableRawBufferPointer, upTo end: Int) throws(IOError) -> Int {
    let wanted = min(buffer.count, end - offset)
    guard wanted > 0 else { return 0 }
    return try Self.read(
      descriptor, into: UnsafeMutableRawBufferPointer(rebasing: buffer[..<wanted]), at: offset,
      name: name)
  }

  /// Reads up to `buffer.count` bytes of `descriptor` at `offset` with pread(2), again after an
  /// interruption.
  ///
  /// - Returns: the number of bytes read; 0 at the end of the file.
  /// - Throws: ``IOError/readFailed(name:reason:)`` naming `name`.
  package static func read(
    _ descriptor: Int32, into buffer: UnsafeMutableRawBufferPointer, at offset: Int, name: String
  ) throws(IOError) -> Int {
    while true {
      let count = pread(descriptor, buffer.baseAddress, buffer.count, off_t(offset))
      if count >= 0 { return count }
      if errno != EINTR { throw .readFailed(name: name, reason: IOError.reason(errno)) }
    }
  }

  private func lineFeed(in buffer: UnsafeMutableRawBufferPointer, count: Int) -> Int? {
    guard let found = memchr(buffer.baseAddress!, 0x0A, count) else { return nil }
    return buffer.baseAddress!.distance(to: found)
  }
}

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

private func systemOpen(_ path: String, _ flags: Int32) -> Int32 { open(path, flags) }
private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
  read(fd, buffer, count)
}
private func systemClose(_ fd: Int32) -> Int32 { close(fd) }

/// Why an opened input cannot be read as data: a directory (exit 66, not a read error later).
private func notReadable(_ descriptor: Int32) -> String? {
  var info = stat()
  guard fstat(descriptor, &info) == 0 else { return nil }
  return info.st_mode & S_IFMT == S_IFDIR ? "it is a directory, not a file" : nil
}

/// Something bytes are read from in chunks: a file descriptor, or memory in tests.
public protocol ByteSource {
  /// Reads up to `buffer.count` bytes into `buffer`.
  ///
  /// - Returns: the number of bytes read; 0 only at the end of the input.
  mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(IOError) -> Int
}

/// Reads a file descriptor with read(2), calling `willBlock` before a read that would wait.
///
/// The smoother passes a `willBlock` that flushes its output, so rows reach a pipe as soon as the
/// input pauses (`tail -f log.csv | ewa smooth`), while bulk input is never flushed row by row.
public struct FileDescriptorSource: ByteSource {
  /// The name used in messages (a path, or "standard input").
  public let name: String
  public let descriptor: Int32
  /// Called when no input is ready and the next read would block.
  public var willBlock: () throws(IOError) -> Void

  public init(
    name: String, descriptor: Int32, willBlock: @escaping () throws(IOError) -> Void = {}
  ) {
    self.name = name
    self.descriptor = descriptor
    self.willBlock = willBlock
  }

  /// Opens `path` for reading.
  ///
  /// - Throws: ``IOError/cannotOpen(path:reason:)`` when it cannot be opened.
  public static func open(
    path: String, willBlock: @escaping () throws(IOError) -> Void = {}
  ) throws(IOError) -> FileDescriptorSource {
    let descriptor = systemOpen(path, O_RDONLY)
    guard descriptor >= 0 else {
      throw .cannotOpen(path: path, reason: String(cString: strerror(errno)))
    }
    if let reason = notReadable(descriptor) {
      _ = systemClose(descriptor)
      throw .cannotOpen(path: path, reason: reason)
    }
    return FileDescriptorSource(name: path, descriptor: descriptor, willBlock: willBlock)
  }

  public mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(IOError) -> Int {
    var ready = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
    if poll(&ready, 1, 0) == 0 { try willBlock() }
    while true {
      let count = systemRead(descriptor, buffer.baseAddress, buffer.count)
      if count >= 0 { return count }
      if errno == EINTR { continue }
      throw .readFailed(name: name, reason: String(cString: strerror(errno)))
    }
  }

  /// Closes the descriptor (not standard input).
  public func close() {
    if descriptor != STDIN_FILENO { _ = systemClose(descriptor) }
  }
}

/// Bytes held in memory, handed out in chunks of at most `chunkSize` (small chunks exercise the
/// reader's handling of records split across reads).
public struct MemorySource: ByteSource {
  public let bytes: [UInt8]
  public let chunkSize: Int
  private var offset = 0

  public init(_ bytes: [UInt8], chunkSize: Int = 1 << 16) {
    self.bytes = bytes
    self.chunkSize = max(1, chunkSize)
  }

  public init(_ text: String, chunkSize: Int = 1 << 16) {
    self.init(Array(text.utf8), chunkSize: chunkSize)
  }

  public mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(IOError) -> Int {
    let count = min(buffer.count, chunkSize, bytes.count - offset)
    guard count > 0 else { return 0 }
    bytes.withUnsafeBytes { all in
      buffer.baseAddress!.copyMemory(from: all.baseAddress! + offset, byteCount: count)
    }
    offset += count
    return count
  }
}

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where an ``OutputBuffer`` sends its bytes.
public protocol ByteSink: AnyObject {
  /// Writes all of `bytes`.
  func write(_ bytes: UnsafeRawBufferPointer) throws(IOError)
}

/// A buffer of output bytes, written to its sink when full or when ``flush()`` is called.
public final class OutputBuffer {
  private let sink: ByteSink
  // Visible to inlined appends, so that a byte or a number costs a store, not a call.
  @usableFromInline let storage: UnsafeMutablePointer<UInt8>
  @usableFromInline let capacity: Int
  @usableFromInline @exclusivity(unchecked) var count = 0

  /// Creates a buffer of `capacity` bytes in front of `sink`.
  public init(sink: ByteSink, capacity: Int = 1 << 16) {
    self.sink = sink
    self.capacity = max(capacity, 64)
    storage = .allocate(capacity: self.capacity)
  }

  deinit { storage.deallocate() }

  /// Appends one byte.
  @inlinable @inline(__always)
  public func append(_ byte: UInt8) throws(IOError) {
    if count == capacity { try flush() }
    storage[count] = byte
    count += 1
  }

  /// Appends bytes.
  @inlinable
  public func append(_ bytes: UnsafeBufferPointer<UInt8>) throws(IOError) {
    guard let start = bytes.baseAddress, bytes.count > 0 else { return }
    if count + bytes.count > capacity {
      try appendLarge(bytes)
      return
    }
    (storage + count).update(from: start, count: bytes.count)
    count += bytes.count
  }

  /// Appends bytes that do not fit in the free part of the buffer.
  @usableFromInline
  func appendLarge(_ bytes: UnsafeBufferPointer<UInt8>) throws(IOError) {
    try flush()
    if bytes.count > capacity {
      try sink.write(UnsafeRawBufferPointer(bytes))
      return
    }
    (storage + count).update(from: bytes.baseAddress!, count: bytes.count)
    count += bytes.count
  }

  /// Lets `body` write at most `maximumCount` bytes straight into the buffer.
  ///
  /// - Parameters:
  ///   - maximumCount: the most bytes `body` writes; at most the buffer's capacity.
  ///   - body: writes to the pointer it is given and returns how many bytes it wrote.
  @inlinable @inline(__always)
  public func append(
    maximumCount: Int, _ body: (UnsafeMutablePointer<UInt8>) -> Int
  ) throws(IOError) {
    if count + maximumCount > capacity { try flush() }
    count += body(storage + count)
  }

  /// Appends the UTF-8 bytes of `text`.
  public func append(_ text: String) throws(IOError) {
    var text = text
    let n = text.utf8.count
    if count + n > capacity {
      try flush()
      if n > capacity {
        try Array(text.utf8).withUnsafeBufferPointer { (bytes) throws(IOError) in
          try sink.write(UnsafeRawBufferPointer(bytes))
        }
        return
      }
    }
    text.withUTF8 { bytes in (storage + count).update(from: bytes.baseAddress!, count: n) }
    count += n
  }

  /// Writes everything buffered to the sink.
  public func flush() throws(IOError) {
    guard count > 0 else { return }
    let pending = count
    count = 0
    try sink.write(UnsafeRawBufferPointer(start: storage, count: pending))
  }
}

/// Writes to a file descriptor with write(2); a closed pipe (EPIPE) throws
/// ``IOError/outputClosed`` so the caller can stop quietly.
public final class FileDescriptorSink: ByteSink {
  public let descriptor: Int32

  public init(descriptor: Int32) { self.descriptor = descriptor }

  public func write(_ bytes: UnsafeRawBufferPointer) throws(IOError) {
    switch writeFully(descriptor, bytes) {
    case 0: return
    case EPIPE: throw .outputClosed
    case let failure: throw .writeFailed(reason: String(cString: strerror(failure)))
    }
  }
}

/// Collects the bytes in memory (for tests and for building text).
public final class MemorySink: ByteSink {
  public private(set) var bytes: [UInt8] = []

  public init() {}

  public func write(_ bytes: UnsafeRawBufferPointer) throws(IOError) {
    self.bytes.append(contentsOf: bytes)
  }

  /// Forgets the bytes collected, keeping the memory for the next ones.
  public func removeAll() { bytes.removeAll(keepingCapacity: true) }

  /// The bytes as text.
  public var text: String { String(decoding: bytes, as: UTF8.self) }
}

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import Foundation

/// Writes files so that readers see either the old contents or the new, never a partial file,
/// and so that writing one file never destroys another: see ``FileDestination`` for what happens
/// to a symbolic link, a device, a FIFO, a read-only file or a directory at the path.
public enum AtomicFile {
  /// Writes `data` to a temporary file beside `path`, flushes it, then renames it over `path`
  /// (through a symbolic link, over its target; to a device or FIFO, straight through).
  ///
  /// - Throws: ``AtomicFileError`` naming the path when the file cannot or must not be written.
  public static func write(_ data: Data, to path: String) throws(AtomicFileError) {
    let writer = try AtomicWriter(path: path)
    try writer.write(data)
    try writer.commit()
  }

  /// Writes UTF-8 text atomically; see ``write(_:to:)``.
  public static func write(_ text: String, to path: String) throws(AtomicFileError) {
    try write(Data(text.utf8), to: path)
  }

  /// Whether a write to `path` goes straight through to a character device or a FIFO (through
  /// symbolic links) instead of replacing a file.
  public static func writesThrough(_ path: String) -> Bool {
    if case .stream = try? FileDestination.resolve(path) { return true }
    return false
  }

  /// Streams a file: `body` appends to the writer, and the file is put in place when it returns;
  /// if it throws, the destination is left unchanged and the temporary file removed.
  ///
  /// ```
  /// try AtomicFile.withWriter(to: "state.json") { writer in
  ///   for line in lines { try writer.write(line) }
  /// }
  /// ```
  public static func withWriter<Result>(
    to path: String, _ body: (AtomicWriter) throws -> Result
  ) throws -> Result {
    let writer = try AtomicWriter(path: path)
    do {
      let result = try body(writer)
      try writer.commit()
      return result
    } catch {
      writer.discard()
      throw error
    }
  }
}

/// A file that could not be written.
public struct AtomicFileError: CategorizedError, Equatable {
  public let path: String
  public let reason: String
  public var kind: FailureKind { .io }
  public var description: String { "cannot write \(MessageText.inline(path)): \(reason)" }

  public init(path: String, reason: String) {
    self.path = path
    self.reason = reason
  }

  /// The system's sentence for `errno` (`No space left on device`).
  init(path: String, errno: Int32) {
    self.init(path: path, reason: String(cString: strerror(errno)))
  }
}

import Foundation

/// Writes files so that readers see either the old contents or the new, never a partial file.
public enum AtomicFile {
  /// Writes `data` to a temporary file beside `path`, flushes it, then renames it over `path`.
  ///
  /// - Throws: ``AtomicFileError`` naming the path when the file cannot be written.
  public static func write(_ data: Data, to path: String) throws(AtomicFileError) {
    let url = URL(fileURLWithPath: path)
    let directory = url.deletingLastPathComponent().path
    let temporary = "\(directory)/.\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp"
    guard FileManager.default.createFile(atPath: temporary, contents: data) else {
      throw AtomicFileError(path: path, reason: "cannot create a file in \(directory)")
    }
    guard rename(temporary, path) == 0 else {
      let reason = String(cString: strerror(errno))
      unlink(temporary)
      throw AtomicFileError(path: path, reason: reason)
    }
  }

  /// Writes UTF-8 text atomically; see ``write(_:to:)``.
  public static func write(_ text: String, to path: String) throws(AtomicFileError) {
    try write(Data(text.utf8), to: path)
  }
}

/// A file that could not be written.
public struct AtomicFileError: CategorizedError, Equatable {
  public let path: String
  public let reason: String
  public var kind: FailureKind { .io }
  public var description: String { "cannot write \(path): \(reason)" }
}

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A whole input read into memory: a file, or standard input for `-`.
public enum InputBytes {
  /// Reads `path` (`-` is standard input) to its end.
  ///
  /// - Returns: the bytes and the input's name in messages (the path, or `standard input`).
  /// - Throws: ``IOError/cannotOpen(path:reason:)`` (exit 66) or
  ///   ``IOError/readFailed(name:reason:)``.
  public static func read(_ path: String) throws -> (bytes: [UInt8], name: String) {
    var source =
      path == "-"
      ? FileDescriptorSource(name: "standard input", descriptor: STDIN_FILENO)
      : try FileDescriptorSource.open(path: path)
    defer { source.close() }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let count = try chunk.withUnsafeMutableBytes { try source.read(into: $0) }
      if count == 0 { break }
      bytes += chunk[..<count]
    }
    return (bytes, source.name)
  }
}

extension InputBytes {
  /// Reads `path` if it exists, or returns `nil`.
  ///
  /// - Throws: as ``read(_:)`` for a file that exists but cannot be read.
  public static func readIfPresent(_ path: String) throws -> [UInt8]? {
    do {
      return try read(path).bytes
    } catch IOError.cannotOpen(_, let reason) where reason == String(cString: strerror(ENOENT)) {
      return nil
    }
  }
}

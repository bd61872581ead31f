#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// ewa's versioned documents (the state files of `ewa smooth --state`, the checkpoints of
/// `ewa train`): what a kind of file is called in messages, the format version this ewa reads,
/// and the largest file it reads, with the one reader of such files and the one check of their
/// version.
///
/// Each kind parses its own document (the state reader streams it and names a bad field by line;
/// a checkpoint is decoded with its `Codable` type); reading the bytes, refusing a file that is
/// too large, and comparing the version are done here for both, with the same sentences.
public struct VersionedFile: Sendable {
  /// What the file is called in messages: `state file`, `checkpoint`.
  public let noun: String
  /// The format name the document declares first, when the kind declares one.
  public let format: String?
  /// The format version this ewa writes and reads.
  public let version: Int
  /// The largest file read; a larger one is refused before its bytes are read.
  public let maximumBytes: Int
  /// Advice added to a version mismatch, in parentheses.
  public let versionAdvice: String?

  public init(
    noun: String, format: String?, version: Int, maximumBytes: Int, versionAdvice: String? = nil
  ) {
    self.noun = noun
    self.format = format
    self.version = version
    self.maximumBytes = maximumBytes
    self.versionAdvice = versionAdvice
  }

  /// Reads the file at `path` whole: a regular file of at most ``maximumBytes``.
  ///
  /// - Returns: the bytes, or nil when no file exists at `path`.
  /// - Throws: ``VersionedFileError``: `cannotOpen` for a file that cannot be opened or is not a
  ///   regular file, `readFailed` when reading fails, `tooLarge` above ``maximumBytes``.
  public func bytes(at path: String) throws(VersionedFileError) -> [UInt8]? {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else {
      if errno == ENOENT { return nil }
      throw .cannotOpen(path: path, reason: IOError.reason(errno))
    }
    defer { close(descriptor) }
    var status = stat()
    guard fstat(descriptor, &status) == 0 else {
      throw .cannotOpen(path: path, reason: IOError.reason(errno))
    }
    guard status.st_mode & S_IFMT == S_IFREG else {
      throw .cannotOpen(path: path, reason: "it is not a regular file")
    }
    try checkSize(Int(status.st_size), path: path)
    var bytes: [UInt8] = []
    bytes.reserveCapacity(Int(status.st_size) + 1)
    var chunk = [UInt8](repeating: 0, count: 1 << 20)
    while true {
      let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
      if count == 0 { break }
      if count < 0 {
        if errno == EINTR { continue }
        throw .readFailed(path: path, reason: IOError.reason(errno))
      }
      bytes += chunk[..<count]
      // A file that grows while it is read is held to the same limit.
      try checkSize(bytes.count, path: path)
    }
    return bytes
  }

  private func checkSize(_ size: Int, path: String) throws(VersionedFileError) {
    guard size <= maximumBytes else {
      throw .tooLarge(noun: noun, path: path, limit: maximumBytes)
    }
  }

  /// Refuses a document of another version than ``version``.
  ///
  /// - Throws: ``VersionedFileError/version(noun:path:found:expected:advice:)``.
  public func check(version found: Int, path: String) throws(VersionedFileError) {
    guard found == version else {
      throw .version(
        noun: noun, path: path, found: found, expected: version, advice: versionAdvice)
    }
  }
}

/// Why a versioned file was not read, as one sentence naming the file.
public enum VersionedFileError: CategorizedError, Equatable {
  case cannotOpen(path: String, reason: String)
  case readFailed(path: String, reason: String)
  case tooLarge(noun: String, path: String, limit: Int)
  case version(noun: String, path: String, found: Int, expected: Int, advice: String?)

  public var kind: FailureKind {
    switch self {
    case .cannotOpen: .input
    case .readFailed: .io
    case .tooLarge, .version: .data
    }
  }

  /// One line: the file's name goes through ``MessageText``.
  public var description: String {
    typealias M = MessageText
    switch self {
    case .cannotOpen(let path, let reason): return "cannot open \(M.inline(path)): \(reason)"
    case .readFailed(let path, let reason): return "cannot read \(M.inline(path)): \(reason)"
    case .tooLarge(let noun, let path, let limit):
      return "\(noun) \(M.inline(path)) is larger than the \(limit >> 20) MiB ewa reads"
    case .version(let noun, let path, let found, let expected, let advice):
      return "\(noun) \(M.inline(path)) has format version \(found); this ewa reads version "
        + "\(expected)" + (advice.map { " (\($0))" } ?? "")
    }
  }
}

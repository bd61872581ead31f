#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A file being written that readers see only once it is complete: bytes are appended to a
/// temporary file beside the destination, which ``commit()`` renames into place (or, for a
/// device or a FIFO, written straight through).
///
/// The temporary file has a random name, is created with `O_CREAT | O_EXCL` (never a file someone
/// else prepared) and is registered with ``InterruptCleanup`` from before it exists until it is
/// renamed or removed, so an interrupt leaves nothing behind. A writer dropped without a commit
/// removes its temporary file. See ``FileDestination`` for what is written where.
public final class AtomicWriter {
  /// The path as the caller gave it, for messages.
  public let path: String
  private let destination: FileDestination
  private var temporary: String?
  private var cleanup: InterruptCleanup.Token?
  private var descriptor: Int32 = -1
  private var buffer: [UInt8] = []
  private let capacity = 1 << 16
  private var finished = false

  /// Opens a writer for `path`.
  ///
  /// - Throws: ``AtomicFileError`` when the path must not or cannot be written.
  public init(path: String) throws(AtomicFileError) {
    self.path = path
    destination = try FileDestination.resolve(path)
    buffer.reserveCapacity(capacity)
    switch destination {
    case .stream(let target):
      descriptor = open(target, O_WRONLY | O_CLOEXEC | O_NOCTTY)
      guard descriptor >= 0 else { throw AtomicFileError(path: path, errno: errno) }
    case .create(let target), .replace(let target, _, _, _):
      try openTemporary(beside: target)
    }
  }

  deinit {
    if !finished { discard() }
  }

  /// Appends `bytes`; they reach the file in blocks.
  public func write<Bytes: Collection<UInt8>>(_ bytes: Bytes) throws(AtomicFileError) {
    buffer.append(contentsOf: bytes)
    if buffer.count >= capacity { try flush() }
  }

  /// Appends `text` as UTF-8.
  public func write(_ text: String) throws(AtomicFileError) {
    try write(text.utf8)
  }

  /// Writes what is buffered, flushes it to the disk and puts the file in place (with the old
  /// file's mode, owner and group). After a failure nothing has changed at the destination and
  /// the temporary file is gone.
  public func commit() throws(AtomicFileError) {
    guard !finished else { return }
    do throws(AtomicFileError) {
      try flush()
      if case .stream = destination {
        finished = true
        try closeDescriptor()
        return
      }
      if case .replace(_, let mode, let owner, let group) = destination {
        try keep(mode: mode, owner: owner, group: group)
      }
      guard fsync(descriptor) == 0 else { throw AtomicFileError(path: path, errno: errno) }
      try closeDescriptor()
      guard let temporary, rename(temporary, destination.path) == 0 else {
        throw AtomicFileError(path: path, errno: errno)
      }
      finished = true
      InterruptCleanup.unregister(cleanup)
      cleanup = nil
      syncDirectory(of: destination.path)
    } catch {
      discard()
      throw error
    }
  }

  /// Abandons the write: the temporary file is removed and the destination left as it was.
  public func discard() {
    finished = true
    if descriptor >= 0 { close(descriptor) }
    descriptor = -1
    if let temporary { unlink(temporary) }
    temporary = nil
    InterruptCleanup.unregister(cleanup)
    cleanup = nil
  }

  /// Writes the buffer with a loop that retries interrupted and short writes.
  private func flush() throws(AtomicFileError) {
    let failure = buffer.withUnsafeBytes { writeFully(descriptor, $0) }
    buffer.removeAll(keepingCapacity: true)
    if failure != 0 {
      let error = AtomicFileError(path: path, errno: failure)
      discard()
      throw error
    }
  }

  /// Creates the temporary file `.<name>.<random>.tmp` beside `target`.
  private func openTemporary(beside target: String) throws(AtomicFileError) {
    let slash = target.lastIndex(of: "/")
    let directory = slash.map { String(target[...$0]) } ?? ""
    let name = slash.map { String(target[target.index(after: $0)...]) } ?? target
    // Permissions of a new file follow the umask like any created file; a replaced file gets
    // the old file's mode in commit(), so its contents are never more exposed than before.
    let permissions: mode_t
    if case .replace = destination { permissions = 0o600 } else { permissions = 0o666 }
    for _ in 0..<16 {
      let random = String(UInt64.random(in: 0...UInt64.max), radix: 16)
      let candidate = "\(directory).\(name.prefix(100)).\(random).tmp"
      let token = InterruptCleanup.register(file: candidate)
      let opened = open(
        candidate, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, permissions)
      if opened >= 0 {
        descriptor = opened
        temporary = candidate
        cleanup = token
        return
      }
      let error = errno
      InterruptCleanup.unregister(token)
      guard error == EEXIST else {
        let folder = directory.isEmpty ? "." : String(directory.dropLast())
        throw AtomicFileError(
          path: path,
          reason: "cannot create a file in \(MessageText.inline(folder)): "
            + String(cString: strerror(error)))
      }
    }
    throw AtomicFileError(path: path, reason: "cannot find a free temporary file name")
  }

  /// Gives the new file the replaced file's permissions, owner and group.
  private func keep(mode: mode_t, owner: uid_t, group: gid_t) throws(AtomicFileError) {
    var info = stat()
    guard fstat(descriptor, &info) == 0 else { throw AtomicFileError(path: path, errno: errno) }
    if info.st_uid != owner || info.st_gid != group {
      guard fchown(descriptor, owner, group) == 0 else {
        throw AtomicFileError(
          path: path,
          reason: "cannot keep its owner and group (\(owner):\(group)): "
            + String(cString: strerror(errno)) + "; it was left unchanged")
      }
    }
    guard fchmod(descriptor, mode) == 0 else { throw AtomicFileError(path: path, errno: errno) }
  }

  private func closeDescriptor() throws(AtomicFileError) {
    let result = close(descriptor)
    descriptor = -1
    guard result == 0 else { throw AtomicFileError(path: path, errno: errno) }
  }

  /// Flushes the directory entry of the rename; a failure here loses nothing already written.
  private func syncDirectory(of path: String) {
    let directory = path.lastIndex(of: "/").map { String(path[...$0]) } ?? "."
    let folder = open(directory, O_RDONLY | O_CLOEXEC)
    if folder >= 0 {
      _ = fsync(folder)
      close(folder)
    }
  }
}

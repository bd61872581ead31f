#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What a write to a path will do, decided by looking at what is there first.
///
/// - nothing: a new regular file is created (its directory must exist);
/// - a regular file: it is replaced atomically, keeping its mode, owner and group; a file this
///   user may not write (for root: a file with no write bit at all) is refused;
/// - a symbolic link: the same rules apply to its final target, which is replaced while the link
///   stays a link; a link whose target does not exist is refused (it may point anywhere, and
///   creating files through it is how a planted link redirects a write);
/// - a character device or a FIFO (`/dev/null`, `/dev/stdout`, a named pipe): written through,
///   never replaced;
/// - a directory, a socket or a block device: refused.
enum FileDestination: Equatable {
  /// Create a new regular file at `path`, with the permissions the umask allows.
  case create(path: String)
  /// Replace the regular file at `path` (a symlink's final target), keeping its metadata.
  case replace(path: String, mode: mode_t, owner: uid_t, group: gid_t)
  /// Open `path` for writing and write through it: a character device or a FIFO.
  case stream(path: String)

  /// The file that is created, replaced or written.
  var path: String {
    switch self {
    case .create(let path), .replace(let path, _, _, _), .stream(let path): path
    }
  }

  /// Decides what writing to `path` will do.
  ///
  /// - Parameter named: the path as the user gave it, for messages.
  /// - Throws: ``AtomicFileError`` with a sentence when the path cannot or must not be written.
  static func resolve(_ path: String) throws(AtomicFileError) -> FileDestination {
    guard !path.isEmpty else { throw AtomicFileError(path: path, reason: "the path is empty") }
    let target = try finalTarget(of: path)
    var info = stat()
    guard lstat(target, &info) == 0 else {
      let error = errno
      guard error == ENOENT else { throw AtomicFileError(path: path, errno: error) }
      if target != path {
        throw AtomicFileError(
          path: path,
          reason: "it is a symbolic link to \(MessageText.inline(target)), which does not exist; "
            + "create the target or remove the link")
      }
      return .create(path: path)
    }
    switch info.st_mode & S_IFMT {
    case S_IFREG:
      guard isWritable(target, info) else {
        throw AtomicFileError(
          path: path,
          reason: "the file is read-only (mode \(octal(info.st_mode & 0o7777))); it was left "
            + "unchanged")
      }
      return .replace(
        path: target, mode: info.st_mode & 0o7777, owner: info.st_uid, group: info.st_gid)
    case S_IFCHR, S_IFIFO:
      return .stream(path: target)
    case S_IFDIR:
      throw AtomicFileError(path: path, reason: "it is a directory, not a file")
    case S_IFSOCK:
      throw AtomicFileError(path: path, reason: "it is a socket, not a file")
    case S_IFBLK:
      throw AtomicFileError(path: path, reason: "it is a block device, which ewa never writes")
    default:
      throw AtomicFileError(path: path, reason: "it is not a regular file")
    }
  }

  /// Follows symbolic links from `path` to the path of the first thing that is not a link (or
  /// does not exist); relative links resolve against the link's own directory.
  static func finalTarget(of path: String) throws(AtomicFileError) -> String {
    var current = path
    for _ in 0..<40 {
      var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
      let length = readlink(current, &buffer, buffer.count - 1)
      guard length >= 0 else { return current }
      let link = String(
        decoding: buffer[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
      if link.hasPrefix("/") {
        current = link
      } else if let slash = current.lastIndex(of: "/") {
        current = String(current[...slash]) + link
      } else {
        current = link
      }
    }
    throw AtomicFileError(path: path, reason: "too many levels of symbolic links")
  }

  /// Whether this user may write the regular file `path`. Root may write anything, so for root
  /// a file without any write bit counts as read-only: someone made it so on purpose.
  static func isWritable(_ path: String, _ info: stat) -> Bool {
    if geteuid() == 0 { return info.st_mode & 0o222 != 0 }
    return access(path, W_OK) == 0
  }

  /// `mode` as an octal number with a leading zero (`0600`).
  static func octal(_ mode: mode_t) -> String {
    let digits = String(mode, radix: 8)
    return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
  }
}

import Foundation

/// A new, empty folder of its own for one test, removed with everything in it by ``remove()``.
///
/// ```
/// let folder = try TemporaryFolder()
/// defer { folder.remove() }
/// try Data().write(to: folder.url.appendingPathComponent("x.csv"))
/// ```
/// The session folder's location for the exit handler (a C function pointer captures nothing).
nonisolated(unsafe) private var sessionURL: URL?

public struct TemporaryFolder: Sendable {
  /// The folder (under the system's temporary directory, named with `prefix` and a UUID).
  public let url: URL

  /// Creates the folder.
  public init(prefix: String = "ewa-tests") throws {
    url = FileManager.default.temporaryDirectory
      .appendingPathComponent("\(prefix)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  /// Creates the folder `name` in the system's temporary directory, emptied first.
  private init(exactly name: String) throws {
    url = FileManager.default.temporaryDirectory.appendingPathComponent(name)
    Self.remove(url)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  /// The folder's path.
  public var path: String { url.path }

  /// A path inside the folder.
  public func file(_ name: String) -> URL { url.appendingPathComponent(name) }

  /// Removes the folder and what it holds.
  public func remove() { Self.remove(url) }

  /// Removes the folder at `url` and what it holds, as ``remove()`` does: folders inside it that
  /// a test made read-only are made writable first (only real folders, never through a link, so
  /// that nothing outside is touched).
  public static func remove(_ url: URL) {
    if let names = FileManager.default.enumerator(atPath: url.path) {
      for case let name as String in names {
        let path = url.appendingPathComponent(name).path
        var status = stat()
        if lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFDIR {
          chmod(path, 0o700)
        }
      }
    }
    try? FileManager.default.removeItem(at: url)
  }

  /// A folder for the whole test run, removed when the process exits: ``temporaryPath(_:)``
  /// names files in it for tests that write a file or two and do not clean up themselves.
  public static let session: TemporaryFolder = {
    // A short name: messages shorten paths longer than 80 characters, and tests compare them.
    let folder = try! TemporaryFolder(exactly: "ewa-s\(getpid())")
    sessionURL = folder.url
    atexit { if let url = sessionURL { TemporaryFolder.remove(url) } }
    return folder
  }()

  /// A unique path for a file called `name` (its suffix kept) in ``session``.
  public static func temporaryPath(_ name: String) -> String {
    session.file("\(UUID().uuidString)-\(name)").path
  }

  /// Runs `body` with a new folder and removes the folder afterwards, whatever `body` does.
  public static func with<Result>(
    prefix: String = "ewa-tests", _ body: (URL) throws -> Result
  ) throws -> Result {
    let folder = try TemporaryFolder(prefix: prefix)
    defer { folder.remove() }
    return try body(folder.url)
  }
}

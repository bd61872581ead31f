#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Which file a path names, so that two spellings of one file (`d.csv`, `./d.csv`,
/// `dir/../d.csv`, a symbolic link, a hard link) compare equal.
///
/// An existing file is its device and inode; a file not created yet is its absolute path with
/// symbolic links and `..` resolved (a dangling link names its target).
public enum FileIdentity: Hashable, Sendable {
  case inode(device: UInt64, inode: UInt64)
  case path(String)

  /// The identity of what `path` names.
  public init(_ path: String) {
    var info = stat()
    if stat(path, &info) == 0 {
      self = .inode(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
      return
    }
    let target = (try? FileDestination.finalTarget(of: path)) ?? path
    self = .path(Self.resolved(target))
  }

  /// `path` made absolute, with its folder's links and `..` resolved by the system when the
  /// folder exists, and lexically otherwise.
  static func resolved(_ path: String) -> String {
    var absolute = path
    if !path.hasPrefix("/") {
      var cwd = "."
      if let current = getcwd(nil, 0) {
        cwd = String(cString: current)
        free(current)
      }
      absolute = cwd + "/" + path
    }
    let slash = absolute.lastIndex(of: "/")!
    let folder = slash == absolute.startIndex ? "/" : String(absolute[..<slash])
    let name = String(absolute[absolute.index(after: slash)...])
    if name != "..", name != ".", let real = realpath(folder, nil) {
      defer { free(real) }
      let base = String(cString: real)
      return (base == "/" ? "" : base) + "/" + name
    }
    var parts: [Substring] = []
    for part in absolute.split(separator: "/") {
      switch part {
      case ".": continue
      case "..": _ = parts.popLast()
      default: parts.append(part)
      }
    }
    return "/" + parts.joined(separator: "/")
  }
}

/// Two paths of one run that name the same file, where one of them is written: the output would
/// destroy the input (or the other output) before it is used.
public struct PathConflict: CategorizedError, Equatable {
  /// A path with the role it plays in the run, for the message (`--history`, `the input file`).
  public struct Role: Equatable, Sendable {
    public let name: String
    public let path: String
    public let isOutput: Bool

    public init(_ name: String, _ path: String, isOutput: Bool) {
      self.name = name
      self.path = path
      self.isOutput = isOutput
    }
  }

  public let output: Role
  public let other: Role
  public var kind: FailureKind { .usage }

  public var description: String {
    let verb = other.isOutput ? "is also written as" : "is read as"
    return "\(output.name) \(MessageText.inline(output.path)) \(verb) \(other.name) "
      + "\(MessageText.inline(other.path)); they name the same file, so writing one would "
      + "destroy the other: give \(output.name) a path of its own"
  }

  /// Fails on the first output whose file is also another role's (input or output) of the run;
  /// standard input and output (`-`) and character devices (`/dev/null` twice destroys
  /// nothing) are skipped.
  public static func check(_ roles: [Role]) throws(PathConflict) {
    let named = roles.filter { role in
      var info = stat()
      let isDevice = stat(role.path, &info) == 0 && info.st_mode & S_IFMT == S_IFCHR
      return role.path != "-" && !role.path.isEmpty && !isDevice
    }
    let identities = named.map { FileIdentity($0.path) }
    for (i, role) in named.enumerated() where role.isOutput {
      for (j, other) in named.enumerated() where j != i && identities[j] == identities[i] {
        if other.isOutput && j < i { continue }
        throw PathConflict(output: role, other: other)
      }
    }
  }
}

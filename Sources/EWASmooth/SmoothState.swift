import EWA
import EWAIO
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The saved state of a smoothing run (`--state FILE`), so that smoothing two files one after the
/// other gives the rows of smoothing them concatenated.
///
/// The file is versioned JSON with one group per line, written by ``SmoothStateWriter`` and read
/// back by ``SmoothStateReader`` in one pass each, without building a tree of the document
/// (a million groups cost about as much to save and load as to smooth). Every number reads back
/// bit for bit. See ``SmoothStateWriter`` for the layout. A state file is untrusted input: every
/// field is checked on load, and a bad one is named (`groups.3.columns.0.tracks.1.count`).
public struct SmoothState: Equatable, Sendable {
  /// The format version this build reads and writes (version 1 was one pretty-printed document;
  /// version 2 did not record each group's number of rows, which ``combined(with:)`` needs).
  public static let formatVersion = 3
  /// The largest observation count accepted in a state file: far above any real run, and far
  /// enough below `Int.max` that counting on cannot overflow.
  public static let countLimit = 1 << 53

  /// One group's key (nil without `--group-by`) and state.
  public struct Group: Equatable, Sendable {
    /// The bytes of the group-by cell, exactly as read (they need not be UTF-8).
    public var key: [UInt8]?
    public var state: GroupState

    public init(key: [UInt8]?, state: GroupState) {
      self.key = key
      self.state = state
    }
  }

  public var version = SmoothState.formatVersion
  /// The smoothed columns' names.
  public var columns: [String]
  public var decays: [DecaySpec]
  public var initial: SmoothOptions.Initial
  public var ignoreMissing: Bool
  public var standardDeviation: Bool
  public var groupBy: String?
  public var time: String?
  public var groups: [Group]

  /// Reads a state file.
  ///
  /// - Returns: nil if `path` does not exist (a first run).
  /// - Throws: ``SmoothError/cannotOpen(path:reason:)`` for a file that cannot be read,
  ///   ``SmoothError/stateCorrupt(path:reason:)`` naming the bad field, or
  ///   ``SmoothError/stateVersion(path:found:expected:)``.
  public static func load(path: String) throws(SmoothError) -> SmoothState? {
    let bytes: [UInt8]?
    do {
      bytes = try file.bytes(at: path)
    } catch {
      switch error {
      case .cannotOpen(let path, let reason): throw .io(.cannotOpen(path: path, reason: reason))
      case .readFailed(let path, let reason): throw .io(.readFailed(name: path, reason: reason))
      case .tooLarge(_, _, let limit):
        throw .stateCorrupt(
          path: path, reason: "it is larger than the \(limit >> 20) MiB ewa reads")
      case .version(_, _, let found, let expected, _):
        throw .stateVersion(path: path, found: found, expected: expected)
      }
    }
    guard let bytes else { return nil }
    return try decode(bytes, path: path)
  }

  /// The options the state was saved with (its columns chosen by name), as far as the file
  /// records them: enough to resume it or to combine it, not the output's formatting.
  public var options: SmoothOptions {
    var options = SmoothOptions(decays: decays)
    options.columns = columns
    options.initial = initial
    options.ignoreMissing = ignoreMissing
    options.standardDeviation = standardDeviation
    options.groupBy = groupBy
    options.time = time
    return options
  }

  /// Reads a state file that must exist (`--state-in`, `ewa state`).
  ///
  /// - Throws: as ``load(path:)``, and ``SmoothError/io(_:)`` `cannotOpen` for a missing file.
  public static func loadExisting(path: String) throws(SmoothError) -> SmoothState {
    guard let state = try load(path: path) else {
      throw .io(.cannotOpen(path: path, reason: IOError.reason(ENOENT)))
    }
    return state
  }

  /// A state file as a versioned file: its format name and version, and the largest read (4 GiB,
  /// some ten million groups of a few columns).
  public static let file = VersionedFile(
    noun: "state file", format: "ewa-smooth-state", version: formatVersion,
    maximumBytes: 4 << 30,
    versionAdvice: "start again without the file, or use the ewa that wrote it")

  /// Decodes the bytes of a state file.
  ///
  /// - Parameter path: the file's name in messages.
  /// - Throws: as ``load(path:)``.
  public static func decode(_ bytes: [UInt8], path: String) throws(SmoothError) -> SmoothState {
    try SmoothStateReader.decode(bytes, path: path)
  }

  /// The bytes of the state file.
  public var encoded: [UInt8] { SmoothStateWriter.encode(self) }

  /// Writes the state atomically.
  public func save(path: String) throws(AtomicFileError) {
    try AtomicFile.write(Data(encoded), to: path)
  }

  /// Checks that a saved state was made by the same request as `self`.
  ///
  /// - Throws: ``SmoothError/stateMismatch(path:what:saved:requested:)`` naming the difference.
  public func checkResumable(from saved: SmoothState, path: String) throws(SmoothError) {
    func check(_ what: String, _ old: String, _ new: String) throws(SmoothError) {
      if old != new {
        throw .stateMismatch(
          path: path, what: what, saved: MessageText.quoted(old), requested: MessageText.quoted(new)
        )
      }
    }
    try check("columns", saved.columns.joined(separator: ","), columns.joined(separator: ","))
    try check(
      "decays", saved.decays.map(\.suffix).joined(separator: ","),
      decays.map(\.suffix).joined(separator: ","))
    if saved.decays != decays {
      throw .stateMismatch(path: path, what: "decays", saved: "other values", requested: "these")
    }
    try check("--init", saved.initial.rawValue, initial.rawValue)
    try check("--ignore-na", "\(saved.ignoreMissing)", "\(ignoreMissing)")
    try check("--std", "\(saved.standardDeviation)", "\(standardDeviation)")
    try check("--group-by", saved.groupBy ?? "(none)", groupBy ?? "(none)")
    try check("--time", saved.time ?? "(none)", time ?? "(none)")
  }
}

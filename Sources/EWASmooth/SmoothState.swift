import EWA
import Foundation

/// The saved state of a smoothing run (`--state FILE`): versioned JSON, so that smoothing two files
/// one after the other gives the rows of smoothing them concatenated.
public struct SmoothState: Codable, Equatable, Sendable {
  /// The format version this build reads and writes.
  public static let formatVersion = 1

  /// One group's key (nil without `--group-by`) and state.
  public struct Group: Codable, Equatable, Sendable {
    public var key: String?
    public var state: GroupState
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
  /// - Throws: ``SmoothError/stateCorrupt(path:reason:)`` or
  ///   ``SmoothError/stateVersion(path:found:expected:)``.
  public static func load(path: String) throws(SmoothError) -> SmoothState? {
    guard FileManager.default.fileExists(atPath: path) else { return nil }
    guard let data = FileManager.default.contents(atPath: path) else {
      throw .cannotOpen(path: path, reason: "it cannot be read")
    }
    struct Versioned: Decodable { var version: Int }
    let decoder = JSONDecoder()
    guard let versioned = try? decoder.decode(Versioned.self, from: data) else {
      throw .stateCorrupt(path: path, reason: "it is not JSON with a \"version\" number")
    }
    guard versioned.version == formatVersion else {
      throw .stateVersion(path: path, found: versioned.version, expected: formatVersion)
    }
    do {
      return try decoder.decode(SmoothState.self, from: data)
    } catch {
      throw .stateCorrupt(path: path, reason: Self.reason(error))
    }
  }

  private static func reason(_ error: Error) -> String {
    switch error as? DecodingError {
    case .keyNotFound(let key, _): "the field \"\(key.stringValue)\" is missing"
    case .typeMismatch(_, let context), .valueNotFound(_, let context),
      .dataCorrupted(let context):
      "the field \"\(context.codingPath.map(\.stringValue).joined(separator: "."))\" is malformed"
    default: "it cannot be decoded"
    }
  }

  /// Writes the state atomically, as pretty-printed JSON with sorted keys.
  public func save(path: String) throws(AtomicFileError) {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    let data = (try? encoder.encode(self)) ?? Data()
    try AtomicFile.write(data, to: path)
  }

  /// Checks that a saved state was made by the same request as `self`.
  ///
  /// - Throws: ``SmoothError/stateMismatch(path:what:saved:requested:)`` naming the difference.
  public func checkResumable(from saved: SmoothState, path: String) throws(SmoothError) {
    func check(_ what: String, _ old: String, _ new: String) throws(SmoothError) {
      if old != new { throw .stateMismatch(path: path, what: what, saved: old, requested: new) }
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

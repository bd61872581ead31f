import EWA
import Foundation

/// Everything needed to continue a training run exactly: the network, its configuration, the
/// parameters, the optimizer with every averager, the generator and the position (epoch and step,
/// which is also the schedule's position). Saved as versioned JSON.
public struct Checkpoint: Codable, Equatable, Sendable {
  /// The format version this code writes and reads.
  public static let currentVersion = 1

  public var version: Int = Checkpoint.currentVersion
  public var network: DenseNetwork
  public var configuration: TrainingConfiguration
  /// A fingerprint of the training data, so a checkpoint is not resumed on other data.
  public var dataFingerprint: String
  public var parameters: [Double]
  public var optimizer: SavedOptimizer
  public var generator: SeededGenerator
  /// Epochs completed.
  public var epoch: Int
  /// Steps (mini-batches) completed.
  public var step: Int

  /// Writes the checkpoint as JSON, atomically.
  ///
  /// - Throws: ``AtomicFileError`` when the file cannot be written, ``TrainingError`` when a value
  ///   cannot be represented in JSON.
  public func save(to path: String) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let data: Data
    do { data = try encoder.encode(self) } catch {
      throw TrainingError.data("the checkpoint cannot be encoded for \(path): \(error).")
    }
    try AtomicFile.write(data, to: path)
  }

  /// Reads a checkpoint.
  ///
  /// - Throws: ``TrainingError`` (data) when the file is unreadable, corrupt, or of another version.
  public static func load(from path: String) throws(TrainingError) -> Checkpoint {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw TrainingError(kind: .input, message: "cannot read checkpoint \(path).")
    }
    struct Version: Decodable { let version: Int }
    guard let version = try? JSONDecoder().decode(Version.self, from: data) else {
      throw .data("checkpoint \(path) is corrupt: it is not a JSON object with a version.")
    }
    guard version.version == currentVersion else {
      throw .data(
        "checkpoint \(path) has format version \(version.version); this ewa reads version \(currentVersion)."
      )
    }
    do {
      return try JSONDecoder().decode(Checkpoint.self, from: data)
    } catch {
      throw .data("checkpoint \(path) is corrupt: \(Self.describe(error))")
    }
  }

  private static func describe(_ error: Error) -> String {
    switch error as? DecodingError {
    case .keyNotFound(let key, let c)?:
      return "missing \"\(key.stringValue)\" at \(path(c.codingPath))."
    case .typeMismatch(_, let c)?, .valueNotFound(_, let c)?, .dataCorrupted(let c)?:
      return "bad value at \(path(c.codingPath)) (\(c.debugDescription))."
    default:
      return "\(error)."
    }
  }

  private static func path(_ keys: [CodingKey]) -> String {
    keys.isEmpty
      ? "the top level"
      : keys.map { $0.intValue.map(String.init) ?? $0.stringValue }
        .joined(separator: ".")
  }
}

import EWA
import EWAIO
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
  /// The mean cost of the last epoch run (nil in checkpoints written before it was saved), so
  /// that resuming a run with no epochs left reports the cost it ended with.
  public var finalCost: Double?

  public init(
    network: DenseNetwork, configuration: TrainingConfiguration, dataFingerprint: String,
    parameters: [Double], optimizer: SavedOptimizer, generator: SeededGenerator, epoch: Int,
    step: Int, finalCost: Double? = nil
  ) {
    self.network = network
    self.configuration = configuration
    self.dataFingerprint = dataFingerprint
    self.parameters = parameters
    self.optimizer = optimizer
    self.generator = generator
    self.epoch = epoch
    self.step = step
    self.finalCost = finalCost
  }

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

  /// Reads a checkpoint and checks every field (see ``validate()``).
  ///
  /// - Throws: ``TrainingError`` (input) when the file cannot be read, (data) when it is corrupt,
  ///   of another version, or has a field out of range, naming the field.
  public static func load(from path: String) throws(TrainingError) -> Checkpoint {
    let name = MessageText.inline(path)
    let bytes: [UInt8]?
    do {
      bytes = try file.bytes(at: path)
    } catch .tooLarge {
      throw .data("checkpoint \(name) is larger than the \(file.maximumBytes >> 20) MiB ewa reads.")
    } catch {
      bytes = nil
    }
    guard let bytes else {
      throw TrainingError(kind: .input, message: "cannot read checkpoint \(name).")
    }
    return try decode(Data(bytes), name: name)
  }

  /// A checkpoint as a versioned file: no format name (the version is its header), and the
  /// largest read: the parameters of the largest network and three moments each, 40 bytes a
  /// number, and 1 MiB for the rest.
  public static let file = VersionedFile(
    noun: "checkpoint", format: nil, version: currentVersion,
    maximumBytes: DenseNetwork.maximumParameters * 4 * 40 + (1 << 20))

  /// Decodes and checks the bytes of a checkpoint.
  ///
  /// - Parameter name: the file's name in messages.
  /// - Throws: ``TrainingError`` (data), as ``load(from:)``.
  public static func decode(_ data: Data, name: String) throws(TrainingError) -> Checkpoint {
    struct Version: Decodable { let version: Int }
    guard let version = try? JSONDecoder().decode(Version.self, from: data) else {
      throw .data("checkpoint \(name) is corrupt: it is not a JSON object with a version.")
    }
    do {
      try file.check(version: version.version, path: name)
    } catch {
      throw .data(error.description + ".")
    }
    let checkpoint: Checkpoint
    do {
      checkpoint = try JSONDecoder().decode(Checkpoint.self, from: data)
    } catch {
      throw .data("checkpoint \(name) is corrupt: \(Self.describe(error))")
    }
    do {
      try checkpoint.validate()
    } catch {
      throw .data("checkpoint \(name): \(error.field): \(error.message).")
    }
    return checkpoint
  }

  private static func describe(_ error: Error) -> String {
    switch error as? DecodingError {
    case .keyNotFound(let key, let c)?:
      return "missing \(MessageText.quoted(key.stringValue)) at \(path(c.codingPath))."
    case .typeMismatch(_, let c)?, .valueNotFound(_, let c)?, .dataCorrupted(let c)?:
      return "bad value at \(path(c.codingPath)) (\(MessageText.inline(c.debugDescription)))."
    default:
      return "\(MessageText.inline("\(error)"))."
    }
  }

  /// A coding path as `optimizer.adam.moments.second.corrected.3` (without the `_0` of an
  /// enumeration's payload).
  private static func path(_ keys: [CodingKey]) -> String {
    let names = keys.map { $0.intValue.map(String.init) ?? $0.stringValue }.filter { $0 != "_0" }
    return names.isEmpty ? "the top level" : MessageText.inline(names.joined(separator: "."))
  }
}

import EWATestSupport
import Foundation

extension EWABinary {
  /// Where a run's standard output goes.
  enum Output {
    /// A file (`/dev/full`, `/dev/null`, a regular file).
    case file(String)
    /// Closed before `ewa` starts (`>&-`).
    case closed
    /// A pipe whose reader has already gone (`| head` after head exited).
    case pipeWithoutReader

    var processOutput: ProcessRun.Output {
      switch self {
      case .file(let path): .file(path)
      case .closed: .closed
      case .pipeWithoutReader: .pipeWithoutReader
      }
    }
  }

  /// Runs `ewa` with standard output sent to `output`, and returns its exit status and what it
  /// wrote on standard error.
  static func run(
    _ arguments: [String], in directory: URL, output: Output, path: String? = nil
  ) throws -> (status: Int32, stderr: String) {
    let run = try runCapturingBytes(arguments, in: directory, output: output, path: path)
    return (run.status, String(decoding: run.stderr, as: UTF8.self))
  }

  /// As ``run(_:in:output:path:)``, with standard error as raw bytes.
  static func runCapturingBytes(
    _ arguments: [String], in directory: URL, output: Output = .file("/dev/null"),
    path: String? = nil
  ) throws -> (status: Int32, stderr: Data) {
    let run = try ProcessRun(
      arguments, in: directory, output: output.processOutput,
      environment: path.map { ["PATH": $0] } ?? [:]
    ).run()
    return (run.status, run.stderr)
  }

  /// The names in `directory`, hidden ones (temporary files) included, sorted.
  static func names(in directory: URL) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).sorted()
  }

  /// A small labelled CSV dataset with two features.
  static let tinyDataset = "a,b,label\n0,0,0\n1,1,1\n0,1,0\n1,0,1\n0.2,0.1,0\n0.9,0.8,1\n"
}

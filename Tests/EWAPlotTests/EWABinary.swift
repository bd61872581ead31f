import EWATestSupport
import Foundation

/// Runs the built `ewa` executable (found beside the test bundle by ``PackagePaths/ewa``) and
/// collects what it printed.
struct EWABinary {
  /// The package root.
  static let packageRoot = PackagePaths.root

  static let path = PackagePaths.ewa.path

  /// What a run printed and how it ended.
  struct Result {
    let status: Int32
    let stdout: Data
    let stderr: String
    var text: String { String(decoding: stdout, as: UTF8.self) }
  }

  /// Runs `ewa` with `arguments` in `directory`, with standard input `input`, and `PATH` replaced
  /// by `path` when given.
  static func run(
    _ arguments: [String], in directory: URL, input: String = "", path: String? = nil
  ) throws -> Result {
    let run = try ProcessRun(
      arguments, in: directory, input: .pipe(Data(input.utf8)),
      environment: path.map { ["PATH": $0] } ?? [:]
    ).run()
    return Result(status: run.status, stdout: run.stdout, stderr: run.stderrText)
  }

  /// A new empty directory for one test.
  static func temporaryDirectory() throws -> URL {
    try TemporaryFolder(prefix: "ewa-plot-tests").url
  }

  /// The shipped temperature log.
  static let seattle = packageRoot.appendingPathComponent("data/seattle-weather.csv").path

  /// Whether `gnuplot` is on `PATH`, for the tests that render.
  static let gnuplotIsAvailable: Bool = (ProcessInfo.processInfo.environment["PATH"] ?? "")
    .split(separator: ":")
    .contains { FileManager.default.isExecutableFile(atPath: "\($0)/gnuplot") }
}

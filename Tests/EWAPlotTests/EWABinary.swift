import Foundation

/// Runs the built `ewa` executable (`.build/debug/ewa`, built first because the test target
/// depends on it) and collects what it printed.
struct EWABinary {
  /// The package root, found from this file's path.
  static let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  static let path = packageRoot.appendingPathComponent(".build/debug/ewa").path

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
    let process = Process()
    process.executableURL = URL(fileURLWithPath: Self.path)
    process.arguments = arguments
    process.currentDirectoryURL = directory
    var environment = ProcessInfo.processInfo.environment
    if let path { environment["PATH"] = path }
    process.environment = environment
    let stdoutFile = directory.appendingPathComponent(".stdout")
    let stderrFile = directory.appendingPathComponent(".stderr")
    _ = FileManager.default.createFile(atPath: stdoutFile.path, contents: nil)
    _ = FileManager.default.createFile(atPath: stderrFile.path, contents: nil)
    let stdin = Pipe()
    process.standardInput = stdin
    process.standardOutput = try FileHandle(forWritingTo: stdoutFile)
    process.standardError = try FileHandle(forWritingTo: stderrFile)
    try process.run()
    try stdin.fileHandleForWriting.write(contentsOf: Data(input.utf8))
    try stdin.fileHandleForWriting.close()
    process.waitUntilExit()
    defer {
      try? FileManager.default.removeItem(at: stdoutFile)
      try? FileManager.default.removeItem(at: stderrFile)
    }
    return Result(
      status: process.terminationStatus, stdout: try Data(contentsOf: stdoutFile),
      stderr: try String(contentsOf: stderrFile, encoding: .utf8))
  }

  /// A new empty directory for one test.
  static func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("ewa-plot-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  /// The shipped temperature log.
  static let seattle = packageRoot.appendingPathComponent("data/seattle-weather.csv").path

  /// Whether `gnuplot` is on `PATH`, for the tests that render.
  static let gnuplotIsAvailable: Bool = (ProcessInfo.processInfo.environment["PATH"] ?? "")
    .split(separator: ":")
    .contains { FileManager.default.isExecutableFile(atPath: "\($0)/gnuplot") }
}

import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension EWABinary {
  /// Where a run's standard output goes.
  enum Output {
    /// A file (`/dev/full`, `/dev/null`, a regular file).
    case file(String)
    /// Closed before `ewa` starts (`>&-`).
    case closed
    /// A pipe whose reader has already gone (`| head` after head exited).
    case pipeWithoutReader
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
    let process = Process()
    var environment = ProcessInfo.processInfo.environment
    if let path { environment["PATH"] = path }
    process.environment = environment
    process.currentDirectoryURL = directory
    process.standardInput = FileHandle.nullDevice
    switch output {
    case .file(let file):
      process.executableURL = URL(fileURLWithPath: Self.path)
      process.arguments = arguments
      process.standardOutput = FileHandle(forWritingAtPath: file)
    case .closed:
      process.executableURL = URL(fileURLWithPath: "/bin/sh")
      process.arguments = ["-c", "exec \"$0\" \"$@\" >&-", Self.path] + arguments
    case .pipeWithoutReader:
      let pipe = Pipe()
      try pipe.fileHandleForReading.close()
      process.executableURL = URL(fileURLWithPath: Self.path)
      process.arguments = arguments
      process.standardOutput = pipe
    }
    let stderrFile = directory.appendingPathComponent(".stderr-\(UUID().uuidString)")
    _ = FileManager.default.createFile(atPath: stderrFile.path, contents: nil)
    defer { try? FileManager.default.removeItem(at: stderrFile) }
    process.standardError = try FileHandle(forWritingTo: stderrFile)
    try process.run()
    process.waitUntilExit()
    return (process.terminationStatus, try Data(contentsOf: stderrFile))
  }

  /// The names in `directory`, hidden ones (temporary files) included, sorted.
  static func names(in directory: URL) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).sorted()
  }

  /// A small labelled CSV dataset with two features.
  static let tinyDataset = "a,b,label\n0,0,0\n1,1,1\n0,1,0\n1,0,1\n0.2,0.1,0\n0.9,0.8,1\n"
}

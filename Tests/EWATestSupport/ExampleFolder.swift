import Foundation

/// A scratch folder for running a document's examples as a reader would: empty but for links to
/// the repository's folders the examples read (`data`, `Guides`), so that what an example writes
/// lands here and never in the repository. Removed with what it holds by ``remove()``.
public struct ExampleFolder: Sendable {
  private let folder: TemporaryFolder

  /// Creates the folder with a link to each of `names`, folders of the package root.
  public init(linking names: [String]) throws {
    folder = try TemporaryFolder(prefix: "ewa-example")
    for name in names {
      try FileManager.default.createSymbolicLink(
        at: folder.file(name), withDestinationURL: PackagePaths.file(name))
    }
  }

  public var url: URL { folder.url }

  /// Runs `script` with `/bin/sh -c` here (with `-e`, stopping at the first failing command,
  /// when `stoppingAtAFailure`), the built `ewa` first on `PATH`, standard output captured.
  public func run(
    _ script: String, stoppingAtAFailure: Bool = false, timeout: Double = 300
  ) throws -> ProcessRun.Result {
    let bin = PackagePaths.ewa.deletingLastPathComponent().path
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    return try ProcessRun(
      (stoppingAtAFailure ? ["-e"] : []) + ["-c", script],
      executable: URL(fileURLWithPath: "/bin/sh"), in: url, output: .captured,
      error: .captured, environment: ["PATH": bin + ":" + path], timeout: timeout
    ).run()
  }

  public func remove() { folder.remove() }
}

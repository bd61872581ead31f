import Foundation

/// Where the package's files and the `ewa` executable SwiftPM built are, for every test bundle.
public enum PackagePaths {
  /// The package root, found from this file's path (`Tests/EWATestSupport/PackagePaths.swift`).
  public static let root: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// A file or folder below the package root, e.g. `Tests/Fixtures/smooth/x.csv`.
  public static func file(_ relativePath: String) -> URL {
    root.appendingPathComponent(relativePath)
  }

  /// The `ewa` executable built beside the running test bundle.
  ///
  /// A test target that depends on the `ewa` target has it built into the same folder as the test
  /// bundle (`.build/<triple>/<configuration>/`), whatever the configuration (`swift test -c
  /// release`) or scratch path (`--scratch-path`), so the path is derived from the bundle's own
  /// location: the folder of the running executable, and its parents for a bundle inside
  /// `.xctest/Contents/MacOS`. `EWA_TEST_BINARY` names another binary.
  public static let ewa: URL = {
    if let named = ProcessInfo.processInfo.environment["EWA_TEST_BINARY"], !named.isEmpty {
      return URL(fileURLWithPath: named)
    }
    let starts =
      [Bundle.main.executableURL, Bundle.main.bundleURL]
      + Bundle.allBundles.map(\.bundleURL)
    for start in starts.compactMap({ $0?.resolvingSymlinksInPath() }) {
      var directory = start.deletingLastPathComponent()
      for _ in 0..<4 {
        let candidate = directory.appendingPathComponent("ewa")
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory),
          !isDirectory.boolValue, FileManager.default.isExecutableFile(atPath: candidate.path)
        {
          return candidate
        }
        directory = directory.deletingLastPathComponent()
      }
    }
    fatalError("the built ewa executable is not beside the test bundle (\(starts))")
  }()
}

import EWATestSupport
import Foundation
import Testing

/// `ewa demo` run from a folder outside the repository, without `--data-dir`: it finds the data
/// of the source tree it was built from and writes the gallery into the current directory.
@Suite struct DemoDataLookupTests {
  @Test func withoutDataDirTheDemoFindsItsDataFromAnyFolder() throws {
    let directory = try EWABinary.temporaryDirectory()
    defer { TemporaryFolder.remove(directory) }
    let result = try EWABinary.run(["demo", "--epochs", "5"], in: directory, path: "/nonexistent")
    #expect(result.status == 0, "\(result.stderr)")
    let made = try FileManager.default.contentsOfDirectory(
      atPath: directory.appendingPathComponent("plots").path)
    #expect(made.contains("seattle-temperature.gp"))
    #expect(made.contains("digits-history.gp"))
    #expect(result.text.contains("made \(DemoTests.names.count) figures in plots/ in "))
  }
}

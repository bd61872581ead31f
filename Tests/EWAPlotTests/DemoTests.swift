import EWATestSupport
import Foundation
import Testing

/// `ewa demo` end to end, with few epochs and without gnuplot: the scripts, the index, the
/// warning, and the same bytes on a second run.
@Suite struct DemoTests {
  static let names = [
    "seattle-temperature", "bias-correction", "moons-history", "moons-decay-history",
    "trajectory-bowl", "trajectory-rosenbrock", "boundary-gd", "boundary-adam", "schedules",
    "digits-history", "batch-size-iterations", "batch-size-seconds", "momentum-beta", "plateau",
  ]
  /// The figure drawn from wall-clock seconds measured while the demo runs: its script and its
  /// caption in the index differ from run to run.
  static let measured = "batch-size-seconds"

  func demo(into folder: String, in directory: URL) throws -> EWABinary.Result {
    let data = EWABinary.packageRoot.appendingPathComponent("data").path
    return try EWABinary.run(
      ["demo", "--output-dir", folder, "--data-dir", data, "--epochs", "5"], in: directory,
      path: "/nonexistent")
  }

  @Test func withoutGnuplotTheDemoWritesEveryScriptWarnsOnceAndSucceeds() throws {
    let directory = try EWABinary.temporaryDirectory()
    defer { TemporaryFolder.remove(directory) }
    let result = try demo(into: "gallery", in: directory)
    #expect(result.status == 0)
    #expect(result.stderr.hasPrefix("ewa: warning: gnuplot is not installed"))
    #expect(result.stderr.contains("`apt-get install gnuplot-nox`"))
    #expect(result.stderr.filter { $0 == "\n" }.count == 1)
    let made = try FileManager.default.contentsOfDirectory(
      atPath: directory.appendingPathComponent("gallery").path)
    #expect(made.sorted() == (Self.names.map { $0 + ".gp" } + ["README.md"]).sorted())
    for name in Self.names { #expect(result.text.contains("gallery/\(name).gp")) }
    #expect(result.text.contains("made \(Self.names.count) figures in gallery/ in "))
    let index = try String(
      contentsOf: directory.appendingPathComponent("gallery/README.md"), encoding: .utf8)
    for name in Self.names { #expect(index.contains("![") && index.contains("(\(name).png)")) }
    let script = try String(
      contentsOf: directory.appendingPathComponent("gallery/moons-history.gp"), encoding: .utf8)
    #expect(script.contains("set output 'moons-history.png'\n"))
    #expect(script.contains("title 'adam, epoch'"))
  }

  @Test func regeneratingChangesNoByte() throws {
    let directory = try EWABinary.temporaryDirectory()
    defer { TemporaryFolder.remove(directory) }
    #expect(try demo(into: "one", in: directory).status == 0)
    #expect(try demo(into: "two", in: directory).status == 0)
    for name in Self.names.filter({ $0 != Self.measured }).map({ $0 + ".gp" }) {
      let one = try Data(contentsOf: directory.appendingPathComponent("one/\(name)"))
      let two = try Data(contentsOf: directory.appendingPathComponent("two/\(name)"))
      #expect(one == two, "\(name) differs between two runs")
    }
    // The index, but for the measured figure's caption (the one line that quotes the timings).
    let indexes = try ["one", "two"].map { folder in
      try String(
        contentsOf: directory.appendingPathComponent("\(folder)/README.md"), encoding: .utf8
      ).split(separator: "\n").filter { !$0.contains("measured when `ewa demo` ran") }
    }
    #expect(indexes[0] == indexes[1])
    #expect(indexes[0].count > 40)
  }

  @Test func missingDataExits66() throws {
    let directory = try EWABinary.temporaryDirectory()
    defer { TemporaryFolder.remove(directory) }
    let result = try EWABinary.run(
      ["demo", "--data-dir", "nowhere", "--epochs", "5"], in: directory, path: "/nonexistent")
    #expect(result.status == 66)
    #expect(
      result.stderr == "ewa: cannot open nowhere/seattle-weather.csv: No such file or directory\n")
  }

  @Test func anOutputFolderThatIsAFileExits74BeforeAnyWork() throws {
    let directory = try EWABinary.temporaryDirectory()
    defer { TemporaryFolder.remove(directory) }
    try "".write(to: directory.appendingPathComponent("taken"), atomically: true, encoding: .utf8)
    let result = try demo(into: "taken", in: directory)
    #expect(result.status == 74)
    #expect(result.stdout.isEmpty)
    #expect(result.stderr == "ewa: cannot create the folder taken: a file of that name exists\n")
  }
}

import EWATestSupport
import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// No output of a run names the same file as one of its inputs or another of its outputs,
/// whatever the spelling: refused with exit 64 and a sentence naming both, before anything is
/// written.
@Suite struct OutputNeverOverwritesInputTests {
  /// Spellings of `d.csv` in a folder holding `d.csv`, `sub/`, a symlink and a hard link to it.
  static let spellings = ["d.csv", "./d.csv", "sub/../d.csv", "link.csv", "hard.csv"]

  /// A folder with `d.csv` (a small labelled dataset, also a valid CSV for `smooth`), its links,
  /// and `sub/`.
  func folder(named name: String = "d.csv") throws -> URL {
    let directory = try EWABinary.temporaryDirectory()
    try EWABinary.tinyDataset.write(
      to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
    try FileManager.default.createDirectory(
      at: directory.appendingPathComponent("sub"), withIntermediateDirectories: true)
    #expect(symlink(name, directory.appendingPathComponent("link.csv").path) == 0)
    #expect(
      link(
        directory.appendingPathComponent(name).path,
        directory.appendingPathComponent("hard.csv").path) == 0)
    return directory
  }

  /// Runs `arguments` and checks the refusal: 64, one line naming `first` and `second`, the
  /// dataset unchanged.
  func expectRefused(
    _ arguments: [String], naming first: String, _ second: String, in directory: URL,
    file: String = "d.csv"
  ) throws {
    let run = try EWABinary.run(arguments, in: directory)
    #expect(run.status == 64, "\(arguments): \(run.stderr)")
    #expect(run.stderr.contains(first) && run.stderr.contains(second), "\(run.stderr)")
    #expect(run.stderr.contains("name the same file"))
    #expect(run.stderr.filter { $0 == "\n" }.count == 1)
    #expect(
      try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
        == EWABinary.tinyDataset)
  }

  @Test(arguments: spellings)
  func trainHistoryOverTheDataset(_ spelling: String) throws {
    let directory = try folder()
    defer { TemporaryFolder.remove(directory) }
    try expectRefused(
      ["train", "--dataset", "d.csv", "--label", "label", "--epochs", "2", "--history", spelling],
      naming: "--history", "--dataset", in: directory)
  }

  @Test(arguments: spellings)
  func trainSaveOverTheDataset(_ spelling: String) throws {
    let directory = try folder()
    defer { TemporaryFolder.remove(directory) }
    try expectRefused(
      ["train", "--dataset", "link.csv", "--label", "label", "--epochs", "2", "--save", spelling],
      naming: "--save", "--dataset", in: directory)
  }

  @Test func trainOutputsOverEachOtherAndOverTheResumedCheckpoint() throws {
    let directory = try folder()
    defer { TemporaryFolder.remove(directory) }
    try expectRefused(
      ["train", "--epochs", "2", "--history", "h.csv", "--save", "./h.csv"],
      naming: "--history", "--save", in: directory)
    try expectRefused(
      ["train", "--epochs", "2", "--history", "h.csv", "--save", "sub/../h-batches.csv"],
      naming: "--history's batch file", "--save", in: directory)
    #expect(
      link(
        directory.appendingPathComponent("d.csv").path,
        directory.appendingPathComponent("x-batches.csv").path) == 0)
    try expectRefused(
      ["train", "--epochs", "2", "--history", "x.csv", "--dataset", "d.csv", "--label", "label"],
      naming: "--history's batch file x-batches.csv", "--dataset d.csv", in: directory)
  }

  @Test(arguments: spellings)
  func compareHistoryOverTheDataset(_ spelling: String) throws {
    let directory = try folder()
    defer { TemporaryFolder.remove(directory) }
    try expectRefused(
      [
        "compare", "--dataset", "hard.csv", "--label", "label", "--epochs", "2", "--history",
        spelling,
      ],
      naming: "--history", "--dataset", in: directory)
  }

  @Test(arguments: spellings)
  func smoothStateOverAnInput(_ spelling: String) throws {
    let directory = try folder()
    defer { TemporaryFolder.remove(directory) }
    try expectRefused(
      ["smooth", "d.csv", "--column", "a", "--beta", "0.5", "--state", spelling],
      naming: "--state", "the input file", in: directory)
  }

  @Test(arguments: ["d.gp", "./d.gp", "sub/../d.gp"])
  func plotOutputOverItsInput(_ spelling: String) throws {
    let directory = try folder(named: "d.gp")
    defer { TemporaryFolder.remove(directory) }
    try expectRefused(
      ["plot", "smooth", "d.gp", "--column", "a", "-o", spelling],
      naming: "--output", "the input file", in: directory, file: "d.gp")
    try expectRefused(
      ["plot", "history", "link.csv", "-o", spelling],
      naming: "--output", "the history", in: directory, file: "d.gp")
    try expectRefused(
      ["plot", "boundary", "hard.csv", "-o", spelling],
      naming: "--output", "the model", in: directory, file: "d.gp")
  }

  @Test func theScriptWrittenWithoutGnuplotNeverReplacesTheInput() throws {
    let directory = try folder(named: "d.gp")
    defer { TemporaryFolder.remove(directory) }
    let run = try EWABinary.run(
      ["plot", "smooth", "link.csv", "--column", "a", "-o", "sub/../d.png"], in: directory,
      path: "/nonexistent")
    #expect(run.status == 64, "\(run.stderr)")
    #expect(run.stderr.contains("the script written without gnuplot"))
    #expect(
      try String(contentsOf: directory.appendingPathComponent("d.gp"), encoding: .utf8)
        == EWABinary.tinyDataset)
  }

  @Test func demoOutputsOverItsData() throws {
    let directory = try EWABinary.temporaryDirectory()
    defer { TemporaryFolder.remove(directory) }
    let data = EWABinary.packageRoot.appendingPathComponent("data")
    let gallery = directory.appendingPathComponent("gallery")
    try FileManager.default.createDirectory(at: gallery, withIntermediateDirectories: true)
    #expect(
      symlink(
        data.appendingPathComponent("digits.csv").path,
        gallery.appendingPathComponent("README.md").path) == 0)
    let before = try Data(contentsOf: data.appendingPathComponent("digits.csv"))
    let run = try EWABinary.run(
      ["demo", "--epochs", "1", "--data-dir", data.path, "--output-dir", "gallery"],
      in: directory, path: "/nonexistent")
    #expect(run.status == 64, "\(run.stderr)")
    #expect(
      run.stderr.contains("the --output-dir file gallery/README.md is read as the --data-dir file"))
    #expect(try Data(contentsOf: data.appendingPathComponent("digits.csv")) == before)
    #expect(EWABinary.names(in: gallery) == ["README.md"])
  }

  @Test func standardOutputRedirectedOntoAnInputIsRefused() throws {
    let directory = try folder()
    defer { TemporaryFolder.remove(directory) }
    for arguments in [
      ["smooth", "link.csv", "--beta", "0.5"],
      ["train", "--dataset", "hard.csv", "--label", "label", "--epochs", "1"],
    ] {
      let run = try EWABinary.run(
        arguments, in: directory, output: .file(directory.appendingPathComponent("d.csv").path))
      #expect(run.status == 64, "\(arguments): \(run.stderr)")
      #expect(run.stderr.hasPrefix("ewa: standard output "))
      #expect(run.stderr.contains("d.csv is read as"))
      #expect(
        try String(contentsOf: directory.appendingPathComponent("d.csv"), encoding: .utf8)
          == EWABinary.tinyDataset)
    }
  }

  @Test func distinctFilesAreAccepted() throws {
    let directory = try folder()
    defer { TemporaryFolder.remove(directory) }
    let run = try EWABinary.run(
      [
        "train", "--dataset", "d.csv", "--label", "label", "--epochs", "2", "--history",
        "sub/h.csv", "--save", "m.json", "--batch-size", "2",
      ], in: directory)
    #expect(run.status == 0, "\(run.stderr)")
    let again = try EWABinary.run(
      [
        "train", "--dataset", "d.csv", "--label", "label", "--epochs", "4", "--history",
        "sub/h.csv", "--save", "m2.json", "--resume", "m.json", "--batch-size", "2",
      ], in: directory)
    #expect(again.status == 0, "\(again.stderr)")
    // A checkpoint updated in place, like `ewa smooth --state`: read whole, then replaced.
    let updated = try EWABinary.run(
      [
        "train", "--dataset", "d.csv", "--label", "label", "--epochs", "6", "--save", "./m.json",
        "--resume", "m.json", "--batch-size", "2",
      ], in: directory)
    #expect(updated.status == 0, "\(updated.stderr)")
    let historyOverCheckpoint = try EWABinary.run(
      [
        "train", "--dataset", "d.csv", "--label", "label", "--epochs", "8", "--history",
        "m.json", "--resume", "m.json", "--batch-size", "2",
      ], in: directory)
    #expect(historyOverCheckpoint.status == 64)
    #expect(historyOverCheckpoint.stderr.contains("--history m.json is read as --resume m.json"))
  }
}

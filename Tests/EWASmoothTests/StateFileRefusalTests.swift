import EWAIO
import EWASmooth
import EWATestSupport
import Foundation
import Testing

/// End to end: `ewa smooth --state` with a bad state file exits 65 with one line naming the field,
/// is never killed by a signal, and leaves the file as it was.
@Suite struct StateFileRefusalTests {
  static let cases: [(name: String, from: String, to: String, expected: String)] = [
    ("count near Int64.max", "1.5,2,0.88", "1.5,9223372036854775807,0.88", "tracks.0.count"),
    (
      "observations near Int64.max", "[[2,null,[[2.3", "[[9223372036854775806,null,[[2.3",
      "groups.0.columns.0.observations"
    ),
    ("β rounds to 1", "\"centerOfMass\":1,", "\"centerOfMass\":1e300,", "decays.0.centerOfMass"),
    ("track shortened", "[[2,1,1,0,1,1]]", "[[2,1,1]]", "groups.1.columns.0.tracks.0"),
    ("tracks emptied", "[[2,1,1,0,1,1]]", "[]", "groups.1.columns.0.tracks: 0 values"),
    ("columns emptied", "[[1,null,[[2,1,1,0,1,1]]]]", "[]", "groups.1.columns: 0 values"),
    ("weight not finite", "335,1.5,2", "335,1e999,2", "groups.0.columns.0.tracks.0.weight"),
    ("key twice", "[\"b\",", "[\"a\",", "groups.1.key"),
    ("truncated", "\n]}\n", "", "groups"),
    ("not JSON", StateFileValidationTests.valid, "\u{FF}\u{0}\u{1B}[2J", "not an ewa state file"),
  ]

  @Test(arguments: cases.indices)
  func badStateIsRefusedWithoutTouchingIt(_ index: Int) throws {
    let (name, from, to, expected) = Self.cases[index]
    let directory = try temporaryDirectory()
    defer { TemporaryFolder.remove(directory) }
    let state = directory.appendingPathComponent("bad.json")
    let text = StateFileValidationTests.valid.replacingOccurrences(of: from, with: to)
    #expect(text != StateFileValidationTests.valid, "\(name)")
    try Data(text.utf8).write(to: state)
    let run = try ewa(
      ["smooth", "--group-by", "k", "--beta", "0.5", "--std", "--state", state.path],
      stdin: "k,v\na,1\nc,2\n")
    #expect(run.status == 65, "\(name): \(run.stderr)")
    #expect(run.stdout.isEmpty || run.stdout == "k,v,v_ewa_0.5,v_ewstd_0.5\n", "\(name)")
    #expect(run.stderr.hasPrefix("ewa: state file "), "\(name): \(run.stderr)")
    #expect(run.stderr.contains(expected), "\(name): \(run.stderr)")
    #expect(run.stderr.filter { $0 == "\n" }.count == 1, "\(name): \(run.stderr)")
    #expect(!run.stderr.contains("\u{1B}"), "\(name)")
    #expect(try Data(contentsOf: state) == Data(text.utf8), "\(name)")
  }

  @Test func aValidStateResumesEndToEnd() throws {
    let directory = try temporaryDirectory()
    defer { TemporaryFolder.remove(directory) }
    let state = directory.appendingPathComponent("s.json")
    try Data(StateFileValidationTests.valid.utf8).write(to: state)
    let run = try ewa(
      ["smooth", "--group-by", "k", "--beta", "0.5", "--std", "--state", state.path],
      stdin: "k,v\nb,4\n")
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout == "k,v,v_ewa_0.5,v_ewstd_0.5\nb,4,3.3333333333333335,1.4142135623730951\n")
  }
}

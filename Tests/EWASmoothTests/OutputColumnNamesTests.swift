import EWAIO
import EWASmooth
import EWATestSupport
import Foundation
import Testing

/// Output column names never collide: empty headers are named by index, generated names that
/// already exist get `_2`, `_3`, …; the same decay twice and an ambiguous column name are
/// refused with 64.
@Suite struct OutputColumnNamesTests {
  func header(_ input: String, _ arguments: [String]) throws -> (Run, [String]) {
    let run = try ewa(["smooth"] + arguments, stdin: input)
    let first = run.stdout.split(separator: "\n").first.map(String.init) ?? ""
    return (run, first.split(separator: ",", omittingEmptySubsequences: false).map(String.init))
  }

  @Test func aGeneratedNameThatTheInputHasGetsASuffix() throws {
    let (run, names) = try header(
      "x,x_ewa_0.9,x_ewa_0.9_2\n1,2,3\n", ["--beta", "0.9", "--column", "x"])
    #expect(run.status == 0)
    #expect(names == ["x", "x_ewa_0.9", "x_ewa_0.9_2", "x_ewa_0.9_3"])
  }

  @Test func twoInputColumnsOfOneNameGiveDistinctNewColumns() throws {
    let (run, names) = try header("x,x\n1,2\n", ["--beta", "0.5,0.9", "--std"])
    #expect(run.status == 0)
    #expect(
      names == [
        "x", "x", "x_ewa_0.5", "x_ewa_0.9", "x_ewstd_0.5", "x_ewstd_0.9", "x_ewa_0.5_2",
        "x_ewa_0.9_2", "x_ewstd_0.5_2", "x_ewstd_0.9_2",
      ])
    #expect(Set(names.dropFirst(2)).count == names.count - 2)
  }

  @Test func anEmptyHeaderIsNamedByItsIndex() throws {
    let (run, names) = try header(",v,\n1,2,3\n", ["--beta", "0.9"])
    #expect(run.status == 0)
    #expect(names == ["", "v", "", "column1_ewa_0.9", "v_ewa_0.9", "column3_ewa_0.9"])
    let (clash, clashNames) = try header(
      "column1_ewa_0.9,\n1,2\n", ["--beta", "0.9", "--column", "2"])
    #expect(clash.status == 0)
    #expect(clashNames == ["column1_ewa_0.9", "", "column2_ewa_0.9"])
  }

  @Test func theParallelSmootherNamesColumnsAlike() throws {
    let directory = try temporaryDirectory()
    defer { TemporaryFolder.remove(directory) }
    var text = ",x,x_ewa_0.5\n"
    for i in 0..<50_000 { text += "\(i),\(i % 7),\(i % 3)\n" }
    let path = directory.appendingPathComponent("big.csv").path
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    let arguments = ["smooth", path, "--beta", "0.5", "--column", "1", "--column", "x"]
    let sequential = try ewa(arguments)
    let parallel = try ewa(arguments + ["--threads", "2"])
    #expect(sequential.status == 0 && parallel.status == 0)
    let expected = ",x,x_ewa_0.5,column1_ewa_0.5,x_ewa_0.5_2"
    #expect(sequential.stdout.hasPrefix(expected + "\n"))
    #expect(parallel.stdout.hasPrefix(expected + "\n"))
  }

  @Test(arguments: [
    ["--beta", "0.9,0.9"], ["--beta", "0.9,0.90"], ["--alpha", "0.1,0.1"],
    ["--span", "10,10.0"],
  ])
  func theSameDecayTwiceIsRefused(_ arguments: [String]) throws {
    let run = try ewa(["smooth"] + arguments, stdin: "x\n1\n")
    #expect(run.status == 64)
    #expect(run.stderr.contains("give each decay once"), "\(run.stderr)")
    #expect(run.stdout.isEmpty)
  }

  @Test func anAmbiguousColumnNameIsRefusedWithTheIndices() throws {
    let run = try ewa(["smooth", "--beta", "0.9", "--column", "x"], stdin: "x,y,x\n1,2,3\n")
    #expect(run.status == 64)
    #expect(
      run.stderr
        == "ewa: the column name \"x\" is ambiguous: columns 1 and 3 both have it; give the "
        + "column by its index instead (1 or 3)\n")
    let three = try ewa(
      ["smooth", "--beta", "0.9", "--group-by", "g"], stdin: "g,v,g,g\na,1,b,c\n")
    #expect(three.status == 64)
    #expect(three.stderr.contains("columns 1, 3 and 4 all have it"))
    let byIndex = try ewa(["smooth", "--beta", "0.5", "--column", "3"], stdin: "x,y,x\n1,2,3\n")
    #expect(byIndex.status == 0)
    #expect(byIndex.stdout == "x,y,x,x_ewa_0.5\n1,2,3,3\n")
  }

  @Test func plotSmoothRefusesAnAmbiguousColumnToo() throws {
    let directory = try temporaryDirectory()
    defer { TemporaryFolder.remove(directory) }
    let run = try ewa(
      ["plot", "smooth", "--column", "x", "-o", "p.gp"], stdin: "x,x\n1,2\n3,4\n", in: directory)
    #expect(run.status == 64)
    #expect(run.stderr.contains("is ambiguous: columns 1 and 2 both have it"))
  }

  @Test func generatedNamesAreUniqueForAnyHeader() {
    let headers: [[String]] = [
      ["a", "a", "a"], ["", "", ""], ["a_ewa_0.5", "a", "a_ewa_0.5_2", "a_ewa_0.5_3"],
      ["column1_ewa_0.5", "", "column1_ewa_0.5_2"],
    ]
    for names in headers {
      let added = ColumnNames.generated(
        input: names, smoothed: Array(names.indices), suffixes: ["0.5", "0.9"], replace: false,
        standardDeviation: true)
      #expect(added.count == names.count * 4)
      #expect(Set(added).count == added.count, "\(names)")
      #expect(Set(added).isDisjoint(with: names), "\(names)")
    }
  }
}

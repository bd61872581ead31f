import Testing

@testable import EWAPlot

@Suite struct GnuplotScriptTests {
  @Test(arguments: SampleFigures.all.map(\.name))
  func scriptMatchesGoldenFile(name: String) throws {
    let figure = try #require(SampleFigures.all.first { $0.name == name }).figure
    let script = GnuplotScript.render(
      figure, terminal: .png, output: "\(name).png", comment: "golden sample \(name)")
    try Golden.check(script, named: "\(name).gp")
  }

  @Test func terminalFollowsTheOutput() throws {
    let figure = SampleFigures.schedule
    let svg = GnuplotScript.render(figure, terminal: .svg, output: "a.svg")
    #expect(svg.contains("set terminal svg size 1200,700 noenhanced"))
    #expect(svg.contains("set output 'a.svg'\n"))
    let pdf = GnuplotScript.render(figure, terminal: .pdf, output: "a.pdf")
    #expect(pdf.contains("set terminal pdfcairo size 12in,7in noenhanced"))
    let dumb = GnuplotScript.render(figure, terminal: .dumb(columns: 80, rows: 25), output: nil)
    #expect(dumb.contains("set terminal dumb size 80,25 noenhanced\n"))
    #expect(!dumb.contains("set output"))
    #expect(Terminal(fileExtension: "PNG") == .png)
    #expect(Terminal(fileExtension: "gp") == nil)
  }

  @Test func sameFigureGivesSameBytes() {
    for (_, figure) in SampleFigures.all {
      #expect(
        GnuplotScript.render(figure, terminal: .png, output: "x.png")
          == GnuplotScript.render(figure, terminal: .png, output: "x.png"))
    }
  }

  @Test func everyDatablockIsClosedAndPlotted() {
    for (name, figure) in SampleFigures.all {
      let script = GnuplotScript.render(figure, terminal: .png, output: "x.png")
      let opened = script.split(separator: "\n").filter { $0.hasSuffix(" << EOD") }
      let closed = script.split(separator: "\n").filter { $0 == "EOD" }
      #expect(opened.count == closed.count, "\(name)")
      let expected = figure.series.count + (figure.contours == nil ? 0 : 1)
      #expect(opened.count == expected, "\(name)")
    }
  }

  @Test func blockNamesAreSanitizedAndUnique() {
    let series = ["adam", "adam", "β = 0.9", "2nd", ""].map {
      Series(name: $0, title: nil, x: [1], y: [1], mark: .lines(), color: nil)
    }
    #expect(
      GnuplotScript.blockNames(for: series) == ["adam", "adam_2", "s____0_9", "s2nd", "s"])
  }

  @Test func titlesAreSingleQuotedLiteralsWithoutEnhancedText() {
    var figure = SampleFigures.schedule
    figure.title = "a \"b\" 'c' \\ `d`\ne"
    let script = GnuplotScript.render(figure, terminal: .png, output: "x.png")
    #expect(script.contains(#"set title 'a "b" ''c'' \ `d`\ne' noenhanced"# + "\n"))
  }

  @Test func blockNamesNeverCollideAndStayShort() {
    let long = String(repeating: "x", count: 500)
    let series = ["x", "x", "x_2", "surface", long, long + "y"].map {
      Series(name: $0, title: nil, x: [1], y: [1], mark: .lines(), color: nil)
    }
    let names = GnuplotScript.blockNames(for: series)
    #expect(Set(names).count == names.count)
    #expect(!names.contains("surface") && !names.contains("contours"))
    #expect(names.allSatisfy { $0.count <= GnuplotScript.blockNameLimit + 3 })
    #expect(names.prefix(3) == ["x", "x_2", "x_2_2"])
  }

  @Test func gridDatablocksHaveBlankLinesBetweenScans() {
    let script = GnuplotScript.render(SampleFigures.boundary, terminal: .png, output: "x.png")
    let block = script.components(separatedBy: "$regions << EOD\n")[1]
      .components(separatedBy: "EOD")[0]
    #expect(
      block
        == "0 0 0\n1 0 0\n2 0 1\n3 0 1\n\n0 1 0\n1 1 1\n2 1 1\n3 1 1\n\n0 2 1\n1 2 1\n2 2 1\n3 2 1\n"
    )
  }
}

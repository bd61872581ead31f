import EWATestSupport
import Foundation
import Testing

@testable import EWAPlot

/// What a text chart (the dumb terminal) draws differently from an image: a character per line,
/// a letter per set of dots, no noisy backdrop, few contours, the legend below the x label.
@Suite struct TextChartTests {
  func script(_ figure: Figure, columns: Int = 80, rows: Int = 24) -> String {
    GnuplotScript.render(figure, terminal: .dumb(columns: columns, rows: rows), output: nil)
  }

  /// The `lt` numbers of the plot command's clauses, in order (`nil` for a clause without one).
  func lineTypes(_ script: String) -> [Int?] {
    guard let plot = script.range(of: "\nplot ") else { return [] }
    return script[plot.upperBound...].components(separatedBy: ", \\\n").map { clause in
      let words = clause.split(separator: " ")
      return words.firstIndex(of: "lt").flatMap { Int(words[$0 + 1]) }
    }
  }

  @Test func everyHistoryLineGetsItsOwnCharacterAndTheNoisyLineIsLeftOut() {
    let text = script(SampleFigures.comparedHistory)
    #expect(!text.contains("mini-batch'"), "the noisy mini-batch lines are left out")
    let types = lineTypes(text).compactMap { $0 }
    #expect(types.count == Set(types).count, "\(types)")
    #expect(types.allSatisfy(GnuplotScript.textLineTypes.contains))
    #expect(text.contains("set key below nobox\n"))
    #expect(!text.contains("set grid"))
    // The image keeps every series, without line types.
    let image = GnuplotScript.render(SampleFigures.comparedHistory, terminal: .png, output: "h.png")
    #expect(image.contains("mini-batch' noenhanced"))
    #expect(lineTypes(image).allSatisfy { $0 == nil })
  }

  @Test func dotsGetALetterEachAndPathsEndWithoutOne() {
    let boundary = SampleFigures.moonsBoundary.forText()
    let points = boundary.series.compactMap { series -> Int? in
      if case .points(let type, _) = series.mark { type } else { nil }
    }
    #expect(points == Array(1...points.count))
    let trajectory = SampleFigures.bowlPaths.forText()
    #expect(trajectory.series.allSatisfy { $0.title != nil })
    #expect(
      trajectory.series.allSatisfy { series in
        if case .linesPoints = series.mark { false } else { true }
      })
  }

  @Test func contoursAreFewerAndSparse() throws {
    let figure = SampleFigures.trajectory
    let levels = try #require(figure.contours?.levels)
    #expect(levels.count > Figure.textContourLimit)
    let text = try #require(figure.forText().contours?.levels)
    #expect(text.count == Figure.textContourLimit)
    #expect(text.first == levels.first && text.last == levels.last)
    #expect(script(figure).contains("$contours using 1:2 with lines lw 1 lt 0 "))
  }

  @Test func dateTicsDoNotRunIntoEachOther() throws {
    let figure = SampleFigures.smooth
    let line = try #require(
      script(figure).split(separator: "\n").first { $0.hasPrefix("set xtics ") })
    let step = try #require(Double(line.split(separator: " ").last ?? ""))
    let range = try #require(figure.xRange)
    // 80 columns fit (80 - 12) / (12 + 4) = 4 labels of a date: the step is a whole day.
    #expect(step == ((range.upperBound - range.lowerBound) / 4 / 86_400).rounded(.up) * 86_400)
  }

  @Test func rendersInEightyByTwentyFourWithEachLegendEntryOnce() throws {
    guard EWABinary.gnuplotIsAvailable else { return }
    let directory = try EWABinary.temporaryDirectory()
    defer { TemporaryFolder.remove(directory) }
    let run = try ProcessRun(
      ["gnuplot"], executable: URL(fileURLWithPath: "/usr/bin/env"), in: directory,
      input: .pipe(Data(script(SampleFigures.comparedHistory).utf8))
    ).run()
    #expect(run.status == 0)
    let drawn = run.stdoutText
    for title in ["gd, epoch", "adam, epoch"] {
      #expect(drawn.components(separatedBy: title).count == 2, "\(title) in \(drawn)")
    }
  }
}

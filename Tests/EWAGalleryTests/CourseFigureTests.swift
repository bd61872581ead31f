import EWAIO
import EWAPlot
import EWASmooth
import EWATrain
import Foundation
import Testing

@testable import EWAGallery

/// The course figures' captions state what their runs computed.
@Suite struct CourseFigureTests {
  @Test func thePlateauGradientIsTheDerivativeOfItsValue() {
    let f = TestFunction.plateau
    for (x, y) in [(0.05, 1.0), (1.3, -0.2), (-2.5, 0.4), (3.0, 0.0)] {
      let h = 1e-6
      let dx = (f.value(x + h, y) - f.value(x - h, y)) / (2 * h)
      let dy = (f.value(x, y + h) - f.value(x, y - h)) / (2 * h)
      let (gx, gy) = f.gradient(x, y)
      #expect(abs(gx - dx) < 1e-8 && abs(gy - dy) < 1e-8, "at (\(x), \(y))")
    }
    // The saddle: the gradient vanishes at (0, 0), a maximum along x and a minimum along y.
    #expect(f.gradient(0, 0).0 == 0 && f.gradient(0, 0).1 == 0)
    #expect(f.value(0.1, 0) < f.value(0, 0) && f.value(0, 0.1) > f.value(0, 0))
  }

  @Test func thePlateauCaptionGivesTheStepsEachOptimizerNeeds() throws {
    let entry = try Gallery().plateauFigure()
    for kind in [OptimizerKind.gd, .momentum, .rmsprop, .adam] {
      let steps = try #require(try Gallery.stepsToLeavePlateau(kind))
      #expect(entry.caption.contains("\(kind.rawValue) \(steps)"), "\(kind)")
    }
    // The lesson: the adaptive optimizers leave the plateau at least 10 times sooner than gd.
    let gd = try #require(try Gallery.stepsToLeavePlateau(.gd))
    let adam = try #require(try Gallery.stepsToLeavePlateau(.adam))
    #expect(adam * 10 < gd)
  }

  @Test func theMomentumCaptionGivesEachPathsFinalLoss() throws {
    let entry = try Gallery().momentumBetaFigure()
    let titles = entry.figure.series.compactMap(\.title)
    #expect(titles.contains("momentum β = 0.5") && titles.contains("momentum β = 0.9"))
    for name in ["gd", "momentum_1", "momentum_2"] {
      let series = try #require(entry.figure.series.first { $0.name == name })
      let (x, y) = (series.columns[0].last!, series.columns[1].last!)
      #expect(entry.caption.contains(CaptionText.cost(TestFunction.bowl.value(x, y))))
    }
  }

  @Test func theTemperatureCaptionQuotesTheDescription() throws {
    let path = GalleryCaptionTests.dataDirectory + "/seattle-weather.csv"
    let weather = try InputBytes.read(path)
    let sentence = try Gallery().temperatureMeasures(weather)
    // The numbers ewa smooth --describe prints for the same decays (SmoothDescriptionTests).
    #expect(sentence.contains("lags (where the average correlates best with the data) 0, 2 and 39"))
    #expect(sentence.contains("roughness (mean |day-to-day change|) 1.17, 0.28 and 0.09 °C"))
    #expect(sentence.contains("the data's 2.22 °C"))
  }

  @Test func theBatchSizeCaptionsGiveTheMeasuredTimePerEpoch() throws {
    var gallery = Gallery()
    gallery.seed = 3
    let figures = try gallery.batchSizeFigures()
    #expect(figures.map(\.name) == ["batch-size-iterations", "batch-size-seconds"])
    #expect(figures[1].figure.series.map(\.title) == ["batch 1", "batch 64", "batch 300"])
    for series in figures[1].figure.series {
      #expect(series.count == Gallery.batchSizes.epochs)
      // Seconds increase from epoch to epoch.
      #expect(zip(series.columns[0], series.columns[0].dropFirst()).allSatisfy { $0 < $1 })
    }
    #expect(figures[1].caption.contains("time per epoch batch 1 "))
    #expect(figures[0].caption.contains("Final costs: batch 1 "))
  }

  @Test func theClockSentenceReadsTheMeasurements() {
    let runs = [
      Gallery.ClockedRun(
        name: "batch 1", seconds: [0.001, 0.002, 0.003], costs: [0.5, 0.3, 0.2], steps: 30),
      Gallery.ClockedRun(name: "batch 64", seconds: [0.0005, 0.001], costs: [0.7, 0.6], steps: 2),
    ]
    let sentence = Gallery.clockSentence(runs)
    // The quickest run ended at 1 ms; by then batch 1 had reached 0.5.
    #expect(
      sentence.hasPrefix(
        "By 1.0 ms, when the quickest run ended, the costs were batch 1 0.5 and batch 64 0.6: batch 1 got furthest"
      ))
    // Per step: 0.1 ms for batch 1, 0.5 ms for batch 64.
    #expect(sentence.contains("against one of batch 1: batch 64 5.0×; on a network this small"))
  }
}

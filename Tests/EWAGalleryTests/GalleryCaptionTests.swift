import EWAIO
import EWAPlot
import EWATrain
import Foundation
import Testing

@testable import EWAGallery

/// The gallery's titles and captions state what the runs they describe computed: each number is
/// checked against the data of the figure it captions, or against the same run made again.
@Suite struct GalleryCaptionTests {
  /// The repository's `data` folder.
  static let dataDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("data").path

  /// The last point of the figure's series `name`.
  func end(of name: String, in figure: Figure) throws -> (x: Double, y: Double) {
    let series = try #require(figure.series.first { $0.name == name }, "no series \(name)")
    return (try #require(series.columns[0].last), try #require(series.columns[1].last))
  }

  @Test func numbersAreWrittenAsTheCaptionsGiveThem() {
    #expect(CaptionText.point(-0.660_277_8, 0.443_958) == "(-0.66, 0.44)")
    #expect(CaptionText.cost(2.762_908) == "2.8")
    #expect(CaptionText.cost(0.051_744) == "0.05")
    #expect(CaptionText.cost(0.000_333_08) == "0.0003")
    #expect(CaptionText.percent(0.963_333) == "96.3 %")
    #expect(CaptionText.list(["gd"]) == "gd")
    #expect(CaptionText.list(["gd", "momentum", "adam"]) == "gd, momentum and adam")
    #expect(CaptionText.short(1) == "1" && CaptionText.short(0.5) == "0.5")
    #expect(Gallery.years(spanning: [1_325_376_000, 1_451_520_000]) == "2012–2015")
    #expect(Gallery.years(spanning: [1_325_376_000, .nan]) == "2012")
  }

  @Test func theRosenbrockCaptionSaysWhereEachDrawnPathEnds() throws {
    let settings = Gallery.rosenbrock
    let entry = try Gallery().trajectory(settings)
    #expect(entry.caption.contains("after \(settings.steps) steps"))
    #expect(entry.caption.contains("gd at α = \(settings.rate(of: .gd))"))
    var ends: [OptimizerKind: (x: Double, y: Double)] = [:]
    for kind in settings.kinds {
      let (x, y) = try end(of: "\(kind.rawValue)_end", in: entry.figure)
      ends[kind] = (x, y)
      let loss = TestFunction.rosenbrock.value(x, y)
      let stated = "\(CaptionText.point(x, y)), loss \(CaptionText.cost(loss))"
      #expect(kind == .momentum || entry.caption.contains(stated), "\(kind): \(stated)")
    }
    // The words around the numbers: momentum at gd's rate ends where gd does, adam by (1, 1).
    let (gd, momentum, adam) = try (
      #require(ends[.gd]), #require(ends[.momentum]), #require(ends[.adam])
    )
    #expect(settings.rate(of: .momentum) == settings.rate(of: .gd))
    #expect(abs(momentum.x - gd.x) < 0.05 && abs(momentum.y - gd.y) < 0.05)
    #expect(abs(adam.x - 1) < 0.05 && abs(adam.y - 1) < 0.05)
  }

  @Test func aCaptionFollowsTheRunItIsGiven() {
    var settings = Gallery.rosenbrock
    settings.steps = 500
    let paths = settings.kinds.enumerated().map { index, kind in
      OptimizerPath(name: kind.rawValue, xs: [-1.5, 0.25 * Double(index)], ys: [2, 0.5])
    }
    let caption = Gallery.caption(settings, paths: paths)
    #expect(caption.contains("after 500 steps"))
    #expect(caption.contains("to (0.00, 0.50), loss 26.0;"))
    #expect(caption.contains("reaches (0.50, 0.50), loss 6.5, and"))
    #expect(caption.contains("adam (0.75, 0.50), loss 0.5, next"))
  }

  @Test func moonsTitlesStateTheSettingsAndTheAccuracyOfTheRunDrawn() throws {
    var gallery = Gallery()
    gallery.epochs = 3
    let moons = try gallery.moonsRuns()
    let configuration = TrainingConfiguration()
    #expect(
      moons.history.figure.title?.hasPrefix(
        "Moons, layers \([2] + configuration.hidden + [1]), α = "
          + "\(configuration.schedule.initial), batch \(configuration.batchSize): ") == true)
    #expect(moons.history.commands[0].contains("--epochs 3 "))
    // The same run again, outside the gallery: its accuracy is the one in the title.
    let (data, _) = try gallery.moonsSource.prepare()
    for (kind, entry) in zip(Gallery.moons.boundaries, moons.boundaries) {
      var settings = TrainingConfiguration(optimizer: .init(kind: kind))
      settings.seed = gallery.seed
      var none: TrainingHistory?
      let summary = try Trainer(configuration: settings, data: data).train(
        epochs: 3, test: nil, history: &none)
      #expect(
        entry.figure.title
          == "Moons: decision regions after 3 epochs of \(kind.rawValue) (train accuracy "
          + "\(CaptionText.percent(summary.trainAccuracy)))")
    }
  }

  @Test func theDecayCaptionComparesTheFinalCostsDrawn() throws {
    var gallery = Gallery()
    gallery.epochs = 3
    let moons = try gallery.moonsRuns()
    let decay = try gallery.decayHistory(against: moons.adamCost)
    let adam = try end(of: "adam_epochs", in: moons.history.figure).y
    let gd = try end(of: "gd-staircase_epochs", in: decay.figure).y
    #expect(adam == moons.adamCost)
    #expect(decay.caption == Gallery.decayCaption(finalCost: gd, adamCost: adam))
    #expect(decay.figure.title?.hasSuffix("staircase α0 / (1 + ⌊e/1000⌋)") == true)
    #expect(
      Gallery.decayCaption(finalCost: 0.05, adamCost: 0.06)
        == "Plain gradient descent with a staircase schedule reaches Adam's cost.")
    #expect(
      Gallery.decayCaption(finalCost: 0.31, adamCost: 0.06)
        == "Plain gradient descent with a staircase schedule ends at cost 0.3, above Adam's 0.06.")
  }

  @Test func smoothingCaptionsCountTheDaysAndDecaysDrawn() throws {
    var gallery = Gallery()
    gallery.dataDirectory = Self.dataDirectory
    let weather = try InputBytes.read(Self.dataDirectory + "/seattle-weather.csv")
    let temperature = try gallery.temperature(weather)
    #expect(
      temperature.caption
        == "The temperature log smoothed with β = 0.5, 0.9 and 0.98 (about 2, 10 and 50 days). "
        + (try gallery.temperatureMeasures(weather)))
    let raw = try #require(temperature.figure.series.first { $0.name == "raw" })
    #expect(
      temperature.figure.title?.contains(", \(Gallery.years(spanning: raw.columns[0])): ")
        == true)
    let correction = try gallery.biasCorrection(weather)
    let days = try #require(correction.figure.series.first { $0.name == "raw" }).count
    #expect(days == Gallery.correctionDays)
    #expect(correction.caption.hasPrefix("The first \(days) days with β = 0.9 and 0.98: "))
    #expect(correction.commands[0].hasPrefix("head -\(days + 1) "))
  }
}

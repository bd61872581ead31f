import EWAPlot
import EWATrain
import Testing

@testable import EWAGallery

/// Finding where a curve lies hidden under a later one.
@Suite struct OverlapTests {
  @Test func theLongestCloseStretchOfEachPairIsFound() {
    let x: [Double] = [1, 2, 3, 4, 5, 6]
    let found = Overlap.find(
      [
        ("a", x, [1, 2, 3, 4, 5, 6]), ("b", x, [9, 2, 3.0001, 4, 0, 6]),
        ("c", x, [0, 0, 0, 0, 0, 0]),
      ], tolerance: 0.001, minimum: 3)
    #expect(found == [Overlap(under: "a", over: "b", from: 2, to: 4)])
  }

  @Test func aStretchAtTheEndAndShortStretchesAreHandled() {
    let x: [Double] = [10, 20, 30, 40]
    #expect(
      Overlap.find([("a", x, [1, 2, 3, 4]), ("b", x, [0, 2, 3, 4])], tolerance: 0, minimum: 3)
        == [Overlap(under: "a", over: "b", from: 20, to: 40)])
    #expect(
      Overlap.find([("a", x, [1, 2, 3, 4]), ("b", x, [0, 2, 3, 0])], tolerance: 0, minimum: 3)
        .isEmpty)
  }

  @Test func theScheduleCaptionNamesStaircaseUnderStep() throws {
    let curves = try [ScheduleSettings.Kind.staircase, .step].map { kind in
      var settings = ScheduleSettings(kind: kind, initial: 0.1)
      settings.interval = 20
      return try ScheduleCurve.sampling(settings, count: 100)
    }
    #expect(
      Gallery.overlapCaption(curves, initial: 0.1)
        == "; staircase, r = 1, T = 20 lies under step, γ = 0.5, T = 20 (drawn broken over it) "
        + "from epoch 1 to 40, where the two agree")
  }
}

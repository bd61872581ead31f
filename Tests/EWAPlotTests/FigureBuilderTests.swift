import EWAGallery
import EWA
import EWAIO
import EWATrain
import Testing

@testable import EWAPlot

@Suite struct FigureBuilderTests {
  @Test func historySmoothsTheMiniBatchCostWithTheAverager() throws {
    let run = TrainingRun(name: "adam", batchSteps: [1, 2, 3], batchCosts: [1, 0.5, 0.25])
    let figure = Figure.history(runs: [run], beta: 0.5)
    let smoothed = try #require(figure.series.first { $0.name == "adam_smoothed" })
    // Corrected EWA, β = 0.5, by hand: step 2 weighs 1 and 0.5 as 0.5 and 1, (0.5 + 0.5) / 1.5;
    // step 3 weighs 1, 0.5, 0.25 as 0.25, 0.5, 1: (0.25 + 0.25 + 0.25) / 1.75 = 3/7.
    #expect(smoothed.columns[1][0] == 1)
    #expect(abs(smoothed.columns[1][1] - 2.0 / 3.0) < 1e-15)
    #expect(abs(smoothed.columns[1][2] - 3.0 / 7.0) < 1e-15)
    #expect(smoothed.title == "adam, mini-batch EWA β = 0.5")
    #expect(figure.series.map(\.name) == ["adam_batches", "adam_smoothed"])
  }

  @Test func historyWithoutMiniBatchesDrawsEpochsOnly() {
    let run = TrainingRun(name: "gd", epochSteps: [10, 20], epochCosts: [0.6, 0.4])
    #expect(Figure.history(runs: [run]).series.map(\.name) == ["gd_epochs"])
  }

  @Test func contourGridSamplesTheFunctionOnAnEvenGrid() {
    let grid = ContourGrid(x: 0...1, y: -1...1, resolution: 3) { x, y in x + 10 * y }
    #expect(grid.xs == [0, 0.5, 1])
    #expect(grid.ys == [-1, 0, 1])
    #expect(grid.values[0] == [-10, -9.5, -9])
    #expect(grid.values[2][1] == 10.5)
  }

  @Test func contourLevelsSpanTheGrid() throws {
    let bowl = ContourGrid(x: -1...1, y: -1...1, resolution: 5) { x, y in x * x + y * y }
    let levels = bowl.suggestedLevels(count: 5)
    #expect(levels.count == 5)
    // Geometric from the smallest positive value (0.25) to the largest (2).
    #expect(abs(levels[0] - 0.25) < 1e-12)
    #expect(abs(try #require(levels.last) - 2) < 1e-12)
    #expect(abs(levels[1] / levels[0] - levels[2] / levels[1]) < 1e-12)
    let signed = ContourGrid(x: -1...1, y: 0...1, resolution: 3) { x, _ in x }
    #expect(signed.suggestedLevels(count: 3) == [-0.5, 0, 0.5])
  }

  @Test func boundaryColoursRegionsAndPointsByClass() {
    let figure = SampleFigures.boundary
    #expect(figure.palette.count == 2)
    #expect(figure.series.map(\.name) == ["regions", "class_0", "class_1"])
    #expect(figure.series[2].columns == [[2.5, 1.5], [1.5, 2.0]])
    #expect(figure.series.map(\.title) == [nil, "outer", "inner"])
  }

  @Test func trajectoryDrawsContoursUnderThePaths() throws {
    let figure = SampleFigures.trajectory
    let contours = try #require(figure.contours)
    #expect(contours.levels == contours.grid.suggestedLevels())
    #expect(figure.xRange == -2...2)
    #expect(figure.series.map(\.name) == ["gd", "adam", "minimum"])
  }

  @Test func longPathsEndInADotAndOwnRatesNameTheirRateInTheLegend() throws {
    let settings = [OptimizerKind.gd, .adam].map { OptimizerSettings(kind: $0) }
    let paths = try OptimizerPath.tracing(
      settings, on: .bowl, from: (-4, 1), steps: 101, learningRates: [0.5, 0.1])
    #expect(paths.map(\.title) == ["gd, α = 0.5", "adam, α = 0.1"])
    let figure = Figure.trajectory(on: .bowl, paths: paths, resolution: 6)
    #expect(figure.series.map(\.name) == ["gd", "adam", "gd_end", "adam_end", "minimum"])
    #expect(figure.series.map(\.title) == ["gd, α = 0.5", "adam, α = 0.1", nil, nil, "minimum"])
    let end = figure.series[3]
    #expect(end.columns == [[paths[1].xs[101]], [paths[1].ys[101]]])
    #expect(end.color == figure.series[1].color)
    // One rate for all: plain names, and 100 steps still draw a dot at every step, no end dot.
    let shared = try OptimizerPath.tracing(
      settings, on: .bowl, from: (-4, 1), steps: 100, learningRates: [0.5])
    #expect(shared.map(\.title) == [nil, nil])
    let plain = Figure.trajectory(on: .bowl, paths: shared, resolution: 6)
    #expect(plain.series.map(\.name) == ["gd", "adam", "minimum"])
    #expect(
      OptimizerPath.stepsTitle(steps: 100, learningRates: [0.5]) == "100 steps at α = 0.5")
  }
}

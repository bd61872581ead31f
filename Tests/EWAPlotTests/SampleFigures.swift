import EWAPlot

/// Small figures of each kind, the inputs of the golden-file and rendering tests.
enum SampleFigures {
  static let temperatures: [Double] = [12.8, 10.6, 11.7, .nan, 8.9, 4.4, 7.2, 10.0, 9.4, 6.1]

  static var smooth: Figure {
    let days = (0..<temperatures.count).map { 1_325_376_000 + Double($0) * 86_400 }
    let curves = [0.5, 0.9].map { beta in
      SmoothCurve.averaging(
        temperatures, label: "β = \(beta)", beta: beta, compareWithZeroStart: true)
    }
    var figure = Figure.smooth(
      column: "temp_max", x: days, values: temperatures, curves: curves, timeAxis: true,
      xLabel: "date")
    figure.title = "Seattle \"max\" temperature"
    return figure
  }

  static var history: Figure {
    let runs = ["gd": 1.0, "adam": 0.5].map { name, scale in
      TrainingRun(
        name: name, batchSteps: (1...8).map(Double.init),
        batchCosts: [0.9, 0.7, 0.8, 0.5, 0.6, 0.4, 0.45, 0.3].map { $0 * scale },
        epochSteps: [4, 8], epochCosts: [0.7 * scale, 0.42 * scale])
    }.sorted { $0.name > $1.name }
    var figure = Figure.history(runs: runs, beta: 0.9)
    figure.logScale = [.y]
    return figure
  }

  static var trajectory: Figure {
    let surface = Surface(x: -2...2, y: -1...3, resolution: 5) { x, y in
      (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x)
    }
    let paths = [
      OptimizerPath(name: "gd", xs: [-1.5, -1.0, 0.2], ys: [2.5, 1.2, 0.1]),
      OptimizerPath(name: "adam", xs: [-1.5, -0.5, 0.9], ys: [2.5, 0.5, 0.8]),
    ]
    return Figure.trajectory(surface: surface, paths: paths, minimum: (1, 1))
  }

  static var boundary: Figure {
    let grid = ClassGrid(
      xs: [0, 1, 2, 3], ys: [0, 1, 2], classes: [[0, 0, 1, 1], [0, 1, 1, 1], [1, 1, 1, 1]])
    return Figure.boundary(
      grid: grid, xs: [0.2, 2.5, 1.5], ys: [0.1, 1.5, 2.0], labels: [0, 1, 1],
      classNames: ["outer", "inner"])
  }

  static var schedule: Figure {
    let epochs = (0...4).map(Double.init)
    return Figure.schedule(curves: [
      ScheduleCurve(name: "inverse-time", epochs: epochs, rates: epochs.map { 0.1 / (1 + $0) }),
      ScheduleCurve(name: "staircase", epochs: epochs, rates: [0.1, 0.1, 0.05, 0.05, 0.025]),
    ])
  }

  /// Every sample, with the golden file's base name.
  static var all: [(name: String, figure: Figure)] {
    [
      ("smooth", smooth), ("history", history), ("trajectory", trajectory),
      ("boundary", boundary), ("schedule", schedule),
    ]
  }
}

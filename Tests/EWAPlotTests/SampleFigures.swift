import EWAGallery
import EWAIO
import EWAPlot
import EWASmooth
import EWATrain

/// Small figures of each kind, the inputs of the golden-file and rendering tests.
enum SampleFigures {
  static let temperatures: [Double] = [12.8, 10.6, 11.7, .nan, 8.9, 4.4, 7.2, 10.0, 9.4, 6.1]

  /// The temperatures as a CSV log with one date per day from 2012-01-01.
  static var temperatureLog: String {
    "date,temp_max\n"
      + temperatures.enumerated().map { day, value in
        "2012-01-\(day < 9 ? "0" : "")\(day + 1),\(value.isNaN ? "" : "\(value)")\n"
      }.joined()
  }

  static var smooth: Figure {
    let smoothed = try! SmoothedColumn.smoothing(
      Array(temperatureLog.utf8), name: "log", column: "temp_max",
      decays: DecaySpec.parseList("0.5,0.9", form: .beta, timed: true), time: "date",
      compareWithZeroStart: true)
    var figure = Figure.smooth(smoothed)
    figure.title = "Seattle \"max\" temperature"
    return figure
  }

  /// The histories `ewa compare --history` writes, read back.
  static var comparedHistory: Figure {
    let epochs =
      "epoch,gd_lr,gd_cost,gd_train_accuracy,adam_lr,adam_cost,adam_train_accuracy\n"
      + "1,0.1,0.8,0.5,0.1,0.6,0.6\n2,0.1,0.7,0.6,0.1,0.3,0.9\n"
    let batches =
      "step,epoch,gd_cost,adam_cost\n1,1,0.9,0.7\n2,1,0.7,0.5\n3,2,0.75,0.35\n"
      + "4,2,0.65,0.25\n"
    let runs = try! TrainingHistory.runs(
      epochs: (Array(epochs.utf8), "c.csv"), batches: (Array(batches.utf8), "c-batches.csv"),
      name: "c")
    return Figure.history(runs: runs.map(TrainingRun.init), beta: 0.5)
  }

  /// Two optimizers for three steps on the training library's bowl.
  static var bowlPaths: Figure {
    let paths = [OptimizerKind.gd, .adam].map {
      try! OptimizerPath.tracing(
        OptimizerSettings(kind: $0), on: .bowl, from: (-4, 1), steps: 3, learningRate: 0.5)
    }
    return Figure.trajectory(on: .bowl, paths: paths, resolution: 6)
  }

  /// A small network trained for a few epochs on 40 moons points, its regions on a 6 × 6 grid.
  static var moonsBoundary: Figure {
    var source = DataSource(origin: .synthetic(.moons, samples: 40, noise: 0.2))
    source.seed = 3
    let (data, _) = try! source.prepare()
    var configuration = TrainingConfiguration(optimizer: .init(kind: .adam), learningRate: 0.05)
    configuration.batchSize = 20
    let trainer = try! Trainer(configuration: configuration, data: data)
    for _ in 0..<20 { try! trainer.runEpoch() }
    return try! Figure.boundary(model: trainer.checkpoint, data: data, resolution: 6)
  }

  /// Three schedules of the training library over 6 epochs.
  static var librarySchedules: Figure {
    let curves = [ScheduleSettings.Kind.exponential, .staircase, .cosine].map { kind in
      var settings = ScheduleSettings(kind: kind, initial: 0.1)
      settings.interval = kind == .cosine ? 6 : 2
      return try! ScheduleCurve.sampling(settings, count: 6)
    }
    return Figure.schedule(curves: curves)
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
    let grid = ContourGrid(x: -2...2, y: -1...3, resolution: 5) { x, y in
      (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x)
    }
    let paths = [
      OptimizerPath(name: "gd", xs: [-1.5, -1.0, 0.2], ys: [2.5, 1.2, 0.1]),
      OptimizerPath(name: "adam", xs: [-1.5, -0.5, 0.9], ys: [2.5, 0.5, 0.8]),
    ]
    return Figure.trajectory(grid: grid, paths: paths, minimum: (1, 1))
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
      ("boundary", boundary), ("schedule", schedule), ("compared-history", comparedHistory),
      ("bowl-paths", bowlPaths), ("moons-boundary", moonsBoundary),
      ("library-schedules", librarySchedules),
    ]
  }
}

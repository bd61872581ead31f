import EWASmooth
import EWATrain

/// The tour `ewa demo` draws: every comparison the toolkit computes, from the shipped data, each
/// figure made by the same library calls as the `ewa plot` command listed beside it.
public struct Gallery: Sendable {
  /// The folder holding `seattle-weather.csv` and `digits.csv`.
  public var dataDirectory = "data"
  /// The epochs of the textbook moons runs (5000 in the textbook).
  public var epochs = 5000
  /// The epochs of the digits runs.
  public var digitsEpochs = 50
  /// The seed of the moons runs: with seed 3 Adam reaches 0.96 while gd and momentum stay at 0.88.
  public var seed: UInt64 = 3

  /// The gallery with the textbook settings.
  public init() {}

  /// Computes every figure, in order.
  ///
  /// - Throws: ``SmoothError`` or ``TrainingError`` when the shipped data is missing or bad.
  public func figures() throws -> [GalleryFigure] {
    let weather = try InputBytes.read(dataDirectory + "/seattle-weather.csv")
    let moons = try moonsRuns()
    return try [
      temperature(weather), biasCorrection(weather), moons.history, decayHistory(),
      trajectory(
        .bowl, start: (-9, 1.5), steps: 60, learningRate: 0.8,
        caption:
          "On the elongated bowl gd zig-zags across the steep direction while it creeps along the "
          + "shallow one; momentum averages the zig-zag away, rmsprop and adam rescale each "
          + "direction by its own gradient size."),
      trajectory(
        .rosenbrock, start: (-1.5, 2), steps: 2000, learningRate: 0.002,
        caption:
          "On Rosenbrock's curved valley gd at α = 0.002 is at the edge of stability and jumps "
          + "across the valley before it settles at the minimum; momentum and rmsprop follow the "
          + "valley floor; adam, whose steps are about α long, is still on its way."),
    ] + moons.boundaries + [schedules(), digitsHistory()]
  }

  // MARK: - Smoothing

  private func temperature(_ weather: (bytes: [UInt8], name: String)) throws -> GalleryFigure {
    let smoothed = try SmoothedColumn.smoothing(
      weather.bytes, name: weather.name, column: "temp_max",
      decays: DecaySpec.parseList("0.5,0.9,0.98", form: .beta, timed: true), time: "date")
    var figure = Figure.smooth(smoothed)
    figure.title = "Seattle daily maximum temperature (°C), 2012–2015: larger β, smoother and later"
    return GalleryFigure(
      name: "seattle-temperature",
      caption: "The temperature log smoothed with β = 0.5, 0.9 and 0.98 (about 2, 10 and 50 days).",
      commands: [
        "ewa plot smooth \(weather.name) --column temp_max --beta 0.5,0.9,0.98 --time date "
          + "-o plots/seattle-temperature.png"
      ], figure: figure)
  }

  private func biasCorrection(_ weather: (bytes: [UInt8], name: String)) throws -> GalleryFigure {
    let firstDays =
      Array(
        weather.bytes.split(separator: UInt8(ascii: "\n")).prefix(121).joined(
          separator: [UInt8(ascii: "\n")])) + [UInt8(ascii: "\n")]
    let smoothed = try SmoothedColumn.smoothing(
      firstDays, name: "standard input", column: "temp_max",
      decays: DecaySpec.parseList("0.9,0.98", form: .beta, timed: true), time: "date",
      compareWithZeroStart: true)
    var figure = Figure.smooth(smoothed)
    figure.title = "Bias correction: V_t from V_0 = 0 starts near 0; V_t / (1 - β^t) does not"
    return GalleryFigure(
      name: "bias-correction",
      caption:
        "The first 120 days with β = 0.9 and 0.98: the corrected average against the "
        + "uncorrected one (dashed), which starts at 0 and needs about 1/(1-β) days to catch up.",
      commands: [
        "head -121 \(weather.name) | ewa plot smooth --column temp_max --beta 0.9,0.98 "
          + "--time date --compare-init -o plots/bias-correction.png"
      ], figure: figure)
  }

  // MARK: - Training

  /// The textbook moons data with the gallery's seed.
  private var moonsSource: DataSource {
    var source = DataSource(origin: .synthetic(.moons, samples: 300, noise: 0.2))
    source.seed = seed
    return source
  }

  private func moonsRuns() throws -> (history: GalleryFigure, boundaries: [GalleryFigure]) {
    let (data, _) = try moonsSource.prepare()
    let kinds: [OptimizerKind] = [.gd, .momentum, .adam]
    var history: TrainingHistory? = TrainingHistory(names: kinds.map(\.rawValue))
    var boundaries: [GalleryFigure] = []
    for (run, kind) in kinds.enumerated() {
      var configuration = TrainingConfiguration(optimizer: .init(kind: kind))
      configuration.seed = seed
      let trainer = try Trainer(configuration: configuration, data: data)
      let summary = try trainer.train(epochs: epochs, test: nil, history: &history, run: run)
      guard kind != .momentum else { continue }
      var figure = try Figure.boundary(model: trainer.checkpoint, data: data)
      figure.title =
        "Moons: decision regions after \(epochs) epochs of \(kind.rawValue) "
        + "(train accuracy \(percent(summary.trainAccuracy)))"
      boundaries.append(
        GalleryFigure(
          name: "boundary-\(kind.rawValue)",
          caption: "The regions the \(kind.rawValue)-trained network predicts, with the data.",
          commands: [
            "ewa train --optimizer \(kind.rawValue) --seed \(seed) --epochs \(epochs) "
              + "--save \(kind.rawValue).json",
            "ewa plot boundary \(kind.rawValue).json --dataset moons --seed \(seed) "
              + "-o plots/boundary-\(kind.rawValue).png",
          ], figure: figure))
    }
    var figure = try Figure.history(runs: runs(history!, name: "moons"))
    figure.title =
      "Moons, layers [2, 5, 2, 1], α = 0.0007, batch 64: mini-batch cost, its EWA, epoch cost"
    figure.logScale = [.x]
    return (
      GalleryFigure(
        name: "moons-history",
        caption:
          "The textbook experiment: gd, momentum and adam from the same weights and batches. "
          + "gd lies under momentum: at this small rate momentum's average step equals gd's.",
        commands: [
          "ewa compare --optimizers gd,momentum,adam --seed \(seed) --epochs \(epochs) "
            + "--history moons.csv",
          "ewa plot history moons.csv --logscale x -o plots/moons-history.png",
        ], figure: figure),
      boundaries
    )
  }

  private func decayHistory() throws -> GalleryFigure {
    let (data, _) = try moonsSource.prepare()
    var configuration = TrainingConfiguration(optimizer: .init(kind: .gd), learningRate: 0.1)
    configuration.seed = seed
    configuration.schedule.kind = .staircase
    configuration.schedule.rate = 1
    configuration.schedule.interval = 1000
    var history: TrainingHistory? = TrainingHistory()
    _ = try Trainer(configuration: configuration, data: data).train(
      epochs: epochs, test: nil, history: &history)
    var figure = try Figure.history(runs: runs(history!, name: "gd-staircase"))
    figure.title = "Moons with learning-rate decay: gd, α0 = 0.1, staircase α0 / (1 + ⌊e/1000⌋)"
    figure.logScale = [.x]
    return GalleryFigure(
      name: "moons-decay-history",
      caption: "Plain gradient descent with a staircase schedule reaches Adam's cost.",
      commands: [
        "ewa train --optimizer gd --lr 0.1 --decay staircase --decay-rate 1 "
          + "--decay-interval 1000 --seed \(seed) --epochs \(epochs) --history gd-staircase.csv",
        "ewa plot history gd-staircase.csv --logscale x -o plots/moons-decay-history.png",
      ], figure: figure)
  }

  private func digitsHistory() throws -> GalleryFigure {
    var source = DataSource(origin: .csv(path: dataDirectory + "/digits.csv", label: "digit"))
    source.standardize = true
    let (data, _) = try source.prepare()
    let kinds: [OptimizerKind] = [.gd, .rmsprop, .adam]
    var history: TrainingHistory? = TrainingHistory(names: kinds.map(\.rawValue))
    for (run, kind) in kinds.enumerated() {
      var configuration = TrainingConfiguration(optimizer: .init(kind: kind), learningRate: 0.001)
      configuration.hidden = [32]
      configuration.batchSize = 32
      _ = try Trainer(configuration: configuration, data: data).train(
        epochs: digitsEpochs, test: nil, history: &history, run: run)
    }
    var figure = try Figure.history(runs: runs(history!, name: "digits"))
    figure.title = "Handwritten digits (64 pixels, 10 classes), layers [64, 32, 10], α = 0.001"
    figure.logScale = [.y]
    return GalleryFigure(
      name: "digits-history",
      caption: "A real dataset: the 8×8 digits, softmax output, gd against rmsprop and adam.",
      commands: [
        "ewa compare --dataset \(dataDirectory)/digits.csv --label digit --standardize "
          + "--layers 32 --batch-size 32 --lr 0.001 --epochs \(digitsEpochs) "
          + "--optimizers gd,rmsprop,adam --history digits.csv",
        "ewa plot history digits.csv --logscale y -o plots/digits-history.png",
      ], figure: figure)
  }

  /// The runs of `history` read back from the CSV text `ewa train --history` writes.
  private func runs(_ history: TrainingHistory, name: String) throws -> [TrainingRun] {
    try TrainingRun.runs(
      epochs: CSVTable(Array(history.epochCSV.utf8), source: "\(name).csv"),
      batches: CSVTable(Array(history.batchCSV.utf8), source: "\(name)-batches.csv"), name: name)
  }

  // MARK: - Optimizer paths and schedules

  private func trajectory(
    _ surface: EWATrain.Surface, start: (Double, Double), steps: Int, learningRate: Double,
    caption: String
  ) throws -> GalleryFigure {
    let kinds: [OptimizerKind] = [.gd, .momentum, .rmsprop, .adam]
    let paths = try kinds.map {
      try OptimizerPath.tracing(
        .init(kind: $0), on: surface, from: start, steps: steps, learningRate: learningRate)
    }
    var figure = Figure.trajectory(on: surface, paths: paths)
    figure.title = "\(figure.title ?? ""): \(steps) steps at α = \(learningRate)"
    return GalleryFigure(
      name: "trajectory-\(surface.rawValue)",
      caption: caption,
      commands: [
        "ewa plot trajectory --function \(surface.rawValue) --optimizers gd,momentum,rmsprop,adam "
          + "--start=\(start.0),\(start.1) --steps \(steps) --lr \(learningRate) "
          + "-o plots/trajectory-\(surface.rawValue).png"
      ], figure: figure)
  }

  private func schedules() throws -> GalleryFigure {
    let kinds: [ScheduleSettings.Kind] = [
      .inverseTime, .exponential, .inverseSqrt, .staircase, .step,
    ]
    let curves = try kinds.map { kind in
      var settings = ScheduleSettings(kind: kind, initial: 0.1)
      settings.interval = 20
      return try ScheduleCurve.sampling(settings, count: 100)
    }
    var figure = Figure.schedule(curves: curves)
    figure.title = "Learning-rate schedules from α0 = 0.1 (default rates)"
    return GalleryFigure(
      name: "schedules",
      caption: "The learning-rate schedules of `ewa train --decay`, each with its default rate.",
      commands: [
        "ewa plot schedule --decay inverse-time,exponential,inverse-sqrt,staircase,step "
          + "--epochs 100 --lr 0.1 --decay-interval 20 -o plots/schedules.png"
      ], figure: figure)
  }
}

/// A share as a percentage with one decimal, e.g. `96.3 %`.
func percent(_ share: Double) -> String {
  let tenths = (share * 1000).rounded()
  return "\(Int(tenths) / 10).\(Int(tenths) % 10) %"
}

extension Gallery {
  /// The gallery folder's `README.md`: each figure's image, caption and commands, in order.
  ///
  /// - Parameter figures: the figures, as ``figures()`` made them.
  /// - Returns: Markdown text, the same for the same figures.
  public static func index(of figures: [GalleryFigure]) -> String {
    var text = """
      # Plots

      The gallery `ewa demo` draws (`swift run -c release ewa demo` from the repository root
      rewrites this folder, byte for byte the same when nothing changed). Each figure is a
      self-contained gnuplot script (`.gp`, data inline: `cd plots && gnuplot NAME.gp` redraws
      it) and the image it renders (`.png`, 1200×700). The commands under each image make the
      same figure; the demo adds the titles (`--title`).


      """
    for figure in figures {
      text += "## \(figure.name)\n\n\(figure.caption)\n\n"
      text += "![\(figure.figure.title ?? figure.name)](\(figure.name).png)\n\n"
      text += "```sh\n" + figure.commands.joined(separator: "\n") + "\n```\n\n"
    }
    return String(text.dropLast())
  }
}

import EWAPlot
import EWAIO
import EWASmooth
import EWATrain
import Foundation

/// The gallery's figures for the lessons of the notes that compare hyper-parameters rather than
/// optimizers: the batch size, and momentum's β.
extension Gallery {
  /// The batch-size runs: gd on the moons at one rate, stochastic, mini-batch and batch.
  static let batchSizes = (
    sizes: [BatchSize.rows(1), .rows(64), .all], learningRate: 0.05, epochs: 200
  )
  /// The momentum runs: gd, and momentum at two βs, on the elongated bowl.
  static let momentumBetas = (betas: [0.5, 0.9], start: (x: -9.0, y: 1.5), steps: 60, rate: 0.8)

  /// Gd with batch sizes 1, 64 and m from the same weights: the cost per iteration, and the
  /// epoch cost against the wall-clock seconds measured while training.
  func batchSizeFigures() throws -> [GalleryFigure] {
    let (data, _) = try moonsSource.prepare()
    let settings = Self.batchSizes
    var grid = ComparisonGrid(optimizers: [.gd])
    grid.batchSizes = settings.sizes
    grid.rates = [settings.learningRate]
    grid.seeds = [seed]
    let runs = try grid.runs(rows: data.count, base: OptimizerSettings.init(kind:))
    // One history per run: a side-by-side history shares its mini-batch file's epoch column,
    // which places the epochs of only one batch size.
    var recorded: [TrainingRun] = []
    var timed: [Series] = []
    var perEpoch: [String] = []
    var finals: [String] = []
    var measured: [ClockedRun] = []
    for (index, run) in runs.enumerated() {
      var configuration = TrainingConfiguration(
        optimizer: run.optimizer, learningRate: run.learningRate)
      configuration.batchSize = run.batchSize
      configuration.seed = run.seed
      let trainer = try Trainer(configuration: configuration, data: data)
      let clock = ContinuousClock()
      let started = clock.now
      var seconds: [Double] = []
      var costs: [Double] = []
      var history: TrainingHistory? = TrainingHistory()
      let summary = try trainer.train(epochs: settings.epochs, test: nil, history: &history) {
        record in
        let elapsed = clock.now - started
        seconds.append(
          Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
        costs.append(record.cost)
      }
      recorded += try self.runs(history!, name: run.name)
      timed.append(
        Series(
          name: "batch_\(run.batchSize)", title: run.name, x: seconds, y: costs,
          mark: .lines(width: 2), color: Color.series(index)))
      perEpoch.append(
        "\(run.name) \(CaptionText.fixed(1000 * summary.seconds / Double(summary.epochs), decimals: 2)) ms"
      )
      measured.append(
        ClockedRun(name: run.name, seconds: seconds, costs: costs, steps: summary.steps))
      finals.append("\(run.name) \(CaptionText.cost(summary.finalCost))")
    }
    let sizes = settings.sizes.map(\.description).joined(separator: ",")
    let command =
      "ewa compare --optimizers gd --batch-size \(sizes) --lr \(settings.learningRate) "
      + "--epochs \(settings.epochs) --seed \(seed)"
    var iterations = Figure.history(runs: recorded)
    iterations.title =
      "Moons, gd at α = \(settings.learningRate), \(settings.epochs) epochs: cost per iteration "
      + "with batch 1, 64 and m = \(data.count) (y clipped at 2.5)"
    iterations.logScale = [.x]
    // One example's cost spikes far above the others; the range shows the curves, not the spikes.
    iterations.yRange = 0...2.5
    iterations.key = "top left"
    var clockFigure = Figure(
      title: "The same runs against wall-clock seconds (epoch cost)", xLabel: "seconds",
      yLabel: "cost", logScale: [.x], series: timed)
    clockFigure.key = "top right"
    return [
      GalleryFigure(
        name: "batch-size-iterations",
        caption:
          "Stochastic (1), mini-batch (64) and batch (m = \(data.count)) gradient descent from "
          + "the same weights with the same batch order: one step per example is noisy, one per "
          + "epoch is smooth but takes \(data.count) times fewer steps. Final costs: "
          + "\(CaptionText.list(finals)).",
        // The same runs, one history per batch size; the gallery's image itself (its names, its
        // clipped y axis) is drawn by `ewa demo` only, so this plot writes beside, not plots/.
        commands: settings.sizes.map {
          "ewa train --optimizer gd --batch-size \($0) --lr \(settings.learningRate) "
            + "--epochs \(settings.epochs) --seed \(seed) --history batch-\($0).csv"
        } + [
          "ewa plot history "
            + settings.sizes.map { "batch-\($0).csv" }.joined(separator: " ")
            + " --logscale x -o batch-size.png"
        ],
        figure: iterations),
      GalleryFigure(
        name: "batch-size-seconds",
        caption:
          "The same runs against the seconds they took (measured when `ewa demo` ran; time per "
          + "epoch \(CaptionText.list(perEpoch))). " + Self.clockSentence(measured),
        commands: [command + " (the table prints the seconds and ms per epoch)"],
        figure: clockFigure),
    ]
  }

  /// One batch-size run as the clock saw it: the seconds and cost at the end of each epoch.
  struct ClockedRun {
    var name: String
    var seconds: [Double]
    var costs: [Double]
    var steps: Int
  }

  /// What the clock figure shows, from the measurements: the cost each run had reached when the
  /// quickest one ended, which got furthest, and what a step cost per example.
  static func clockSentence(_ runs: [ClockedRun]) -> String {
    guard let horizon = runs.compactMap(\.seconds.last).min(),
      let first = runs.first
    else { return "" }
    let reached = runs.map { run in
      (run.name, run.costs[max((run.seconds.lastIndex { $0 <= horizon } ?? 0), 0)])
    }
    let best = reached.min { $0.1 < $1.1 }!
    let perStep = runs.map { ($0.seconds.last ?? 0) / Double(max($0.steps, 1)) }
    let ratios = runs.indices.dropFirst().map { index in
      "\(runs[index].name) \(CaptionText.fixed(perStep[index] / perStep[0], decimals: 1))×"
    }
    return "By \(CaptionText.fixed(horizon * 1000, decimals: 1)) ms, when the quickest run ended, "
      + "the costs were \(CaptionText.list(reached.map { "\($0.0) \(CaptionText.cost($0.1))" })): "
      + "\(best.0) got furthest per second here. A step took, against one of \(first.name): "
      + "\(CaptionText.list(ratios))"
      + (best.0 == first.name
        ? "; on a network this small even one example per step is cheap, so the notes' advice "
          + "(mini-batches of 64 to 512) pays on larger networks and data."
        : ": vectorising over a mini-batch pays.")
  }

  /// Gd and momentum at β = 0.5 and 0.9 on the elongated bowl, one rate (the quiz's question 8).
  func momentumBetaFigure() throws -> GalleryFigure {
    let settings = Self.momentumBetas
    var all = [OptimizerSettings(kind: .gd)]
    for beta in settings.betas {
      var momentum = OptimizerSettings(kind: .momentum)
      momentum.beta = beta
      all.append(momentum)
    }
    var paths = try OptimizerPath.tracing(
      all, on: .bowl, from: (settings.start.x, settings.start.y), steps: settings.steps,
      learningRates: [settings.rate])
    for index in paths.indices.dropFirst() {
      let beta = CaptionText.short(settings.betas[index - 1])
      paths[index].name = "momentum_\(index)"
      paths[index].title = "momentum β = \(beta)"
    }
    var figure = Figure.trajectory(on: .bowl, paths: paths)
    figure.title =
      "\(figure.title ?? ""): \(OptimizerPath.stepsTitle(steps: settings.steps, learningRates: [settings.rate]))"
    let ends = paths.map { path in
      let (x, y) = (path.xs[path.xs.count - 1], path.ys[path.ys.count - 1])
      return "\(path.title ?? path.name) at loss \(CaptionText.cost(TestFunction.bowl.value(x, y)))"
    }
    let betas = settings.betas.map(CaptionText.short).joined(separator: ",")
    return GalleryFigure(
      name: "momentum-beta",
      caption:
        "The quiz's question 8, at one rate: gd zig-zags across the steep direction; momentum "
        + "with β = 0.5 averages about 2 gradients and damps the zig-zag; with β = 0.9 it "
        + "averages about 10, builds up speed along the shallow direction and swings past the "
        + "minimum in wide, smooth, slowly damped arcs. After \(settings.steps) "
        + "steps: \(CaptionText.list(ends)).",
      commands: [
        "ewa compare --optimizers gd,momentum --beta \(betas) --seed \(seed) --epochs 500",
        "ewa trajectory --function bowl --optimizer momentum --beta 0.9 "
          + "--start=\(settings.start.x),\(settings.start.y) --steps \(settings.steps) "
          + "--lr \(settings.rate)",
      ], figure: figure)
  }
}

extension Gallery {
  /// The sentence of the temperature figure's caption with what `ewa smooth --describe` measures
  /// for its decays: the window, the lag and the roughness of each, against the data's roughness.
  func temperatureMeasures(_ weather: (bytes: [UInt8], name: String)) throws -> String {
    var options = SmoothOptions(
      decays: try DecaySpec.parseList(
        Self.temperatureBetas.map { "\($0)" }.joined(separator: ","), form: .beta, timed: false))
    options.columns = [Self.weatherColumn.value]
    let description = try SmoothDescription(options: options)
    try description.process(name: weather.name, source: MemorySource(weather.bytes))
    let rows = try description.finish()
    let decays = rows.filter { $0.decay != "raw" }
    func each(_ text: (SmoothDescription.Row) -> String) -> String {
      CaptionText.list(decays.map(text))
    }
    let raw = rows.first { $0.decay == "raw" }?.roughness ?? .nan
    return "Measured (`ewa smooth --describe --column \(Self.weatherColumn.value) --beta "
      + "\(Self.temperatureBetas.map { "\($0)" }.joined(separator: ","))`): lags (where the average "
      + "correlates best with the data) " + each { "\($0.lag ?? -1)" } + " days; roughness "
      + "(mean |day-to-day change|) "
      + each { CaptionText.fixed($0.roughness ?? .nan, decimals: 2) }
      + " °C against the data's \(CaptionText.fixed(raw, decimals: 2)) °C."
  }
}

extension Gallery {
  /// The plateau runs: near the saddle between the two wells of ``TestFunction/plateau``, one
  /// rate for every optimizer; a run has left the plateau once its loss is below `left`.
  static let plateau = (start: (x: 0.05, y: 1.0), steps: 3000, rate: 0.1, left: -0.5)

  /// The steps `kind` needs at the plateau figure's rate to get below its loss `left`, or nil.
  static func stepsToLeavePlateau(_ kind: OptimizerKind) throws -> Int? {
    let settings = plateau
    var optimizer = try OptimizerSettings(kind: kind).make(count: 2, as: Double.self)
    var found: Int?
    TestFunction.plateau.walk(
      optimizer: &optimizer, start: (settings.start.x, settings.start.y), steps: settings.steps,
      learningRate: settings.rate
    ) { (step, _, _, loss) throws(Never) -> Bool in
      if loss < settings.left { found = step }
      return found == nil
    }
    return found
  }

  /// Gd, momentum, rmsprop and adam leaving the plateau around a saddle, with the steps each
  /// needs in the caption.
  func plateauFigure() throws -> GalleryFigure {
    let settings = Self.plateau
    let kinds: [OptimizerKind] = [.gd, .momentum, .rmsprop, .adam]
    let paths = try OptimizerPath.tracing(
      kinds.map { OptimizerSettings(kind: $0) }, on: .plateau,
      from: (settings.start.x, settings.start.y), steps: settings.steps,
      learningRates: [settings.rate])
    var figure = Figure.trajectory(on: .plateau, paths: paths)
    figure.title =
      "\(figure.title ?? ""): \(OptimizerPath.stepsTitle(steps: settings.steps, learningRates: [settings.rate]))"
    let steps = try kinds.map { kind in
      "\(kind.rawValue) \(try Self.stepsToLeavePlateau(kind).map(String.init) ?? "more than \(settings.steps)")"
    }
    return GalleryFigure(
      name: "plateau",
      caption:
        "A plateau with a saddle at (0, 0) between two wells, from "
        + "\(CaptionText.point(settings.start.x, settings.start.y)) at α = \(settings.rate): the "
        + "slope along x is almost zero, so gd crawls; momentum, an average of the same small "
        + "gradients, moves no faster at the same α; rmsprop and adam divide by the gradient's "
        + "root mean square, so their steps stay about α long however flat the plateau. Steps to "
        + "reach loss \(CaptionText.short(settings.left)) (into a well): \(CaptionText.list(steps)).",
      commands: [
        "ewa plot trajectory --function plateau --optimizers \(kinds.map(\.rawValue).joined(separator: ",")) "
          + "--start=\(settings.start.x),\(settings.start.y) --steps \(settings.steps) "
          + "--lr \(settings.rate) -o plots/plateau.png"
      ], figure: figure)
  }
}

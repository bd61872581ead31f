import EWAPlot
import EWASmooth
import EWATrain

/// The gallery's training figures: the textbook moons runs, their decision regions, the run with
/// learning-rate decay, and the digits.
extension Gallery {
  /// The optimizers of the textbook moons runs, and those whose decision regions are drawn.
  static let moons = (
    kinds: [OptimizerKind.gd, .momentum, .adam], boundaries: [OptimizerKind.gd, .adam]
  )
  /// Plain gradient descent with a staircase schedule on the moons.
  static let decay = (initial: 0.1, rate: 1.0, interval: 1000)
  /// The digits runs: the network, the rate, the batch and the optimizers.
  static let digits = (
    hidden: [32], learningRate: 0.001, batchSize: 32, kinds: [OptimizerKind.gd, .rmsprop, .adam]
  )

  /// The textbook moons data with the gallery's seed.
  var moonsSource: DataSource {
    var source = DataSource(origin: .synthetic(.moons, samples: 300, noise: 0.2))
    source.seed = seed
    return source
  }

  /// The moons runs: their history, the decision regions of some, and Adam's final cost.
  func moonsRuns() throws -> (
    history: GalleryFigure, boundaries: [GalleryFigure], adamCost: Double
  ) {
    let (data, _) = try moonsSource.prepare()
    let kinds = Self.moons.kinds
    var history: TrainingHistory? = TrainingHistory(names: kinds.map(\.rawValue))
    var boundaries: [GalleryFigure] = []
    var costs: [OptimizerKind: Double] = [:]
    var configuration = TrainingConfiguration()
    var layers: [Int] = []
    for (run, kind) in kinds.enumerated() {
      configuration = TrainingConfiguration(optimizer: .init(kind: kind))
      configuration.seed = seed
      let trainer = try Trainer(configuration: configuration, data: data)
      let summary = try trainer.train(epochs: epochs, test: nil, history: &history, run: run)
      costs[kind] = summary.finalCost
      layers = trainer.network.sizes
      guard Self.moons.boundaries.contains(kind) else { continue }
      boundaries.append(try boundary(kind, trainer: trainer, summary: summary))
    }
    let recorded = try runs(history!, name: "moons")
    var figure = Figure.history(runs: recorded)
    figure.title =
      "Moons, layers \(layers), α = \(configuration.schedule.initial), "
      + "batch \(configuration.batchSize): mini-batch cost, its EWA, epoch cost"
    figure.logScale = [.x]
    let names = kinds.map(\.rawValue)
    let comparison = GalleryFigure(
      name: "moons-history",
      caption:
        "The textbook experiment: \(CaptionText.list(names)) from the same weights and batches."
        + Self.overlapCaption(recorded),
      commands: [
        "ewa compare --optimizers \(names.joined(separator: ",")) --seed \(seed) "
          + "--epochs \(epochs) --history moons.csv",
        "ewa plot history moons.csv --logscale x" + CommandText.titleOption(figure)
          + " -o plots/moons-history.png",
      ], figure: figure)
    return (comparison, boundaries, costs[.adam] ?? .nan)
  }

  /// Which runs' epoch costs lie under a later run's, closer than a line is wide (a thousandth
  /// of the cost), and over which epochs, as sentences; nothing when every run shows.
  static func overlapCaption(_ runs: [TrainingRun]) -> String {
    let overlaps = Overlap.find(
      runs.map { run in
        (run.name, Array(1...max(run.epochCosts.count, 1)).map(Double.init), run.epochCosts)
      }, tolerance: 1e-3, minimum: 3)
    return overlaps.map { overlap in
      let why =
        (overlap.under, overlap.over) == ("gd", "momentum")
        ? ", since at a small rate momentum's average step is gd's step" : ""
      return " \(overlap.under)'s curves lie under \(overlap.over)'s from epoch "
        + "\(CaptionText.short(overlap.from)) to \(CaptionText.short(overlap.to)): their costs "
        + "differ by less than 0.001 there\(why)."
    }.joined()
  }

  /// The decision regions of a trained moons network, titled with its accuracy.
  func boundary(_ kind: OptimizerKind, trainer: Trainer, summary: TrainingSummary) throws
    -> GalleryFigure
  {
    var figure = try Figure.boundary(model: trainer.checkpoint, data: trainer.data)
    figure.title =
      "Moons: decision regions after \(summary.epochs) epochs of \(kind.rawValue) "
      + "(train accuracy \(CaptionText.percent(summary.trainAccuracy)))"
    return GalleryFigure(
      name: "boundary-\(kind.rawValue)",
      caption: "The regions the \(kind.rawValue)-trained network predicts, with the data.",
      commands: [
        "ewa train --optimizer \(kind.rawValue) --seed \(seed) --epochs \(epochs) "
          + "--save \(kind.rawValue).json",
        "ewa plot boundary \(kind.rawValue).json --dataset moons --seed \(seed)"
          + CommandText.titleOption(figure) + " -o plots/boundary-\(kind.rawValue).png",
      ], figure: figure)
  }

  /// The moons run of gd with a staircase schedule, compared in its caption with Adam's final
  /// cost `adamCost` at a constant rate.
  func decayHistory(against adamCost: Double) throws -> GalleryFigure {
    let (data, _) = try moonsSource.prepare()
    let decay = Self.decay
    var configuration = TrainingConfiguration(
      optimizer: .init(kind: .gd), learningRate: decay.initial)
    configuration.seed = seed
    configuration.schedule.kind = .staircase
    configuration.schedule.rate = decay.rate
    configuration.schedule.interval = decay.interval
    var history: TrainingHistory? = TrainingHistory()
    let summary = try Trainer(configuration: configuration, data: data).train(
      epochs: epochs, test: nil, history: &history)
    var figure = try Figure.history(runs: runs(history!, name: "gd-staircase"))
    let r = decay.rate == 1 ? "" : "\(CaptionText.short(decay.rate))·"
    figure.title =
      "Moons with learning-rate decay: gd, α0 = \(decay.initial), staircase "
      + "α0 / (1 + \(r)⌊e/\(decay.interval)⌋)"
    figure.titleMarkup =
      "Moons with learning-rate decay: gd, α_{0} = \(decay.initial), staircase "
      + "α_{0} / (1 + \(r)⌊e/\(decay.interval)⌋)"
    figure.logScale = [.x]
    return GalleryFigure(
      name: "moons-decay-history",
      caption: Self.decayCaption(finalCost: summary.finalCost, adamCost: adamCost),
      commands: [
        "ewa train --optimizer gd --lr \(decay.initial) --decay staircase "
          + "--decay-rate \(CaptionText.short(decay.rate)) --decay-interval \(decay.interval) "
          + "--seed \(seed) --epochs \(epochs) --history gd-staircase.csv",
        "ewa plot history gd-staircase.csv --logscale x" + CommandText.titleOption(figure)
          + " -o plots/moons-decay-history.png",
      ], figure: figure)
  }

  /// Whether gd with decay reached Adam's final cost, and if not, both costs.
  static func decayCaption(finalCost: Double, adamCost: Double) -> String {
    let schedule = "Plain gradient descent with a staircase schedule"
    guard finalCost <= adamCost else {
      return "\(schedule) ends at cost \(CaptionText.cost(finalCost)), above Adam's "
        + "\(CaptionText.cost(adamCost))."
    }
    return "\(schedule) reaches Adam's cost."
  }

  func digitsHistory() throws -> GalleryFigure {
    var source = DataSource(origin: .csv(path: dataDirectory + "/digits.csv", label: "digit"))
    source.standardize = true
    let (data, _) = try source.prepare()
    let digits = Self.digits
    var history: TrainingHistory? = TrainingHistory(names: digits.kinds.map(\.rawValue))
    var layers: [Int] = []
    for (run, kind) in digits.kinds.enumerated() {
      var configuration = TrainingConfiguration(
        optimizer: .init(kind: kind), learningRate: digits.learningRate)
      configuration.hidden = digits.hidden
      configuration.batchSize = digits.batchSize
      let trainer = try Trainer(configuration: configuration, data: data)
      _ = try trainer.train(epochs: digitsEpochs, test: nil, history: &history, run: run)
      layers = trainer.network.sizes
    }
    var figure = try Figure.history(runs: runs(history!, name: "digits"))
    figure.title =
      "Handwritten digits (\(data.featureCount) pixels, \(data.classCount) classes), "
      + "layers \(layers), α = \(digits.learningRate)"
    figure.logScale = [.y]
    let names = digits.kinds.map(\.rawValue)
    return GalleryFigure(
      name: "digits-history",
      caption:
        "A real dataset: the 8×8 digits, softmax output, \(names[0]) against "
        + "\(CaptionText.list(Array(names.dropFirst()))).",
      commands: [
        "ewa compare --dataset \(dataDirectory)/digits.csv --label digit --standardize "
          + "--layers \(digits.hidden.map(String.init).joined(separator: ",")) "
          + "--batch-size \(digits.batchSize) --lr \(digits.learningRate) "
          + "--epochs \(digitsEpochs) --optimizers \(names.joined(separator: ",")) "
          + "--history digits.csv",
        "ewa plot history digits.csv --logscale y" + CommandText.titleOption(figure)
          + " -o plots/digits-history.png",
      ], figure: figure)
  }

  /// The runs of `history` read back from the CSV text `ewa train --history` writes, as
  /// `ewa plot history` reads the files.
  func runs(_ history: TrainingHistory, name: String) throws -> [TrainingRun] {
    try TrainingHistory.runs(
      epochs: (Array(history.epochCSV.utf8), "\(name).csv"),
      batches: (Array(history.batchCSV.utf8), "\(name)-batches.csv"), name: name
    ).map(TrainingRun.init)
  }
}

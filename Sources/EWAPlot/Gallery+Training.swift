import EWAIO
import EWASmooth
import EWATrain

/// The gallery's training figures: the textbook moons runs, their decision regions, the run with
/// learning-rate decay, and the digits.
extension Gallery {
  /// The textbook moons data with the gallery's seed.
  var moonsSource: DataSource {
    var source = DataSource(origin: .synthetic(.moons, samples: 300, noise: 0.2))
    source.seed = seed
    return source
  }

  func moonsRuns() throws -> (history: GalleryFigure, boundaries: [GalleryFigure]) {
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

  func decayHistory() throws -> GalleryFigure {
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

  func digitsHistory() throws -> GalleryFigure {
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
  func runs(_ history: TrainingHistory, name: String) throws -> [TrainingRun] {
    try TrainingRun.runs(
      epochs: CSVTable(Array(history.epochCSV.utf8), source: "\(name).csv"),
      batches: CSVTable(Array(history.batchCSV.utf8), source: "\(name)-batches.csv"), name: name)
  }
}

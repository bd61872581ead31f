import EWAIO
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
        .bowl, start: (-9, 1.5), steps: 60, learningRates: [0.8],
        caption:
          "On the elongated bowl gd zig-zags across the steep direction and creeps along the "
          + "shallow one; momentum smooths the zig-zag into one wide swing; rmsprop and adam, "
          + "whose steps are about α long in every direction, cross the shallow direction fast "
          + "but swing around the minimum."),
      trajectory(
        .rosenbrock, start: (-1.5, 2), steps: 1000, learningRates: [0.001, 0.001, 0.01, 0.05],
        caption:
          "On Rosenbrock's curved valley each optimizer runs at a rate that suits it; a dot marks "
          + "where each is after 1000 steps. gd at α = 0.001, at the edge of stability where it "
          + "starts, zig-zags across the valley for its first steps, then creeps along the floor "
          + "to (-0.66, 0.44), loss 2.8; momentum averages the same gradients, damps the "
          + "zig-zag, and at the same α gets no further (its dot covers gd's); rmsprop and adam, "
          + "whose steps are about α long however small the gradient, run along the floor: "
          + "rmsprop, rattling across the valley, reaches (0.81, 0.67), loss 0.05, and adam "
          + "(0.98, 0.96), loss 0.0003, next to the minimum."),
    ] + moons.boundaries + [schedules(), digitsHistory()]
  }

  // MARK: - Smoothing

  func temperature(_ weather: (bytes: [UInt8], name: String)) throws -> GalleryFigure {
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

  func biasCorrection(_ weather: (bytes: [UInt8], name: String)) throws -> GalleryFigure {
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

  // MARK: - Optimizer paths and schedules

  func trajectory(
    _ surface: EWATrain.Surface, start: (Double, Double), steps: Int, learningRates: [Double],
    caption: String
  ) throws -> GalleryFigure {
    let kinds: [OptimizerKind] = [.gd, .momentum, .rmsprop, .adam]
    let paths = try OptimizerPath.tracing(
      kinds.map { OptimizerSettings(kind: $0) }, on: surface, from: start, steps: steps,
      learningRates: learningRates)
    var figure = Figure.trajectory(on: surface, paths: paths)
    let stepsTitle = OptimizerPath.stepsTitle(steps: steps, learningRates: learningRates)
    figure.title = "\(figure.title ?? ""): \(stepsTitle)"
    return GalleryFigure(
      name: "trajectory-\(surface.rawValue)",
      caption: caption,
      commands: [
        "ewa plot trajectory --function \(surface.rawValue) --optimizers gd,momentum,rmsprop,adam "
          + "--start=\(start.0),\(start.1) --steps \(steps) "
          + "--lr \(learningRates.map { "\($0)" }.joined(separator: ",")) "
          + "-o plots/trajectory-\(surface.rawValue).png"
      ], figure: figure)
  }

  func schedules() throws -> GalleryFigure {
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

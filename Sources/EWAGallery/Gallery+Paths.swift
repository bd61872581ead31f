import EWAPlot
import EWATrain

/// The gallery's optimizer paths on the test functions, and its learning-rate schedules.
extension Gallery {
  /// The optimizers of one trajectory figure: where they start, how long they run, at what rates.
  struct PathSettings: Sendable {
    var function: TestFunction
    var kinds: [OptimizerKind] = [.gd, .momentum, .rmsprop, .adam]
    var start: (x: Double, y: Double)
    var steps: Int
    /// One rate for every optimizer, or one per optimizer in the order of ``kinds``.
    var learningRates: [Double]

    /// The rate of the optimizer `kind`.
    func rate(of kind: OptimizerKind) -> Double {
      learningRates.count == 1 ? learningRates[0] : learningRates[kinds.firstIndex(of: kind)!]
    }
  }

  /// The elongated bowl from far along its shallow direction, all at one rate.
  static let bowl = PathSettings(
    function: .bowl, start: (-9, 1.5), steps: 60, learningRates: [0.8])
  /// Rosenbrock's valley, each optimizer at a rate that suits it.
  static let rosenbrock = PathSettings(
    function: .rosenbrock, start: (-1.5, 2), steps: 1000,
    learningRates: [0.001, 0.001, 0.01, 0.05])

  func trajectory(_ settings: PathSettings) throws -> GalleryFigure {
    let paths = try OptimizerPath.tracing(
      settings.kinds.map { OptimizerSettings(kind: $0) }, on: settings.function,
      from: (settings.start.x, settings.start.y), steps: settings.steps,
      learningRates: settings.learningRates)
    var figure = Figure.trajectory(on: settings.function, paths: paths)
    let stepsTitle = OptimizerPath.stepsTitle(
      steps: settings.steps, learningRates: settings.learningRates)
    figure.title = "\(figure.title ?? ""): \(stepsTitle)"
    let name = settings.function.rawValue
    return GalleryFigure(
      name: "trajectory-\(name)", caption: Self.caption(settings, paths: paths),
      commands: [
        "ewa plot trajectory --function \(name) "
          + "--optimizers \(settings.kinds.map(\.rawValue).joined(separator: ",")) "
          + "--start=\(settings.start.x),\(settings.start.y) --steps \(settings.steps) "
          + "--lr \(settings.learningRates.map { "\($0)" }.joined(separator: ",")) "
          + "-o plots/trajectory-\(name).png"
      ], figure: figure)
  }

  /// What the paths of a trajectory figure show, with where each optimizer ended as computed.
  static func caption(_ settings: PathSettings, paths: [OptimizerPath]) -> String {
    func end(_ kind: OptimizerKind) -> String {
      let path = paths.first { $0.name == kind.rawValue }!
      let (x, y) = (path.xs[path.xs.count - 1], path.ys[path.ys.count - 1])
      return "\(CaptionText.point(x, y)), loss \(CaptionText.cost(settings.function.value(x, y)))"
    }
    switch settings.function {
    case .rosenbrock:
      return "On Rosenbrock's curved valley each optimizer runs at a rate that suits it; a dot "
        + "marks where each is after \(settings.steps) steps. gd at α = \(settings.rate(of: .gd)), "
        + "at the edge of stability where it starts, zig-zags across the valley for its first "
        + "steps, then creeps along the floor to \(end(.gd)); momentum averages the same "
        + "gradients, damps the zig-zag, and at the same α gets no further (its dot covers "
        + "gd's); rmsprop and adam, whose steps are about α long however small the gradient, run "
        + "along the floor: rmsprop, rattling across the valley, reaches \(end(.rmsprop)), and "
        + "adam \(end(.adam)), next to the minimum."
    default:
      return "On the elongated bowl gd zig-zags across the steep direction and creeps along the "
        + "shallow one; momentum smooths the zig-zag into one wide swing; rmsprop and adam, "
        + "whose steps are about α long in every direction, cross the shallow direction fast "
        + "but swing around the minimum."
    }
  }

  /// Where a schedule's staircase lies under a later one's, as a clause: `; staircase, r = 1,
  /// T = 20 lies under step, γ = 0.5, T = 20 (dash-dotted over it) from epoch 1 to 40, where the
  /// two agree`, or nothing when every curve shows.
  static func overlapCaption(_ curves: [ScheduleCurve], initial: Double) -> String {
    let overlaps = Overlap.find(
      curves.map { ($0.name, $0.epochs, $0.rates) }, tolerance: initial * 1e-9, minimum: 3)
    return overlaps.map { overlap in
      "; \(overlap.under) lies under \(overlap.over) (drawn broken over it) from epoch "
        + "\(CaptionText.short(overlap.from)) to \(CaptionText.short(overlap.to)), where the two "
        + "agree"
    }.joined()
  }

  /// The schedules drawn, from one α0 over the first epochs.
  static let scheduleFigure = (
    kinds: [ScheduleSettings.Kind.inverseTime, .exponential, .inverseSqrt, .staircase, .step],
    initial: 0.1, interval: 20, epochs: 100
  )

  func schedules() throws -> GalleryFigure {
    let drawn = Self.scheduleFigure
    let curves = try drawn.kinds.map { kind in
      var settings = ScheduleSettings(kind: kind, initial: drawn.initial)
      settings.interval = drawn.interval
      return try ScheduleCurve.sampling(settings, count: drawn.epochs)
    }
    var figure = Figure.schedule(curves: curves)
    figure.title = "Learning-rate schedules from α0 = \(drawn.initial) (default rates)"
    figure.titleMarkup = "Learning-rate schedules from α_{0} = \(drawn.initial) (default rates)"
    return GalleryFigure(
      name: "schedules",
      caption: "The learning-rate schedules of `ewa train --decay`, each with its default rate"
        + Self.overlapCaption(curves, initial: drawn.initial) + ".",
      commands: [
        "ewa plot schedule --decay \(drawn.kinds.map(\.rawValue).joined(separator: ",")) "
          + "--epochs \(drawn.epochs) --lr \(drawn.initial) --decay-interval \(drawn.interval)"
          + CommandText.titleOption(figure) + " -o plots/schedules.png"
      ], figure: figure)
  }
}

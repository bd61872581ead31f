import EWAIO
import EWAPlot
import EWASmooth
import EWATrain

/// The tour `ewa demo` draws: every comparison the toolkit computes, from the shipped data, each
/// figure made by the same library calls as the `ewa plot` command listed beside it.
///
/// Each figure's title, caption and commands are written from the settings it was computed with
/// and the results it shows (accuracies, final costs, end points), never typed in by hand.
public struct Gallery: Sendable {
  /// The folder holding `seattle-weather.csv` and `digits.csv`.
  public var dataDirectory = "data"
  /// The epochs of the textbook moons runs (5000 in the textbook).
  public var epochs = 5000
  /// The epochs of the digits runs.
  public var digitsEpochs = 50
  /// The seed of the moons runs, chosen so that after the textbook's 5000 epochs Adam separates
  /// the moons while gd and momentum do not.
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
      temperature(weather), biasCorrection(weather), moons.history,
      decayHistory(against: moons.adamCost), trajectory(Self.bowl), trajectory(Self.rosenbrock),
    ] + moons.boundaries + [schedules(), digitsHistory()] + batchSizeFigures()
      + [momentumBetaFigure(), plateauFigure()]
  }
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
      rewrites this folder, byte for byte the same when nothing changed, but for
      batch-size-seconds and its caption, which are measured on the clock). Each figure is a
      self-contained gnuplot script (`.gp`, data inline: `cd plots && gnuplot NAME.gp` redraws
      it) and the image it renders (`.png`, 1200×700). The commands under each image, run from the
      repository root, draw that image byte for byte, title included (a test runs them); under
      the three course figures that only the demo draws (batch-size-iterations,
      batch-size-seconds, momentum-beta) they run the same experiments and print their numbers.


      """
    for figure in figures {
      text += "## \(figure.name)\n\n\(figure.caption)\n\n"
      text += "![\(figure.figure.title ?? figure.name)](\(figure.name).png)\n\n"
      text += "```sh\n" + figure.commands.joined(separator: "\n") + "\n```\n\n"
    }
    return String(text.dropLast())
  }
}

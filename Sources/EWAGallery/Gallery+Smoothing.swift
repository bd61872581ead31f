import EWAPlot
import EWASmooth
import Foundation

/// The gallery's smoothing figures: the Seattle temperature log, and its first days with and
/// without bias correction.
extension Gallery {
  /// The column smoothed, and the time column that places it.
  static let weatherColumn = (value: "temp_max", time: "date")
  /// The decays of the temperature figure.
  static let temperatureBetas = [0.5, 0.9, 0.98]
  /// The decays of the bias-correction figure.
  static let correctionBetas = [0.9, 0.98]
  /// The days the bias-correction figure shows.
  static let correctionDays = 120

  func temperature(_ weather: (bytes: [UInt8], name: String)) throws -> GalleryFigure {
    let betas = Self.temperatureBetas.map { "\($0)" }
    let smoothed = try SmoothedColumn.smoothing(
      weather.bytes, name: weather.name, column: Self.weatherColumn.value,
      decays: DecaySpec.parseList(betas.joined(separator: ","), form: .beta, timed: true),
      time: Self.weatherColumn.time)
    var figure = Figure.smooth(smoothed)
    figure.title =
      "Seattle daily maximum temperature (°C), \(Self.years(spanning: smoothed.x)): larger β, "
      + "smoother and later"
    let days = Self.temperatureBetas.map { "\(Int((1 / (1 - $0)).rounded()))" }
    return GalleryFigure(
      name: "seattle-temperature",
      caption:
        "The temperature log smoothed with β = \(CaptionText.list(betas)) (about "
        + "\(CaptionText.list(days)) days). " + (try temperatureMeasures(weather)),
      commands: [
        "ewa plot smooth \(weather.name) --column \(Self.weatherColumn.value) "
          + "--beta \(betas.joined(separator: ",")) --time \(Self.weatherColumn.time)"
          + CommandText.titleOption(figure) + " -o plots/seattle-temperature.png"
      ], figure: figure)
  }

  func biasCorrection(_ weather: (bytes: [UInt8], name: String)) throws -> GalleryFigure {
    let betas = Self.correctionBetas.map { "\($0)" }
    let lines = Self.correctionDays + 1
    let firstDays =
      Array(
        weather.bytes.split(separator: UInt8(ascii: "\n")).prefix(lines).joined(
          separator: [UInt8(ascii: "\n")])) + [UInt8(ascii: "\n")]
    let smoothed = try SmoothedColumn.smoothing(
      firstDays, name: "standard input", column: Self.weatherColumn.value,
      decays: DecaySpec.parseList(betas.joined(separator: ","), form: .beta, timed: true),
      time: Self.weatherColumn.time, compareWithZeroStart: true)
    var figure = Figure.smooth(smoothed)
    figure.title = "Bias correction: V_t from V_0 = 0 starts near 0; V_t / (1 - β^t) does not"
    figure.titleMarkup =
      "Bias correction: V_{t} from V_{0} = 0 starts near 0; V_{t} / (1 - β^{t}) does not"
    return GalleryFigure(
      name: "bias-correction",
      caption:
        "The first \(smoothed.values.count) days with β = \(CaptionText.list(betas)): the "
        + "corrected average against the uncorrected one (dashed), which starts at 0 and needs "
        + "about 1/(1-β) days to catch up.",
      commands: [
        "head -\(lines) \(weather.name) | ewa plot smooth --column \(Self.weatherColumn.value) "
          + "--beta \(betas.joined(separator: ",")) --time \(Self.weatherColumn.time) "
          + "--compare-init" + CommandText.titleOption(figure) + " -o plots/bias-correction.png"
      ], figure: figure)
  }

  /// The calendar years (UTC) that times in seconds since 1970 span: `2012–2015`, or `2012`.
  static func years(spanning times: [Double]) -> String {
    let finite = times.filter(\.isFinite)
    guard let first = finite.min(), let last = finite.max() else { return "" }
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    let from = calendar.component(.year, from: Date(timeIntervalSince1970: first))
    let to = calendar.component(.year, from: Date(timeIntervalSince1970: last))
    return from == to ? "\(from)" : "\(from)–\(to)"
  }
}

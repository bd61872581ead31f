import EWAPlot

/// One figure of the gallery `ewa demo` draws: its file name, what it shows, and the `ewa`
/// commands that draw the same figure.
public struct GalleryFigure: Sendable {
  /// The file name without extension (`seattle-temperature` for `.gp` and `.png`).
  public var name: String
  /// One sentence saying what the figure shows.
  public var caption: String
  /// The shell commands that make the same figure from the repository root.
  public var commands: [String]
  /// The figure, titled.
  public var figure: Figure

  /// Creates a gallery entry.
  public init(name: String, caption: String, commands: [String], figure: Figure) {
    self.name = name
    self.caption = caption
    self.commands = commands
    self.figure = figure
  }
}

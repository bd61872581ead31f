extension GnuplotScript {
  /// The text printed after frame `number` of a live session, on a line of its own, by which
  /// the session knows gnuplot has finished drawing it.
  public static func frameMarker(_ number: Int) -> String { "ewa-frame \(number)" }

  /// What a frame prints, followed by gnuplot's message, when drawing it failed (gnuplot reading
  /// a pipe reports an error and carries on).
  public static let errorPrefix = "ewa-error "

  /// One frame of a live plot, sent to a gnuplot session kept open for the whole run: the
  /// settings and errors of the previous frame reset, the figure drawn as
  /// ``render(_:terminal:output:comment:)`` draws it (data inline, redefining the datablocks),
  /// then on gnuplot's standard output ``errorPrefix`` and the message if that failed, and
  /// ``frameMarker(_:)``.
  ///
  /// - Parameters:
  ///   - figure: what to draw.
  ///   - terminal: where to draw it.
  ///   - output: the file the frame is drawn into, or `nil` for a window.
  ///   - number: the frame's number, echoed in its marker.
  /// - Returns: the commands, ending with a newline.
  public static func frame(
    _ figure: Figure, terminal: Terminal, output: String?, number: Int
  ) -> String {
    "reset\nreset errors\n" + render(figure, terminal: terminal, output: output)
      + "set print \"-\"\n"
      + "if (GPVAL_ERRNO != 0) { print \(GnuplotText.quoted(errorPrefix)).GPVAL_ERRMSG }\n"
      + "print \(GnuplotText.quoted(frameMarker(number)))\nset print\n"
  }

  /// What ``terminalCheck(_:number:)`` prints when gnuplot has the terminal.
  public static let terminalPresent = "ewa-terminal-present"

  /// A question to a live session: prints ``terminalPresent`` when gnuplot can draw on
  /// `terminal` (a build without a window system cannot), then the marker of frame `number`.
  public static func terminalCheck(_ terminal: Terminal, number: Int) -> String {
    "set print \"-\"\n"
      + "if (strstrt(\" \".GPVAL_TERMINALS.\" \", \" \(terminal.gnuplotName) \") > 0) "
      + "{ print \(GnuplotText.quoted(terminalPresent)) }\n"
      + "print \(GnuplotText.quoted(frameMarker(number)))\nset print\n"
  }
}

import ArgumentParser

@main
struct EWACommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "ewa",
    abstract: """
      Exponentially weighted averages: smooth CSV time series, train with optimizers built on \
      them, and plot both.
      """,
    version: EWAVersion.string,
    subcommands: [Smooth.self, Train.self, Compare.self, Trajectory.self, Plot.self, Demo.self]
  )

  static func main() {
    StandardOutput.secureStandardDescriptors()
    SignalHandlers.install()
    main(nil)
  }
}

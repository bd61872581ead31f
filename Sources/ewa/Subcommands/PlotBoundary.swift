import ArgumentParser
import EWA
import EWAGallery
import EWAIO
import EWAPlot
import EWATrain

/// `ewa plot boundary`: the decision regions of a saved model, with the data points.
struct PlotBoundary: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "boundary",
    abstract: "Plot the decision regions of a saved two-feature model, with the data points.",
    discussion: """
      MODEL is a checkpoint written by `ewa train --save`. Give the data options it was trained \
      with (--dataset, --seed, --standardize, ...) to draw its training points; the regions are \
      drawn in the model's input space (standardised features with --standardize).
      """)

  @Argument(
    help: ArgumentHelp("The checkpoint of `ewa train --save`.", valueName: "model"),
    completion: .file(extensions: ["json"]))
  var model: String

  @OptionGroup var data: DataOptions

  @OptionGroup var plot: PlotOptions<StillTerminals>

  func validate() throws { try refuseList("--seed", data.seeds.items.count, lists: false) }

  func run() throws {
    try reportingErrors {
      try FileRoles.check(
        FileRoles.input("the model", model), data.inputRoles, plot.outputRoles(name: "boundary"))
      let checkpoint = try Checkpoint.load(from: model)
      let (train, _) = try data.source.prepare()
      try plot.draw(
        Figure.boundary(model: checkpoint, data: train), name: "boundary",
        subject: "the model \(MessageText.inline(model))",
        comment:
          "ewa plot boundary: \(GnuplotText.quoted(model)) on "
          + GnuplotText.quoted(data.dataset))
    }
  }
}

import EWAPlot
import EWATrain

extension TrainingRun {
  /// The history figure's run of a run as its history recorded it
  /// (``EWATrain/TrainingHistory/runs(epochs:batches:name:)``).
  public init(_ recorded: RecordedRun) {
    self.init(
      name: recorded.name, batchSteps: recorded.batchSteps, batchCosts: recorded.batchCosts,
      epochSteps: recorded.epochSteps, epochCosts: recorded.epochCosts)
  }
}

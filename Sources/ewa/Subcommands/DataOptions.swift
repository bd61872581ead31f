import ArgumentParser
import EWA
import EWAIO
import EWATrain

/// Where the training data comes from (shared by `train` and `compare`).
struct DataOptions: ParsableArguments {
  @Option(
    help: "moons, circles, spiral, blobs, or a CSV file (with --label).",
    completion: .file(extensions: ["csv"]))
  var dataset: String = "moons"

  @Option(help: "The label column of a CSV dataset; every other column is a numeric feature.")
  var label: String?

  @Option(help: "Rows of a generated dataset.")
  var samples: Int = 300

  @Option(help: "Standard deviation of the noise of a generated dataset.")
  var noise: Double = 0.2

  @Option(help: "Share of rows held out for testing (default 0 for generated data, 0.2 for CSV).")
  var testFraction: Double?

  @Flag(help: "Standardise features with the training rows' mean and standard deviation.")
  var standardize = false

  @Option(
    name: .customLong("seed"),
    help: "Seed of the generated data and the test split, and in training of the initial weights and the batch order.")
  var seeds = CommaSeparated<UInt64>(argument: "1")

  /// The one seed given (the first; only `compare` takes a list).
  var seed: UInt64 { seeds.values.first ?? 1 }

  var synthetic: SyntheticData? { SyntheticData(rawValue: dataset) }

  func validate() throws {
    if let item = seeds.firstInvalid {
      throw ValidationError(
        "--seed must be a whole number from 0 to \(UInt64.max), got \(MessageText.quoted(item.text))."
      )
    }
    if synthetic == nil && label == nil {
      throw ValidationError(
        "--dataset \(MessageText.inline(dataset)) is not moons, circles, spiral or blobs, so it is a CSV file and needs --label COLUMN."
      )
    }
    if synthetic != nil && label != nil {
      throw ValidationError("--label applies to CSV datasets only, not to \(dataset).")
    }
    if let testFraction, !(testFraction >= 0 && testFraction < 1) {
      throw ValidationError("--test-fraction must lie in [0, 1), got \(testFraction).")
    }
  }

  var source: DataSource { source(seed: seed) }

  /// The data drawn, split and shuffled with `seed`.
  func source(seed: UInt64) -> DataSource {
    var source = DataSource(
      origin: synthetic.map { .synthetic($0, samples: samples, noise: noise) }
        ?? .csv(path: dataset, label: label ?? ""))
    source.testFraction = testFraction
    source.standardize = standardize
    source.seed = seed
    return source
  }
}

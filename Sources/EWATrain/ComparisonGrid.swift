import EWAIO

/// The runs of `ewa compare`: every combination of the hyper-parameter lists, each named by the
/// values that vary across the runs (`batch 1`, `momentum β=0.5`, `adam lr=0.01`).
///
/// A list of one value varies nothing and is left out of the names; when nothing varies the run is
/// named after its optimizer. A hyper-parameter an optimizer does not read (β for gd or adam, β1
/// and β2 for momentum) does not multiply that optimizer's runs: `--optimizers gd,momentum --beta
/// 0.5,0.9` makes three runs, `gd`, `momentum β=0.5` and `momentum β=0.9`.
///
/// Every run with the same seed starts from the same weights and, where the batch size is equal,
/// sees the same batch order (``Trainer`` draws both from the seed alone).
public struct ComparisonGrid: Sendable {
  /// The most runs one comparison makes.
  public static let maximumRuns = 64

  public var optimizers: [OptimizerKind]
  public var batchSizes: [BatchSize] = [.rows(64)]
  public var rates: [Double] = [0.0007]
  /// β of momentum, nesterov and rmsprop; empty: their default.
  public var betas: [Double] = []
  /// β1 of the Adam family; empty: its default.
  public var beta1s: [Double] = []
  /// β2 of the Adam family; empty: its default.
  public var beta2s: [Double] = []
  public var decays: [ScheduleSettings.Kind] = [.none]
  /// The initialisations; nil is the activation's preferred one.
  public var initializations: [Initialization?] = [nil]
  public var seeds: [UInt64] = [1]

  /// A grid over `optimizers` with one value of everything else.
  public init(optimizers: [OptimizerKind]) { self.optimizers = optimizers }

  /// One run of the comparison.
  public struct Run: Equatable, Sendable {
    /// What varies, e.g. `momentum β=0.5`, unique within the comparison.
    public var name: String
    /// The optimizer with β, β1 and β2 set from the lists (the rest from the base settings).
    public var optimizer: OptimizerSettings
    public var learningRate: Double
    /// Rows per batch, `m` resolved to the training rows.
    public var batchSize: Int
    public var decay: ScheduleSettings.Kind
    public var initialization: Initialization?
    public var seed: UInt64
  }

  /// The runs, optimizer by optimizer, in the order of the lists.
  ///
  /// - Parameters:
  ///   - rows: the training rows (the size of a batch `m`).
  ///   - base: the settings of an optimizer before β, β1 and β2 (ε, weight decay, bias correction).
  /// - Throws: ``TrainingError`` (usage) for a list that names one value twice (also `64` and `m`
  ///   on 64 rows), or for more than ``maximumRuns`` runs, naming the count.
  public func runs(rows: Int, base: (OptimizerKind) -> OptimizerSettings) throws(TrainingError)
    -> [Run]
  {
    let sizes = batchSizes.map { $0.rows(of: rows) }
    let labels: [(String, [String])] = [
      ("--optimizers", optimizers.map(\.rawValue)), ("--batch-size", sizes.map { "\($0)" }),
      ("--lr", rates.map(Self.number)), ("--beta", betas.map(Self.number)),
      ("--beta1", beta1s.map(Self.number)), ("--beta2", beta2s.map(Self.number)),
      ("--decay", decays.map(\.rawValue)),
      ("--init", initializations.map { $0?.rawValue ?? "default" }),
      ("--seed", seeds.map { "\($0)" }),
    ]
    for (option, values) in labels where Set(values).count != values.count {
      throw .usage("\(option) lists the same value twice (\(values.joined(separator: ","))).")
    }
    let count =
      optimizers.reduce(0) { total, kind in
        total + (kind.usesBeta ? max(betas.count, 1) : 1)
          * (kind.usesBeta1Beta2 ? max(beta1s.count, 1) * max(beta2s.count, 1) : 1)
      } * sizes.count * rates.count * decays.count * initializations.count * seeds.count
    guard count <= Self.maximumRuns else {
      throw .usage(
        "these lists make \(count) runs, more than the \(Self.maximumRuns) one comparison runs; "
          + "shorten a list.")
    }
    let optional = { (values: [Double], applies: Bool) -> [Double?] in
      applies && !values.isEmpty ? values : [nil]
    }
    var runs: [Run] = []
    for kind in optimizers {
      for beta in optional(betas, kind.usesBeta) {
        for beta1 in optional(beta1s, kind.usesBeta1Beta2) {
          for beta2 in optional(beta2s, kind.usesBeta1Beta2) {
            var settings = base(kind)
            settings.beta = beta ?? settings.beta
            settings.beta1 = beta1 ?? settings.beta1
            settings.beta2 = beta2 ?? settings.beta2
            var head: [String] = optimizers.count > 1 ? [kind.rawValue] : []
            if let beta, betas.count > 1 { head.append("β=\(Self.number(beta))") }
            if let beta1, beta1s.count > 1 { head.append("β1=\(Self.number(beta1))") }
            if let beta2, beta2s.count > 1 { head.append("β2=\(Self.number(beta2))") }
            runs += rest(kind: kind, settings: settings, head: head, sizes: sizes)
          }
        }
      }
    }
    return runs
  }

  /// The runs of one optimizer setting over the other lists.
  private func rest(kind: OptimizerKind, settings: OptimizerSettings, head: [String], sizes: [Int])
    -> [Run]
  {
    var runs: [Run] = []
    for rate in rates {
      for size in sizes {
        for decay in decays {
          for initialization in initializations {
            for seed in seeds {
              var parts = head
              if rates.count > 1 { parts.append("lr=\(Self.number(rate))") }
              if sizes.count > 1 { parts.append("batch \(size)") }
              if decays.count > 1 { parts.append("decay \(decay.rawValue)") }
              if initializations.count > 1 {
                parts.append("init \(initialization?.rawValue ?? "default")")
              }
              if seeds.count > 1 { parts.append("seed \(seed)") }
              runs.append(
                Run(
                  name: parts.isEmpty ? kind.rawValue : parts.joined(separator: " "),
                  optimizer: settings, learningRate: rate, batchSize: size, decay: decay,
                  initialization: initialization, seed: seed))
            }
          }
        }
      }
    }
    return runs
  }

  /// A value in a name: the shortest text that reads back as it (`0.5`, `1e-08`).
  static func number(_ value: Double) -> String { NumberText.format(value) }
}

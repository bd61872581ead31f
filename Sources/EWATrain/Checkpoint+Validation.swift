import EWA
import EWAIO
import Foundation

extension Checkpoint {
  /// The most weight layers a checkpoint may describe.
  public static let layerLimit = 256
  /// The most units a layer of a checkpoint may have.
  public static let widthLimit = 1 << 16
  /// The most units all layers of a checkpoint may have together (2^18): the buffers of a
  /// forward pass grow with it, times the rows of a batch.
  public static let unitLimit = 1 << 18
  /// The most parameters a checkpoint may hold (2^26, half a gibibyte of doubles): a bound on
  /// what loading one can allocate.
  public static let parameterLimit = 1 << 26
  /// The largest epoch, step or schedule length a checkpoint may hold: far above any real run,
  /// and far enough below `Int.max` that counting on cannot overflow.
  public static let countLimit = 1 << 53

  /// Checks every field of a decoded checkpoint, so that nothing out of range reaches the
  /// network, the optimizer's loops or the schedule.
  ///
  /// The shapes (layers non-empty, positive and within ``widthLimit``, at most ``unitLimit``
  /// units and ``parameterLimit`` parameters), every vector's length against the network, every weight and
  /// moment finite (second moments and AMSGrad's maximum ≥ 0), the hyper-parameters in range
  /// (β in [0, 1), ε > 0, rates finite and positive), the counts in `0...`<``countLimit``>,
  /// each averager's step count equal to the checkpoint's and its weight the one that many steps
  /// give, and the optimizer of the configuration's kind.
  ///
  /// - Throws: ``TrainingError`` (data) naming the field by its path, as in
  ///   `optimizer.adam.second: 3 values, the network has 17 parameters`.
  public func validate() throws(CheckpointFieldError) {
    try validateNetwork()
    try validateConfiguration()
    let count = network.parameterCount
    try Self.check(
      parameters.count == count, "parameters",
      "\(parameters.count) values, the network has \(count) parameters")
    try Self.checkFinite(parameters, "parameters")
    try Self.check(
      !dataFingerprint.isEmpty && dataFingerprint.utf8.count <= 256, "dataFingerprint",
      "\(MessageText.quoted(dataFingerprint)) is not a data fingerprint")
    try Self.checkCount(epoch, "epoch")
    try Self.checkCount(step, "step")
    try Self.check(
      step >= epoch, "step", "\(step) steps in \(epoch) epochs; every epoch takes at least one")
    if let finalCost {
      try Self.check(
        finalCost.isFinite && finalCost >= 0, "finalCost", "\(finalCost) is not a cost ≥ 0")
      try Self.check(epoch > 0, "finalCost", "a cost, but no epoch was run")
    }
    try validateOptimizer(count: count)
  }

  private func validateNetwork() throws(CheckpointFieldError) {
    let sizes = network.sizes
    try Self.check(
      sizes.count >= 2 && sizes.count <= Self.layerLimit + 1, "network.sizes",
      "\(sizes.count) sizes; a network has an input, an output and at most "
        + "\(Self.layerLimit - 1) hidden layers")
    for (l, size) in sizes.enumerated() {
      try Self.check(
        size >= 1 && size <= Self.widthLimit, "network.sizes.\(l)",
        "\(size) units; a layer has 1 to \(Self.widthLimit)")
    }
    try Self.check(
      sizes[sizes.count - 1] != 2, "network.sizes.\(sizes.count - 1)",
      "2 outputs; two classes have one sigmoid output")
    try Self.check(
      sizes.reduce(0, +) <= Self.unitLimit, "network.sizes",
      "\(sizes.reduce(0, +)) units in all; a network has at most \(Self.unitLimit)")
    var total = 0
    for l in 0..<(sizes.count - 1) {
      // Each term is below 2^33 with the width limit, so only the sum needs a bound.
      total += sizes[l + 1] * (sizes[l] + 1)
      try Self.check(
        total <= Self.parameterLimit, "network.sizes",
        "\(sizes.map(String.init).joined(separator: ",")) needs more than "
          + "\(Self.parameterLimit) parameters")
    }
  }

  private func validateConfiguration() throws(CheckpointFieldError) {
    let c = configuration
    try Self.check(
      c.hidden == Array(network.sizes.dropFirst().dropLast()), "configuration.hidden",
      "\(c.hidden), but network.sizes has hidden layers \(Array(network.sizes.dropFirst().dropLast()))"
    )
    try Self.check(
      c.activation == network.activation, "configuration.activation",
      "\(c.activation.rawValue), but network.activation is \(network.activation.rawValue)")
    try Self.check(
      c.batchSize >= 1 && c.batchSize <= Self.countLimit, "configuration.batchSize",
      "\(c.batchSize) is not a batch size ≥ 1")
    try Self.check(c.l2.isFinite && c.l2 >= 0, "configuration.l2", "\(c.l2) is not a λ ≥ 0")
    do {
      _ = try c.optimizer.make(count: 0)
    } catch {
      throw CheckpointFieldError(field: "configuration.optimizer", message: error.message)
    }
    let s = c.schedule
    try Self.check(
      s.interval >= 1 && s.interval <= Self.countLimit, "configuration.schedule.interval",
      "\(s.interval) is not an interval from 1 to \(Self.countLimit)")
    try Self.check(
      s.warmUp >= 0 && s.warmUp <= Self.countLimit, "configuration.schedule.warmUp",
      "\(s.warmUp) is not a warm-up length from 0 to \(Self.countLimit)")
    for (i, point) in s.points.enumerated() {
      try Self.check(
        point.epoch >= 0 && point.epoch <= Self.countLimit,
        "configuration.schedule.points.\(i).epoch", "\(point.epoch) is out of range")
    }
    if let rate = s.rate {
      try Self.check(rate.isFinite, "configuration.schedule.rate", "\(rate) is not finite")
    }
    do {
      _ = try s.make()
    } catch {
      throw CheckpointFieldError(field: "configuration.schedule", message: error.message)
    }
  }

  private func validateOptimizer(count: Int) throws(CheckpointFieldError) {
    let settings = configuration.optimizer
    let kind: OptimizerKind
    switch optimizer {
    case .gd(let o):
      kind = .gd
      try Self.check(
        o.steps == step, "optimizer.gd.steps", "\(o.steps), but the checkpoint took \(step) steps")
    case .momentum(let o):
      kind = .momentum
      try checkMomentum(o, "optimizer.momentum", count: count)
    case .nesterov(let o):
      kind = .nesterov
      try checkMomentum(o.momentum, "optimizer.nesterov", count: count)
    case .rmsprop(let o):
      kind = .rmsprop
      try Self.check(
        o.epsilon == settings.epsilon, "optimizer.rmsprop.epsilon",
        "\(o.epsilon), but configuration.optimizer.epsilon is \(settings.epsilon)")
      try Self.check(
        o.biasCorrection == settings.biasCorrection, "optimizer.rmsprop.biasCorrection",
        "\(o.biasCorrection), but configuration.optimizer.biasCorrection is \(settings.biasCorrection)"
      )
      try checkAverage(
        o.meanSquare, "optimizer.rmsprop.meanSquare", beta: settings.beta, count: count,
        nonNegative: true)
    case .adam(let o):
      kind = .adam
      try checkAdam(o, "optimizer.adam", count: count)
    case .adamw(let o):
      kind = .adamw
      try checkAdam(o.adam, "optimizer.adamw", count: count)
      try Self.check(
        o.weightDecay == settings.weightDecay, "optimizer.adamw.weightDecay",
        "\(o.weightDecay), but configuration.optimizer.weightDecay is \(settings.weightDecay)")
    case .amsgrad(let o):
      kind = .amsgrad
      try checkAdam(o.adam, "optimizer.amsgrad", count: count)
      try Self.check(
        o.maximum.count == count, "optimizer.amsgrad.maximum",
        "\(o.maximum.count) values, the network has \(count) parameters")
      try Self.checkFinite(o.maximum, "optimizer.amsgrad.maximum", nonNegative: true)
    }
    try Self.check(
      kind == settings.kind, "optimizer",
      "a \(kind.rawValue) state, but configuration.optimizer.kind is \(settings.kind.rawValue)")
  }

  private func checkMomentum(_ o: Momentum<Double>, _ field: String, count: Int)
    throws(CheckpointFieldError)
  {
    let settings = configuration.optimizer
    try Self.check(
      o.biasCorrection == settings.biasCorrection, "\(field).biasCorrection",
      "\(o.biasCorrection), but configuration.optimizer.biasCorrection is \(settings.biasCorrection)"
    )
    try checkAverage(
      o.velocity, "\(field).velocity", beta: settings.beta, count: count, nonNegative: false)
  }

  private func checkAdam(_ o: Adam<Double>, _ field: String, count: Int)
    throws(CheckpointFieldError)
  {
    let settings = configuration.optimizer
    try Self.check(
      o.epsilon == settings.epsilon, "\(field).epsilon",
      "\(o.epsilon), but configuration.optimizer.epsilon is \(settings.epsilon)")
    try checkAverage(
      o.moments.first, "\(field).first", beta: settings.beta1, count: count, nonNegative: false)
    try checkAverage(
      o.moments.second, "\(field).second", beta: settings.beta2, count: count, nonNegative: true)
  }

  /// One averager of the optimizer: its β, start, length, values, step count and weight.
  private func checkAverage(
    _ average: ExponentialAverage<[Double]>, _ field: String, beta: Double, count: Int,
    nonNegative: Bool
  ) throws(CheckpointFieldError) {
    try Self.check(
      average.beta == beta, "\(field).beta",
      "\(average.beta), but the configuration's is \(beta)")
    try Self.check(average.start == .zero, "\(field).start", "an optimizer's moments start at zero")
    try Self.check(
      average.corrected.count == count, field,
      "\(average.corrected.count) values, the network has \(count) parameters")
    try Self.checkFinite(average.corrected, "\(field).corrected", nonNegative: nonNegative)
    try Self.check(
      average.count == step, "\(field).count",
      "\(average.count), but the checkpoint took \(step) steps")
    // W_t = (1 - β^t) / (1 - β): the weight t regular steps give (rounding aside).
    let expected = step == 0 ? 0 : (1 - Foundation.pow(beta, Double(step))) / (1 - beta)
    try Self.check(
      average.weight.isFinite && abs(average.weight - expected) <= 1e-6 * max(expected, 1),
      "\(field).weight",
      "\(average.weight) is not the weight of \(step) steps with β = \(beta) (\(expected))")
  }

  private static func check(
    _ condition: Bool, _ field: String, _ message: @autoclosure () -> String
  )
    throws(CheckpointFieldError)
  {
    if !condition { throw CheckpointFieldError(field: field, message: message()) }
  }

  private static func checkCount(_ value: Int, _ field: String) throws(CheckpointFieldError) {
    try check(
      value >= 0 && value <= countLimit, field, "\(value) is not a count from 0 to \(countLimit)")
  }

  private static func checkFinite(_ values: [Double], _ field: String, nonNegative: Bool = false)
    throws(CheckpointFieldError)
  {
    for (i, value) in values.enumerated() where !value.isFinite || (nonNegative && value < 0) {
      throw CheckpointFieldError(
        field: "\(field).\(i)",
        message: "\(value) is not \(nonNegative ? "finite and ≥ 0" : "finite")")
    }
  }
}

/// A field of a checkpoint that is out of range, named by its path (`optimizer.adam.second`).
public struct CheckpointFieldError: Error, Equatable, CustomStringConvertible {
  public let field: String
  public let message: String
  public var description: String { "\(field): \(message)" }
}

import ArgumentParser
import EWATrain
import _AllocationCounter
import Foundation

/// `_EWABench`: the throughput of one fused in-place optimizer step on a large Float32 vector, for
/// `bench/run.sh` (issue 5). Not part of `swift test`.
@main
struct EWABench: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "_EWABench",
    abstract: "Time fused in-place optimizer steps on one Float32 parameter vector.",
    discussion: """
      Prints one JSON object: seconds (the median over the repeats of the wall time of --steps \
      steps), mparams_per_s (params × steps / seconds / 10⁶) and allocations_per_step (heap \
      allocations during the timed steps, counted by interposing malloc, over the step count).
      """)

  enum Kind: String, CaseIterable, ExpressibleByArgument {
    case adam, momentum, rmsprop
  }

  @Option(help: "adam, momentum or rmsprop.")
  var optimizer: Kind

  @Option(help: "The number of Float32 parameters.")
  var params = 10_000_000

  @Option(help: "The steps in one timed repeat.")
  var steps = 40

  @Option(help: "The timed repeats; the median is reported.")
  var repeats = 5

  @Option(help: "Untimed steps before the first repeat.")
  var warmUp = 3

  @Option(help: "Threads (the fused step runs on one thread, so only 1 is accepted).")
  var threads = 1

  func validate() throws {
    guard params >= 1, steps >= 1, repeats >= 1, warmUp >= 0 else {
      throw ValidationError(
        "--params, --steps and --repeats must be at least 1 and --warm-up at least 0.")
    }
    guard threads == 1 else {
      throw ValidationError(
        "--threads must be 1: the optimizers update the vector in one pass on one thread.")
    }
  }

  func run() throws {
    let result: StepTiming
    switch optimizer {
    case .adam:
      var adam = try Adam<Float>(beta1: 0.9, beta2: 0.999, epsilon: 1e-8, count: params)
      result = time(&adam)
    case .momentum:
      var momentum = try Momentum<Float>(beta: 0.9, count: params)
      result = time(&momentum)
    case .rmsprop:
      var rmsprop = try RMSProp<Float>(beta: 0.9, epsilon: 1e-8, count: params)
      result = time(&rmsprop)
    }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    print(String(decoding: try encoder.encode(result), as: UTF8.self))
  }

  /// Times `steps` steps `repeats` times after `warmUp` steps, on seeded random data.
  func time<O: Optimizer<Float>>(_ optimizer: inout O) -> StepTiming {
    var generator = SeededGenerator(seed: 0)
    var parameters = (0..<params).map { _ in Float(generator.normal()) }
    let gradient = (0..<params).map { _ in Float(generator.normal() * 1e-3) }
    let rate: Float = 1e-4
    for _ in 0..<warmUp { optimizer.update(&parameters, gradient: gradient, learningRate: rate) }
    let clock = ContinuousClock()
    var seconds: [Double] = []
    seconds.reserveCapacity(repeats)
    let before = ewa_allocation_count()
    for _ in 0..<repeats {
      let started = clock.now
      for _ in 0..<steps { optimizer.update(&parameters, gradient: gradient, learningRate: rate) }
      let elapsed = clock.now - started
      seconds.append(
        Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
    }
    let allocations = ewa_allocation_count() - before
    seconds.sort()
    let median = seconds[seconds.count / 2]
    return StepTiming(
      optimizer: optimizer.rawName, params: params, steps: steps, repeats: repeats, threads: 1,
      seconds: median, mparamsPerS: Double(params) * Double(steps) / median / 1e6,
      allocationsPerStep: before < 0 ? nil : Double(allocations) / Double(repeats * steps),
      allocationCounterCheck: Self.counterCheck(),
      stepsBuild: fusedStepsUseAVX2 ? "avx2" : "portable",
      checksum: parameters.reduce(0) { $0 + Double($1) })
  }

  /// The allocations the counter sees while one small array is made: 1 when it works, nil where
  /// there is no counter.
  static func counterCheck() -> Int? {
    let before = ewa_allocation_count()
    guard before >= 0 else { return nil }
    let probe = [Float](repeating: 1, count: 16 + Int(before & 1))
    let after = ewa_allocation_count()
    withExtendedLifetime(probe) {}
    return Int(after - before)
  }
}

extension Optimizer {
  /// The optimizer's command-line name.
  var rawName: String { Self.name }
}

/// What `_EWABench` prints: the median time of the timed steps and the allocations they made.
struct StepTiming: Encodable {
  let optimizer: String
  let params: Int
  let steps: Int
  let repeats: Int
  let threads: Int
  /// The median over the repeats of the wall time of `steps` steps.
  let seconds: Double
  let mparamsPerS: Double
  /// Heap allocations per timed step (nil where the counter is not available).
  let allocationsPerStep: Double?
  /// The allocations counted while one small array was made (1 shows the counter works).
  let allocationCounterCheck: Int?
  /// Which build of the fused steps ran: `avx2` or `portable`.
  let stepsBuild: String
  /// The sum of the final parameters, so the work cannot be optimized away.
  let checksum: Double

  enum CodingKeys: String, CodingKey {
    case optimizer, params, steps, repeats, threads, seconds, checksum
    case mparamsPerS = "mparams_per_s"
    case allocationsPerStep = "allocations_per_step"
    case allocationCounterCheck = "allocation_counter_check"
    case stepsBuild = "steps_build"
  }
}

import Foundation

/// An exponentially weighted average with bias correction: the one implementation of the
/// recurrence in this package.
///
/// The textbook recurrence and its bias correction are
///
/// ```
/// V_t = β·V_{t-1} + (1-β)·θ_t,    V_0 = 0
/// V̂_t = V_t / (1 - β^t)
/// ```
///
/// This type keeps the corrected average `V̂_t` together with the total weight `W_t` of the
/// observations (the newest one weighing 1), and updates them in the weighted form that pandas
/// uses for `ewm(adjust=True).mean()`:
///
/// ```
/// k   = β·W_{t-1}                      (the old observations' weight, decayed one step)
/// V̂_t = (k·V̂_{t-1} + θ_t) / (k + 1)
/// W_t = k + 1                          so (1-β)·W_t = 1 - β^t, the bias factor
/// ```
///
/// Multiplying the second line by `(1-β)·W_t = 1 - β^t` gives back `V_t = β·V_{t-1} + (1-β)·θ_t`
/// exactly, so ``raw`` is the textbook `V_t` and ``corrected`` is `V_t / (1 - β^t)`. Keeping the
/// corrected value rather than `V_t` makes the result bit-identical to pandas (dividing `V_t` by
/// `1 - β^t` on read agrees with pandas on fewer than one row in ten, off by one or two units in the
/// last place), keeps a constant series exactly constant from the first step, and lets Adam read
/// its corrected moments without a division.
///
/// Two starts are supported (see ``Start``): from `V_0 = 0` with bias correction (pandas
/// `adjust=True`, Adam), or from the first observation (pandas `adjust=False`, Miller's
/// `step -a ewma`), where each new observation weighs `1-β` and the total weight stays 1.
///
/// Missing observations (``skip(elapsed:)``) decay the weight of the past without adding to it, so
/// weights follow absolute positions, as pandas' `ignore_na=False` documents. Irregular time steps
/// pass `elapsed` (in units of one step), which decays the past by `β^elapsed`, as pandas does for
/// `times=` with `halflife=` when `β = 1/2` and `elapsed` is the time since the previous row over
/// the half-life.
///
/// `Value` is a scalar (`Double`, `Float`) or a vector (`[Double]`, `[Float]`); a vector is updated
/// in place, element by element, with no allocation per update.
public struct ExponentialAverage<Value: EWAValue>: Codable, Equatable {
  public typealias Scalar = Value.Scalar

  /// How the average starts.
  public enum Start: String, Codable, Sendable, CaseIterable {
    /// `V_0 = 0`; ``corrected`` divides by `1 - β^t` (pandas `adjust=True`).
    case zero
    /// `V_1 = θ_1`; later observations weigh `1-β` (pandas `adjust=False`, Miller).
    case first
  }

  /// The decay factor β in [0, 1): the weight the past keeps at each step.
  public let beta: Scalar
  /// How the average starts.
  public let start: Start
  @usableFromInline var _corrected: Value
  @usableFromInline var _weight: Scalar
  @usableFromInline var _count: Int

  /// The bias-corrected average `V̂_t` (zero before the first observation).
  @inlinable public var corrected: Value { _corrected }
  /// The total weight `W_t` of the observations, in units where one new observation weighs 1
  /// (``Start/zero``), or in units where all of them weigh 1 (``Start/first``).
  @inlinable public var weight: Scalar { _weight }
  /// The number of observations folded in: the step count `t`.
  @inlinable public var count: Int { _count }

  enum CodingKeys: String, CodingKey {
    case beta, start
    case _corrected = "corrected"
    case _weight = "weight"
    case _count = "count"
  }

  /// Creates an average with nothing observed yet.
  ///
  /// - Parameters:
  ///   - beta: the decay factor, in [0, 1) (use ``Decay`` to convert α, span, com or half-life).
  ///   - zero: the zero of `Value` (for a vector, a vector of zeros of the right length).
  ///   - start: ``Start/zero`` (bias-corrected, the default) or ``Start/first``.
  /// - Precondition: `0 ≤ beta < 1`. For a β that may be out of range (read from a user), use
  ///   ``init(validating:zero:start:)``, which throws instead, or ``Decay/beta(_:)``.
  public init(beta: Scalar, zero: Value, start: Start = .zero) {
    precondition(beta >= 0 && beta < 1, "β must lie in [0, 1), got \(beta)")
    self.beta = beta
    self.start = start
    self._corrected = zero
    self._weight = 0
    self._count = 0
  }

  /// The effective window `1/(1-β)`: roughly how many recent observations the average spans.
  public var window: Scalar { 1 / (1 - beta) }

  /// The bias factor `1 - β^t` (for ``Start/first``, 1 once something has been observed).
  ///
  /// With missing observations under ``skip(elapsed:)`` it is the share of the weight held by the
  /// observations, the rest being held by the zero start and by the missing steps.
  public var biasFactor: Scalar { start == .zero ? (1 - beta) * weight : weight }

  /// The uncorrected average `V_t = β·V_{t-1} + (1-β)·θ_t` from `V_0 = 0`.
  ///
  /// - Complexity: O(n) for a vector of n elements; it allocates the returned vector.
  public var raw: Value {
    let factor = biasFactor
    return corrected.mapElements { $0 * factor }
  }

  /// The recurrence, for one element: the weighted mean of the old average (weight `keep`) and the
  /// new observation (weight `gain`).
  ///
  /// ```
  /// blend(v̂, θ, keep, gain) = (keep·v̂ + gain·θ) / (keep + gain)
  /// ```
  ///
  /// An observation equal to the average leaves it unchanged exactly, as pandas does.
  @inlinable @inline(__always)
  public static func blend(_ average: Scalar, _ x: Scalar, keep: Scalar, gain: Scalar) -> Scalar {
    average == x ? average : (keep * average + gain * x) / (keep + gain)
  }

  /// Advances the step count and weight for one observation, and returns the coefficients with
  /// which every element is then blended by ``blend(_:_:keep:gain:)``.
  ///
  /// Internal to the package: calling it without blending every element breaks the average, so
  /// only this type's own updates (``update(with:elapsed:)`` and the fused steps in
  /// `ExponentialAverage+Fused.swift`) call it.
  ///
  /// - Parameter elapsed: the time since the previous observation, in steps (1 for a regular
  ///   series); the past decays by `β^elapsed`.
  /// - Returns: `keep`, the weight of the old average, and `gain`, the weight of the observation.
  @inlinable
  package mutating func advance(elapsed: Scalar = 1) -> (keep: Scalar, gain: Scalar) {
    let gain: Scalar = (start == .first && count > 0) ? 1 - beta : 1
    let keep = decay(elapsed) * _weight
    _weight = start == .first ? 1 : keep + gain
    // Saturates rather than traps: a count restored from a state file may be near Int.max.
    _count = _count == .max ? .max : _count + 1
    return (keep, gain)
  }

  /// Folds one observation into the average.
  ///
  /// - Parameters:
  ///   - x: the observation (for a vector, one value per element).
  ///   - elapsed: the time since the previous observation, in steps (1 for a regular series).
  /// - Returns: the coefficients the step used: `keep`, the weight of the old average, and `gain`,
  ///   the weight of the observation.
  /// - Complexity: O(n) for a vector of n elements, in place, without allocating.
  @inlinable @discardableResult
  public mutating func update(with x: Value, elapsed: Scalar = 1) -> (keep: Scalar, gain: Scalar) {
    let (keep, gain) = advance(elapsed: elapsed)
    _corrected.combineElements(with: x) { v, x, _ in Self.blend(v, x, keep: keep, gain: gain) }
    return (keep, gain)
  }

  /// Records a missing observation: the past decays by `β^elapsed` and nothing is added, so later
  /// weights follow absolute positions (pandas `ignore_na=False`). Does nothing before the first
  /// observation. To ignore a missing value instead (pandas `ignore_na=True`), do not call anything.
  @inlinable
  public mutating func skip(elapsed: Scalar = 1) {
    if _count > 0 { _weight *= decay(elapsed) }
  }

  /// The factor `β^elapsed` by which the past decays over `elapsed` steps (exactly β for one).
  @inlinable
  public func decay(_ elapsed: Scalar) -> Scalar {
    elapsed == 1 ? beta : Scalar(Foundation.pow(Double(beta), Double(elapsed)))
  }
}

extension ExponentialAverage where Value: BinaryFloatingPoint, Value.Scalar == Value {
  /// Creates a scalar average with nothing observed yet.
  ///
  /// - Precondition: `0 ≤ beta < 1` (``init(validating:zero:start:)`` throws instead).
  public init(beta: Value, start: Start = .zero) {
    self.init(beta: beta, zero: 0, start: start)
  }
}

extension ExponentialAverage {
  /// Creates a vector average of `count` elements with nothing observed yet.
  ///
  /// - Precondition: `0 ≤ beta < 1` (``init(validating:zero:start:)`` throws instead).
  public init<Element>(beta: Element, count: Int, start: Start = .zero)
  where Value == [Element] {
    self.init(beta: beta, zero: [Element](repeating: 0, count: count), start: start)
  }
}

extension ExponentialAverage: Sendable where Value: Sendable, Value.Scalar: Sendable {}

import Foundation

/// Preallocated buffers for the forward and backward passes of a ``DenseNetwork`` on batches of up
/// to `capacity` rows, so that a training step allocates nothing.
///
/// ```
/// forward:  Z[l] = A[l-1]·W[l]ᵀ + b[l],  A[l] = g(Z[l]),  A[L] = σ(Z[L]) or softmax(Z[L])
/// cost:     J = (1/m)·Σ CE(A[L], y) + (λ/2m)·Σ‖W‖²
/// backward: dZ[L] = (A[L] - Y)/m,  dW[l] = dZ[l]ᵀ·A[l-1] + (λ/m)·W[l],  db[l] = Σ_rows dZ[l],
///           dZ[l-1] = (dZ[l]·W[l]) ⊙ g'(Z[l-1])
/// ```
///
/// The buffers are unit-major: unit `j` of batch row `n` sits at `[j·capacity + n]`, so the inner
/// loops run over the rows of the batch, contiguously, and vectorize. Every sum is still taken in
/// the order the formulas above give (inputs in order, then rows in order), so the results do not
/// depend on the layout.
public final class NetworkWorkspace {
  public let network: DenseNetwork
  public let capacity: Int
  /// The gradient of the cost with respect to every parameter, after ``costAndGradient``.
  public private(set) var gradient: [Double]
  private let input: UnsafeMutablePointer<Double>
  private let targets: UnsafeMutablePointer<Int>
  private let z: [UnsafeMutablePointer<Double>]
  private let a: [UnsafeMutablePointer<Double>]
  private let delta: [UnsafeMutablePointer<Double>]
  /// `capacity` zeros: the rows of an unused lane in ``accumulate``.
  private let zeros: UnsafeMutablePointer<Double>
  private let offsets: [Int]
  private let activation: Activation
  private let isBinary: Bool

  /// Buffers for batches of up to `capacity` rows.
  public init(network: DenseNetwork, capacity: Int) {
    self.network = network
    self.capacity = capacity
    gradient = [Double](repeating: 0, count: network.parameterCount)
    input = .allocate(capacity: capacity * network.sizes[0])
    targets = .allocate(capacity: capacity)
    let sizes = network.sizes.dropFirst()
    z = sizes.map { .allocate(capacity: capacity * $0) }
    a = sizes.map { .allocate(capacity: capacity * $0) }
    delta = sizes.map { .allocate(capacity: capacity * $0) }
    zeros = .allocate(capacity: capacity)
    zeros.initialize(repeating: 0, count: capacity)
    offsets = (0..<network.layerCount).map(network.weightOffset)
    activation = network.activation
    isBinary = network.isBinary
  }

  deinit {
    input.deallocate()
    targets.deallocate()
    zeros.deallocate()
    for p in z + a + delta { p.deallocate() }
  }

  /// Copies the rows `rows` of `data` into the input buffer, feature by feature.
  private func load(_ data: Dataset, _ rows: UnsafeBufferPointer<Int>) {
    let d = data.featureCount
    data.features.withUnsafeBufferPointer { x in
      for i in 0..<d {
        let column = input + i * capacity
        for (k, r) in rows.enumerated() { column[k] = x[r * d + i] }
      }
    }
    data.labels.withUnsafeBufferPointer { y in
      for (k, r) in rows.enumerated() { targets[k] = y[r] }
    }
  }

  /// `y[n] = (((y[n] + w_0·x_0[n]) + w_1·x_1[n]) + ...)` for the `m` rows, in that order, for the
  /// `count` (1 to 4) weights `w_k = w[k·wStride]` and inputs `x_k = x + k·xStride`.
  @inline(__always)
  private static func addScaled(
    _ y: UnsafeMutablePointer<Double>, _ w: UnsafePointer<Double>, wStride: Int,
    _ x: UnsafePointer<Double>, xStride: Int, count: Int, _ m: Int
  ) {
    let (w0, x0) = (w[0], x)
    let (w1, x1) = count > 1 ? (w[wStride], x + xStride) : (0, x)
    let (w2, x2) = count > 2 ? (w[2 * wStride], x + 2 * xStride) : (0, x)
    let (w3, x3) = count > 3 ? (w[3 * wStride], x + 3 * xStride) : (0, x)
    for n in 0..<m {
      var s = y[n] + w0 * x0[n]
      if count > 1 { s += w1 * x1[n] }
      if count > 2 { s += w2 * x2[n] }
      if count > 3 { s += w3 * x3[n] }
      y[n] = s
    }
  }

  /// `y[n] += Σ_k w[k·wStride]·x_k[n]` over `terms` inputs `x_k = x + k·xStride`, in order, four
  /// at a time.
  private static func addScaledTerms(
    _ y: UnsafeMutablePointer<Double>, _ w: UnsafePointer<Double>, wStride: Int,
    _ x: UnsafePointer<Double>, xStride: Int, terms: Int, _ m: Int
  ) {
    var k = 0
    while k < terms {
      let count = min(4, terms - k)
      let (wk, xk) = (w + k * wStride, x + k * xStride)
      let lanes = { (count: Int) in
        addScaled(y, wk, wStride: wStride, xk, xStride: xStride, count: count, m)
      }
      // A literal count lets the compiler drop the unused terms.
      switch count {
      case 1: lanes(1)
      case 2: lanes(2)
      case 3: lanes(3)
      default: lanes(4)
      }
      k += count
    }
  }

  /// `out[n] = g(z[n])` for the `m` rows (the switch taken once, outside the loop).
  private func activate(_ out: UnsafeMutablePointer<Double>, _ z: UnsafePointer<Double>, _ m: Int) {
    switch activation {
    case .relu: for n in 0..<m { out[n] = Activation.relu.apply(z[n]) }
    case .leakyRelu: for n in 0..<m { out[n] = Activation.leakyRelu.apply(z[n]) }
    case .tanh: for n in 0..<m { out[n] = Activation.tanh.apply(z[n]) }
    case .sigmoid: for n in 0..<m { out[n] = Activation.sigmoid.apply(z[n]) }
    }
  }

  /// `d[n] *= g'(z[n], a[n])` for the `m` rows.
  private func multiplyByDerivative(
    _ d: UnsafeMutablePointer<Double>, _ z: UnsafePointer<Double>, _ a: UnsafePointer<Double>,
    _ m: Int
  ) {
    switch activation {
    case .relu: for n in 0..<m { d[n] *= Activation.relu.derivative(z[n], a[n]) }
    case .leakyRelu: for n in 0..<m { d[n] *= Activation.leakyRelu.derivative(z[n], a[n]) }
    case .tanh: for n in 0..<m { d[n] *= Activation.tanh.derivative(z[n], a[n]) }
    case .sigmoid: for n in 0..<m { d[n] *= Activation.sigmoid.derivative(z[n], a[n]) }
    }
  }

  /// The forward pass over `m` loaded rows; returns the summed cross-entropy (without L2).
  private func forward(_ w: UnsafePointer<Double>, _ m: Int) -> Double {
    let sizes = network.sizes
    let last = network.layerCount - 1
    for l in 0...last {
      let (nIn, nOut) = (sizes[l], sizes[l + 1])
      let weights = w + offsets[l]
      let bias = weights + nOut * nIn
      let previous = l == 0 ? UnsafePointer(input) : UnsafePointer(a[l - 1])
      for j in 0..<nOut {
        // Z[n, j] = b[j] + W[j, 0]·A[n, 0] + W[j, 1]·A[n, 1] + ..., summed in that order.
        let zj = z[l] + j * capacity
        zj.update(repeating: bias[j], count: m)
        let wj = weights + j * nIn
        Self.addScaledTerms(
          zj, wj, wStride: 1, previous, xStride: capacity, terms: nIn, m)
        if l < last { activate(a[l] + j * capacity, zj, m) }
      }
    }
    return outputCost(m)
  }

  /// Fills the output activations and returns the summed cross-entropy, computed stably from Z.
  private func outputCost(_ m: Int) -> Double {
    let last = network.layerCount - 1
    let k = network.sizes[last + 1]
    let (zl, al) = (z[last], a[last])
    var total = 0.0
    for n in 0..<m {
      if isBinary {
        let s = zl[n]
        let y = Double(targets[n])
        // exp(-|s|) serves both terms when s ≥ 0 (where -s and -|s| are the same number).
        let e = exp(-abs(s))
        al[n] = 1 / (1 + (s >= 0 ? e : exp(-s)))
        total += max(s, 0) - s * y + log1p(e)
      } else {
        var top = zl[n]
        for j in 1..<k { top = max(top, zl[j * capacity + n]) }
        var sum = 0.0
        for j in 0..<k { sum += exp(zl[j * capacity + n] - top) }
        for j in 0..<k { al[j * capacity + n] = exp(zl[j * capacity + n] - top) / sum }
        total += top + log(sum) - zl[targets[n] * capacity + n]
      }
    }
    return total
  }

  /// The L2 penalty `(λ/2)·Σ W²` (biases excluded), before dividing by m.
  private func penalty(_ w: UnsafePointer<Double>, _ lambda: Double) -> Double {
    guard lambda > 0 else { return 0 }
    var s = 0.0
    for l in 0..<network.layerCount {
      let weights = w + offsets[l]
      for i in 0..<network.sizes[l] * network.sizes[l + 1] { s += weights[i] * weights[i] }
    }
    return lambda / 2 * s
  }

  /// The mean cost of a mini-batch and its gradient (stored in ``gradient``).
  ///
  /// - Parameters:
  ///   - parameters: the flat parameter vector.
  ///   - data: the dataset holding the rows.
  ///   - rows: the row indices of the batch (at most ``capacity``).
  ///   - l2: λ for the L2 penalty (0 for none).
  /// - Returns: `J` of the batch.
  public func costAndGradient(
    parameters: [Double], data: Dataset, rows: UnsafeBufferPointer<Int>, l2: Double
  ) -> Double {
    let m = rows.count
    precondition(m <= capacity, "batch of \(m) rows exceeds the workspace capacity \(capacity)")
    load(data, rows)
    return parameters.withUnsafeBufferPointer { wb in
      let w = wb.baseAddress!
      let cost = (forward(w, m) + penalty(w, l2)) / Double(m)
      gradient.withUnsafeMutableBufferPointer { gb in backward(w, gb.baseAddress!, m, l2) }
      return cost
    }
  }

  /// For one or two units `u` (`units`), adds `Σ_n d_u[n]·x_k[n]` to `sums_u[k]` for the `count`
  /// (1 to 4) inputs `x_k = x + k·stride`, and returns `Σ_n d_u[n]` (from 0), each sum taken over
  /// the `m` rows in order; the ten sums are independent, so they run side by side.
  @inline(__always)
  private static func accumulate(
    _ d: (UnsafePointer<Double>, UnsafePointer<Double>), units: Int,
    inputs x: UnsafePointer<Double>, stride: Int, count: Int, _ m: Int,
    into sums: (UnsafeMutablePointer<Double>, UnsafeMutablePointer<Double>),
    zeros: UnsafePointer<Double>
  ) -> (Double, Double) {
    let (x0, x1) = (x, count > 1 ? x + stride : zeros)
    let (x2, x3) = (count > 2 ? x + 2 * stride : zeros, count > 3 ? x + 3 * stride : zeros)
    let (d0, d1) = (d.0, units > 1 ? d.1 : zeros)
    let two = units > 1
    var (s0, s1) = (sums.0[0], count > 1 ? sums.0[1] : 0)
    var (s2, s3) = (count > 2 ? sums.0[2] : 0, count > 3 ? sums.0[3] : 0)
    var (t0, t1) = (two ? sums.1[0] : 0, two && count > 1 ? sums.1[1] : 0)
    var (t2, t3) = (two && count > 2 ? sums.1[2] : 0, two && count > 3 ? sums.1[3] : 0)
    var (b, c) = (0.0, 0.0)
    for n in 0..<m {
      let (dn, en) = (d0[n], d1[n])
      let (xn0, xn1, xn2, xn3) = (x0[n], x1[n], x2[n], x3[n])
      b += dn
      s0 += dn * xn0
      s1 += dn * xn1
      s2 += dn * xn2
      s3 += dn * xn3
      c += en
      t0 += en * xn0
      t1 += en * xn1
      t2 += en * xn2
      t3 += en * xn3
    }
    sums.0[0] = s0
    if count > 1 { sums.0[1] = s1 }
    if count > 2 { sums.0[2] = s2 }
    if count > 3 { sums.0[3] = s3 }
    if two {
      sums.1[0] = t0
      if count > 1 { sums.1[1] = t1 }
      if count > 2 { sums.1[2] = t2 }
      if count > 3 { sums.1[3] = t3 }
    }
    return (b, c)
  }

  private func backward(
    _ w: UnsafePointer<Double>, _ grad: UnsafeMutablePointer<Double>, _ m: Int, _ lambda: Double
  ) {
    let sizes = network.sizes
    let last = network.layerCount - 1
    let scale = 1 / Double(m)
    let k = sizes[last + 1]
    let (out, dOut) = (a[last], delta[last])
    for j in 0..<k {
      for n in 0..<m {
        let y: Double = isBinary ? Double(targets[n]) : (targets[n] == j ? 1 : 0)
        dOut[j * capacity + n] = (out[j * capacity + n] - y) * scale
      }
    }
    for l in stride(from: last, through: 0, by: -1) {
      let (nIn, nOut) = (sizes[l], sizes[l + 1])
      let offset = offsets[l]
      let (weights, dW) = (w + offset, grad + offset)
      let dB = dW + nOut * nIn
      let previous = l == 0 ? UnsafePointer(input) : UnsafePointer(a[l - 1])
      let dl = delta[l]
      for i in 0..<nOut * nIn { dW[i] = lambda * scale * weights[i] }
      // dW[j, i] += Σ_n dZ[n, j]·A[n, i] and db[j] = Σ_n dZ[n, j], for two units and four inputs
      // at a time.
      for j in Swift.stride(from: 0, to: nOut, by: 2) {
        let units = min(2, nOut - j)
        let d = (UnsafePointer(dl + j * capacity), UnsafePointer(dl + (j + units - 1) * capacity))
        var i = 0
        repeat {
          let count = min(4, nIn - i)
          let x = previous + i * capacity
          let sums = (dW + j * nIn + i, dW + (j + units - 1) * nIn + i)
          let lanes = { (units: Int, count: Int) in
            Self.accumulate(
              d, units: units, inputs: x, stride: self.capacity, count: count, m, into: sums,
              zeros: self.zeros)
          }
          // Literal counts let the compiler drop the unused lanes.
          let bias =
            switch (units, count) {
            case (1, 1): lanes(1, 1)
            case (1, 2): lanes(1, 2)
            case (1, 3): lanes(1, 3)
            case (1, _): lanes(1, 4)
            case (_, 1): lanes(2, 1)
            case (_, 2): lanes(2, 2)
            case (_, 3): lanes(2, 3)
            default: lanes(2, 4)
            }
          if i == 0 {
            dB[j] = bias.0
            if units > 1 { dB[j + 1] = bias.1 }
          }
          i += count
        } while i < nIn
      }
      guard l > 0 else { break }
      let (dPrev, zPrev, aPrev) = (delta[l - 1], z[l - 1], a[l - 1])
      // dZ[n, i] = (Σ_j W[j, i]·dZ[n, j]) · g'(Z[n, i]), summed over j in order.
      for i in 0..<nIn {
        let target = dPrev + i * capacity
        target.update(repeating: 0, count: m)
        Self.addScaledTerms(
          target, weights + i, wStride: nIn, dl, xStride: capacity, terms: nOut, m)
        multiplyByDerivative(target, zPrev + i * capacity, aPrev + i * capacity, m)
      }
    }
  }

  /// The mean cost (without L2) and the accuracy of `parameters` on all of `data`.
  public func evaluate(parameters: [Double], data: Dataset) -> (cost: Double, accuracy: Double) {
    let (total, predicted) = scan(parameters: parameters, data: data)
    let correct = zip(predicted, data.labels).reduce(0) { $0 + ($1.0 == $1.1 ? 1 : 0) }
    return (total / Double(data.count), Double(correct) / Double(data.count))
  }

  /// The class `parameters` predict for each row of `data` (the labels are not read).
  ///
  /// - Returns: one class index per row, in `0..<network.classCount`.
  public func predict(parameters: [Double], data: Dataset) -> [Int] {
    scan(parameters: parameters, data: data).predictions
  }

  /// The forward pass over all of `data` in batches of `capacity` rows: the summed cost against
  /// the labels and the predicted class of every row.
  private func scan(parameters: [Double], data: Dataset) -> (cost: Double, predictions: [Int]) {
    var total = 0.0
    var predictions: [Int] = []
    predictions.reserveCapacity(data.count)
    let k = network.sizes.last!
    let last = network.layerCount - 1
    Array(0..<data.count).withUnsafeBufferPointer { all in
      parameters.withUnsafeBufferPointer { wb in
        var start = 0
        while start < data.count {
          let rows = UnsafeBufferPointer(rebasing: all[start..<min(start + capacity, data.count)])
          load(data, rows)
          total += forward(wb.baseAddress!, rows.count)
          let zl = z[last]
          for n in 0..<rows.count {
            var predicted = 0
            if isBinary {
              predicted = zl[n] > 0 ? 1 : 0
            } else {
              for j in 1..<k where zl[j * capacity + n] > zl[predicted * capacity + n] {
                predicted = j
              }
            }
            predictions.append(predicted)
          }
          start += rows.count
        }
      }
    }
    return (total, predictions)
  }
}

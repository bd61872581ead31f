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
    offsets = (0..<network.layerCount).map(network.weightOffset)
    activation = network.activation
    isBinary = network.isBinary
  }

  deinit {
    input.deallocate()
    targets.deallocate()
    for p in z + a + delta { p.deallocate() }
  }

  /// Copies the rows `rows` of `data` into the input buffer.
  private func load(_ data: Dataset, _ rows: UnsafeBufferPointer<Int>) {
    let d = data.featureCount
    data.features.withUnsafeBufferPointer { x in
      for (k, r) in rows.enumerated() {
        (input + k * d).update(from: x.baseAddress! + r * d, count: d)
        targets[k] = data.labels[r]
      }
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
      let (zl, al) = (z[l], a[l])
      for n in 0..<m {
        let row = previous + n * nIn
        for j in 0..<nOut {
          var s = bias[j]
          let wj = weights + j * nIn
          for i in 0..<nIn { s += wj[i] * row[i] }
          zl[n * nOut + j] = s
          if l < last { al[n * nOut + j] = activation.apply(s) }
        }
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
        al[n] = 1 / (1 + exp(-s))
        total += max(s, 0) - s * y + log1p(exp(-abs(s)))
      } else {
        let row = zl + n * k
        var top = row[0]
        for j in 1..<k { top = max(top, row[j]) }
        var sum = 0.0
        for j in 0..<k { sum += exp(row[j] - top) }
        for j in 0..<k { al[n * k + j] = exp(row[j] - top) / sum }
        total += top + log(sum) - row[targets[n]]
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

  private func backward(
    _ w: UnsafePointer<Double>, _ grad: UnsafeMutablePointer<Double>, _ m: Int, _ lambda: Double
  ) {
    let sizes = network.sizes
    let last = network.layerCount - 1
    let scale = 1 / Double(m)
    let k = sizes[last + 1]
    let (out, dOut) = (a[last], delta[last])
    for n in 0..<m {
      for j in 0..<k {
        let y: Double = isBinary ? Double(targets[n]) : (targets[n] == j ? 1 : 0)
        dOut[n * k + j] = (out[n * k + j] - y) * scale
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
      for j in 0..<nOut { dB[j] = 0 }
      for n in 0..<m {
        let row = previous + n * nIn
        for j in 0..<nOut {
          let d = dl[n * nOut + j]
          dB[j] += d
          let dWj = dW + j * nIn
          for i in 0..<nIn { dWj[i] += d * row[i] }
        }
      }
      guard l > 0 else { break }
      let (dPrev, zPrev, aPrev) = (delta[l - 1], z[l - 1], a[l - 1])
      for n in 0..<m {
        let target = dPrev + n * nIn
        for i in 0..<nIn { target[i] = 0 }
        for j in 0..<nOut {
          let d = dl[n * nOut + j]
          let wj = weights + j * nIn
          for i in 0..<nIn { target[i] += wj[i] * d }
        }
        for i in 0..<nIn {
          target[i] *= activation.derivative(zPrev[n * nIn + i], aPrev[n * nIn + i])
        }
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
          for n in 0..<rows.count {
            let row = z[last] + n * k
            var predicted = 0
            if isBinary {
              predicted = row[0] > 0 ? 1 : 0
            } else {
              for j in 1..<k where row[j] > row[predicted] { predicted = j }
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

/// The shape of a dense feed-forward network: layer sizes, hidden activation, and where each
/// layer's weights and biases sit in one flat parameter vector.
///
/// ```
/// Z[l] = A[l-1]·W[l]ᵀ + b[l],   A[l] = g(Z[l])   (hidden layers)
/// output: sigmoid + binary cross-entropy for 2 classes, softmax + cross-entropy for more
/// ```
///
/// Layer `l` (from 0) holds `W` (`sizes[l+1] × sizes[l]`, row-major) then `b` (`sizes[l+1]`).
public struct DenseNetwork: Codable, Equatable, Sendable {
  /// Units per layer, input first, output last (`[2, 5, 2, 1]` for the textbook moons network).
  public let sizes: [Int]
  /// The hidden-layer activation.
  public let activation: Activation

  /// The most parameters a network may have (80 MB of weights; the trainer keeps a few vectors
  /// of this length: gradient, optimizer moments).
  public static let maximumParameters = 10_000_000

  /// A network for `inputs` features and `classes` classes with the given hidden layers.
  ///
  /// - Throws: ``TrainingError`` when a size is not positive, there are fewer than 2 classes, or
  ///   the network would have more than ``maximumParameters`` parameters.
  public init(inputs: Int, hidden: [Int], classes: Int, activation: Activation)
    throws(TrainingError)
  {
    guard inputs >= 1 else { throw TrainingError.usage("the data has no feature columns.") }
    guard classes >= 2 else {
      throw TrainingError.data("the labels have \(classes) class; training needs at least 2.")
    }
    guard hidden.allSatisfy({ $0 >= 1 }) else {
      throw TrainingError.usage("hidden layer sizes must be positive, got \(hidden).")
    }
    let sizes = [inputs] + hidden + [classes == 2 ? 1 : classes]
    guard let count = Self.parameterCount(sizes), count <= Self.maximumParameters else {
      throw TrainingError.usage(
        "the network \(sizes.map(String.init).joined(separator: "-")) would have more than "
          + "\(Self.maximumParameters) parameters, the most ewa trains; use smaller layers.")
    }
    self.sizes = sizes
    self.activation = activation
  }

  /// The number of parameters of a network with layer sizes `sizes`, or nil when it does not
  /// fit in an `Int`.
  public static func parameterCount(_ sizes: [Int]) -> Int? {
    var total = 0
    for l in sizes.indices.dropLast() {
      let (inputs, carry) = sizes[l].addingReportingOverflow(1)
      let (layer, overflow) = sizes[l + 1].multipliedReportingOverflow(by: inputs)
      let (sum, overflowSum) = total.addingReportingOverflow(layer)
      guard !carry, !overflow, !overflowSum, sizes[l] >= 0, sizes[l + 1] >= 0 else { return nil }
      total = sum
    }
    return total
  }

  /// The number of weight layers.
  public var layerCount: Int { sizes.count - 1 }
  /// Whether the output is one sigmoid unit (two classes) rather than a softmax.
  public var isBinary: Bool { sizes.last == 1 }
  /// The number of classes.
  public var classCount: Int { isBinary ? 2 : sizes.last! }
  /// The total number of parameters.
  public var parameterCount: Int {
    (0..<layerCount).reduce(0) { $0 + sizes[$1 + 1] * (sizes[$1] + 1) }
  }
  /// Where layer `l`'s weights start in the parameter vector (its biases follow them).
  public func weightOffset(_ l: Int) -> Int {
    (0..<l).reduce(0) { $0 + sizes[$1 + 1] * (sizes[$1] + 1) }
  }

  /// Fresh parameters: normal weights scaled for `initialization`, zero biases.
  public func initialParameters(
    _ initialization: Initialization, using generator: inout SeededGenerator
  ) -> [Double] {
    var parameters = [Double](repeating: 0, count: parameterCount)
    for l in 0..<layerCount {
      let (fanIn, fanOut) = (Double(sizes[l]), Double(sizes[l + 1]))
      let variance = initialization == .he ? 2 / fanIn : 2 / (fanIn + fanOut)
      let offset = weightOffset(l)
      for i in 0..<sizes[l + 1] * sizes[l] {
        let draw = generator.normal()
        parameters[offset + i] = initialization == .zeros ? 0 : draw * variance.squareRoot()
      }
    }
    return parameters
  }
}

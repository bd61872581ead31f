import Testing

@testable import EWATrain

@Suite("Dense network: backward pass against finite differences")
struct NetworkTests {
  /// Checks every gradient entry against a central difference of the cost.
  func check(classes: Int, activation: Activation, l2: Double) throws {
    var g = SeededGenerator(seed: 11)
    let rows = 7
    let features = (0..<rows * 3).map { _ in g.normal() }
    let data = Dataset(
      features: features, labels: (0..<rows).map { $0 % classes }, featureCount: 3,
      classNames: (0..<classes).map(String.init))
    let network = try DenseNetwork(
      inputs: 3, hidden: [4, 3], classes: classes, activation: activation)
    let workspace = NetworkWorkspace(network: network, capacity: rows)
    var w = network.initialParameters(.xavier, using: &g)
    for i in w.indices { w[i] += 0.1 * g.normal() }  // non-zero biases too
    let all = Array(0..<rows)
    let cost = { (p: [Double]) in
      all.withUnsafeBufferPointer {
        workspace.costAndGradient(parameters: p, data: data, rows: $0, l2: l2)
      }
    }
    _ = cost(w)
    let analytic = workspace.gradient
    let h = 1e-6
    for i in w.indices {
      var (plus, minus) = (w, w)
      plus[i] += h
      minus[i] -= h
      let numeric = (cost(plus) - cost(minus)) / (2 * h)
      #expect(abs(numeric - analytic[i]) <= 1e-6 * max(1, abs(numeric)), "parameter \(i)")
    }
  }

  @Test(arguments: Activation.allCases)
  func binaryCrossEntropy(_ activation: Activation) throws {
    try check(classes: 2, activation: activation, l2: 0)
  }

  @Test(arguments: Activation.allCases)
  func softmaxCrossEntropyWithL2(_ activation: Activation) throws {
    try check(classes: 3, activation: activation, l2: 0.3)
  }

  @Test func layoutOfTheTextbookNetwork() throws {
    let n = try DenseNetwork(inputs: 2, hidden: [5, 2], classes: 2, activation: .relu)
    #expect(n.sizes == [2, 5, 2, 1])
    #expect(n.parameterCount == 5 * 3 + 2 * 6 + 1 * 3)
    #expect(n.weightOffset(2) == 27)
  }

  @Test func heInitialisationHasTheRightSpread() throws {
    let n = try DenseNetwork(inputs: 400, hidden: [300], classes: 2, activation: .relu)
    var g = SeededGenerator(seed: 3)
    let w = Array(n.initialParameters(.he, using: &g)[0..<120_000])
    let variance = w.map { $0 * $0 }.reduce(0, +) / Double(w.count)
    #expect(abs(variance - 2.0 / 400) < 0.05 * 2.0 / 400)
  }
}

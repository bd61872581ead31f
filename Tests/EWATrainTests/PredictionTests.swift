import Testing

@testable import EWATrain

@Suite("Dense network: predicted classes")
struct PredictionTests {
  /// The predictions agree with the accuracy `evaluate` reports, in batches smaller than the data.
  @Test(arguments: [2, 3])
  func predictionsMatchTheReportedAccuracy(classes: Int) throws {
    var g = SeededGenerator(seed: 5)
    let rows = 11
    let data = Dataset(
      features: (0..<rows * 2).map { _ in g.normal() }, labels: (0..<rows).map { $0 % classes },
      featureCount: 2, classNames: (0..<classes).map(String.init))
    let network = try DenseNetwork(inputs: 2, hidden: [4], classes: classes, activation: .tanh)
    let workspace = NetworkWorkspace(network: network, capacity: 4)
    let w = network.initialParameters(.xavier, using: &g)
    let predicted = workspace.predict(parameters: w, data: data)
    #expect(predicted.count == rows)
    #expect(predicted.allSatisfy { (0..<classes).contains($0) })
    let correct = zip(predicted, data.labels).filter { $0 == $1 }.count
    #expect(workspace.evaluate(parameters: w, data: data).accuracy == Double(correct) / 11)
  }

  /// A two-class network predicts class 1 exactly where its output logit is positive: with zero
  /// weights and output bias b, every row is class 1 when b > 0 and class 0 otherwise.
  @Test(arguments: [0.5, -0.5])
  func binaryOutputThresholdsTheLogitAtZero(bias: Double) throws {
    let network = try DenseNetwork(inputs: 2, hidden: [], classes: 2, activation: .relu)
    var w = [Double](repeating: 0, count: network.parameterCount)
    w[w.count - 1] = bias
    let data = Dataset(
      features: [1, 2, -3, 4], labels: [0, 0], featureCount: 2, classNames: ["a", "b"])
    let predicted = NetworkWorkspace(network: network, capacity: 2).predict(
      parameters: w, data: data)
    #expect(predicted == Array(repeating: bias > 0 ? 1 : 0, count: 2))
  }
}

import Testing

@testable import EWA

@Suite struct ExponentialVarianceTests {
  // pandas 3.1.1: Series([1., 2., 4., 7.]).ewm(alpha=0.5).std()
  @Test func matchesPandasAdjustTrue() {
    var variance = ExponentialVariance(beta: 0.5)
    let expected: [Double?] = [nil, 0.7071067811865476, 1.5811388300841898, 2.7333914047257433]
    for (x, want) in zip([1.0, 2, 4, 7], expected) {
      variance.update(with: x)
      if let want { #expect(close(variance.standardDeviation!, want, relative: 1e-15)) }
      else { #expect(variance.standardDeviation == nil) }
    }
  }

  // pandas 3.1.1: Series([1., 2., 4., 7.]).ewm(alpha=0.5, adjust=False).std()
  @Test func matchesPandasAdjustFalse() {
    var variance = ExponentialVariance(beta: 0.5, start: .first)
    let expected: [Double?] = [nil, 0.7071067811865476, 1.6431676725154984, 2.857738033247041]
    for (x, want) in zip([1.0, 2, 4, 7], expected) {
      variance.update(with: x)
      if let want { #expect(close(variance.standardDeviation!, want, relative: 1e-15)) }
      else { #expect(variance.standardDeviation == nil) }
    }
  }

  @Test func meanIsTheSharedAverager() {
    var variance = ExponentialVariance(beta: 0.9)
    var average = ExponentialAverage<Double>(beta: 0.9)
    for x in [3.0, 1, 4, 1, 5, 9, 2, 6] {
      variance.update(with: x)
      average.update(with: x)
    }
    #expect(variance.average == average)
  }

  @Test func constantSeriesHasZeroDeviation() {
    var variance = ExponentialVariance(beta: 0.9)
    for _ in 0..<20 { variance.update(with: 2.5) }
    #expect(variance.standardDeviation == 0)
  }
}

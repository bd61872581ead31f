import EWA
import EWAIO
import Foundation
import Testing

@testable import EWATrain

@Suite("Datasets: generators, CSV, split")
struct DatasetTests {
  @Test(arguments: SyntheticData.allCases)
  func generatorsAreSeededAndBalanced(_ kind: SyntheticData) {
    let a = kind.generate(samples: 301, noise: 0.1, seed: 5)
    #expect(a == kind.generate(samples: 301, noise: 0.1, seed: 5))
    #expect(a != kind.generate(samples: 301, noise: 0.1, seed: 6))
    #expect(a.count == 301 && a.featureCount == 2)
    let sizes = (0..<a.classCount).map { c in a.labels.filter { $0 == c }.count }
    #expect(sizes.max()! - sizes.min()! <= 1)
  }

  @Test func moonsWithoutNoiseLieOnTheHalfCircles() {
    let d = SyntheticData.moons.generate(samples: 10, noise: 0, seed: 1)
    #expect(close(d.features[0], 1) && abs(d.features[1]) < 1e-15)  // (cos 0, sin 0)
    #expect(abs(d.features[10]) < 1e-15 && close(d.features[11], 0.5))  // (1 - cos 0, 0.5 - sin 0)
  }

  @Test func digitsLoadWithTheirTenClasses() throws {
    let path = packageRoot.appendingPathComponent("data/digits.csv").path
    let d = try CSVDataset.load(path: path, label: "digit")
    #expect(d.count == 1797 && d.featureCount == 64 && d.classCount == 10)
    #expect(d.classNames == (0...9).map(String.init))
  }

  func write(_ text: String) throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent(
      "ewa-\(UUID().uuidString).csv"
    ).path
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  @Test func nonNumericFeatureNamesLineColumnAndText() throws {
    let path = try write("a,b,y\n1,2,0\n3,x7,1\n")
    do {
      _ = try CSVDataset.load(path: path, label: "y")
      Issue.record("no error")
    } catch {
      #expect(error.kind == .data)
      #expect(error.description.contains("line 3, column \"b\": \"x7\" is not a number"))
    }
  }

  @Test func singleClassIsRejected() throws {
    let path = try write("a,y\n1,cat\n2,cat\n")
    #expect(
      throws: TrainingError.data(
        "\(path) column \"y\" has a single class (\"cat\"); training needs at least 2.")
    ) { try CSVDataset.load(path: path, label: "y") }
  }

  @Test func splitAndStandardise() throws {
    var source = DataSource(origin: .synthetic(.blobs, samples: 100, noise: 0.3))
    source.testFraction = 0.25
    source.standardize = true
    let (train, test) = try source.prepare()
    #expect(train.count == 75 && test?.count == 25)
    let (mean, deviation) = train.featureStatistics()
    #expect(mean.allSatisfy { abs($0) < 1e-12 } && deviation.allSatisfy { close($0, 1, 1e-12) })
  }
}

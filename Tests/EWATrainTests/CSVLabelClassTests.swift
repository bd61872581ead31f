import Foundation
import Testing

@testable import EWATrain

/// Labels that read as the same number are one class; an empty label is refused with its place.
@Suite struct CSVLabelClassTests {
  func write(_ text: String) throws -> String {
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("ewa-labels-\(UUID().uuidString).csv").path
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  @Test func spellingsOfOneNumberAreOneClass() throws {
    let path = try write("a,y\n1,1\n2,1.0\n3, 1\n4,\"1e0\"\n5,+1\n6,0\n7,-0\n8,0.0e5\n9,10\n")
    defer { try? FileManager.default.removeItem(atPath: path) }
    let data = try CSVDataset.load(path: path, label: "y")
    #expect(data.classNames == ["0", "1", "10"])
    #expect(data.labels == [1, 1, 1, 1, 1, 0, 0, 0, 2])
  }

  @Test func numbersSortNumericallyBeforeTexts() throws {
    let path = try write("a,y\n1,cat\n2,10\n3,2\n4,2.0\n5,ant\n")
    defer { try? FileManager.default.removeItem(atPath: path) }
    let data = try CSVDataset.load(path: path, label: "y")
    #expect(data.classNames == ["2", "10", "ant", "cat"])
    #expect(data.labels == [3, 1, 0, 0, 2])
  }

  @Test(arguments: ["a,y\n1,1\n2,\n3,0\n", "a,y\n1,1\n2,  \n3,0\n", "a,y\n1,1\n2,\"\"\n3,0\n"])
  func anEmptyLabelIsRefusedWithItsLineAndColumn(_ text: String) throws {
    let path = try write(text)
    defer { try? FileManager.default.removeItem(atPath: path) }
    #expect(
      throws: TrainingError.data(
        "\(path) line 3, column \"y\": the label is empty; every row needs a class.")
    ) { try CSVDataset.load(path: path, label: "y") }
  }
}

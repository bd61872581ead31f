import Foundation

/// A scratch folder for running a document's examples as a reader would: empty but for links to
/// the repository's folders the examples read (`data`, `Guides`), so that what an example writes
/// lands here and never in the repository. Removed with what it holds by ``remove()``.
public struct ExampleFolder: Sendable {
  private let folder: TemporaryFolder

  /// Creates the folder with a link to each of `names`, folders of the package root.
  public init(linking names: [String]) throws {
    folder = try TemporaryFolder(prefix: "ewa-example")
    for name in names {
      try FileManager.default.createSymbolicLink(
        at: folder.file(name), withDestinationURL: PackagePaths.file(name))
    }
  }

  public var url: URL { folder.url }

  /// The names in the folder besides the links, sorted: what the examples wrote.
  public func written(besides links: [String]) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: folder.path)
      .filter { !links.contains($0) }.sorted()
  }

  public func remove() { folder.remove() }
}

import EWAGallery
import EWAPlot
import EWATestSupport
import Foundation
import Testing

/// Where `ewa demo` looks for its data: the order of the folders, the share folder of an
/// install, and the sentence when none holds the files.
@Suite struct GalleryDataTests {
  @Test func theFoldersAreTriedHereThenTheInstallThenTheSourceTree() {
    let folders = GalleryData.candidates(executable: "/opt/x/bin/ewa", sourceTree: "/src/data")
    #expect(folders == ["data", "/opt/x/share/ewa/data", "/src/data"])
  }

  @Test func anUnknownOrRelativeExecutableSkipsTheShareFolder() {
    #expect(GalleryData.candidates(executable: nil, sourceTree: "/s/data") == ["data", "/s/data"])
    #expect(GalleryData.candidates(executable: "ewa", sourceTree: "/s/data") == ["data", "/s/data"])
  }

  @Test func theSourceTreeIsTheRepositorysDataFolder() {
    #expect(GalleryData.sourceTreeFolder == PackagePaths.file("data").path)
    #expect(GalleryData.holdsData(GalleryData.sourceTreeFolder))
  }

  @Test func anInstalledShareFolderIsFound() throws {
    let prefix = try TemporaryFolder()
    defer { prefix.remove() }
    let share = prefix.file("share/ewa/data")
    try FileManager.default.createDirectory(at: share, withIntermediateDirectories: true)
    for name in GalleryData.files {
      try Data("x\n1\n".utf8).write(to: share.appendingPathComponent(name))
    }
    let found = try GalleryData.locate(
      executable: prefix.file("bin/ewa").path, sourceTree: "/nonexistent/data",
      local: "/nonexistent/here")
    #expect(found == share.path)
  }

  @Test func aFolderWithOneOfTheFilesDoesNotCount() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try Data("x\n".utf8).write(to: folder.file("seattle-weather.csv"))
    #expect(!GalleryData.holdsData(folder.path))
  }

  @Test func noFolderWithTheDataIsOneSentenceNamingEachFolderAndTheOption() {
    #expect(
      throws: PlotError(
        kind: .input,
        message: "cannot find the demo's data (seattle-weather.csv and digits.csv) in any of "
          + "here/data, /nowhere/share/ewa/data, /gone/data; pass --data-dir with the folder "
          + "holding them (data/ in the repository)")
    ) {
      try GalleryData.locate(
        executable: "/nowhere/bin/ewa", sourceTree: "/gone/data", local: "here/data")
    }
  }
}

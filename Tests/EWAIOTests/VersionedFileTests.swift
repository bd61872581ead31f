import EWAIO
import EWATestSupport
import Foundation
import Testing

/// The one reader of ewa's versioned files: a regular file read whole up to its limit, nil for a
/// missing one, and one sentence for a version of another ewa.
@Suite struct VersionedFileTests {
  let kind = VersionedFile(
    noun: "state file", format: "ewa-test", version: 2, maximumBytes: 16, versionAdvice: "retry")

  @Test func aFileIsReadWholeAndAMissingOneIsNil() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let path = folder.file("s.json").path
    #expect(try kind.bytes(at: path) == nil)
    try Data("0123456789abcdef".utf8).write(to: URL(fileURLWithPath: path))
    #expect(try kind.bytes(at: path) == Array("0123456789abcdef".utf8))
  }

  @Test func aFileAboveTheLimitIsRefusedAsData() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let path = folder.file("s.json").path
    try Data(repeating: 0x20, count: 17).write(to: URL(fileURLWithPath: path))
    let error = #expect(throws: VersionedFileError.self) { try kind.bytes(at: path) }
    #expect(error == .tooLarge(noun: "state file", path: path, limit: 16))
    #expect(error?.kind == .data)
  }

  @Test func aFolderOrADeviceIsNotARegularFile() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    for path in [folder.path, "/dev/zero"] {
      let error = #expect(throws: VersionedFileError.self) { try kind.bytes(at: path) }
      #expect(error == .cannotOpen(path: path, reason: "it is not a regular file"))
      #expect(error?.kind == .input)
    }
  }

  @Test func anotherVersionIsOneSentenceNamingTheFile() throws {
    try kind.check(version: 2, path: "s.json")
    let error = #expect(throws: VersionedFileError.self) {
      try kind.check(version: 3, path: "s\n.json")
    }
    #expect(error?.kind == .data)
    #expect(
      error?.description
        == "state file s\\n.json has format version 3; this ewa reads version 2 (retry)")
    let plain = VersionedFile(noun: "checkpoint", format: nil, version: 1, maximumBytes: 1)
    #expect(
      throws: VersionedFileError.version(
        noun: "checkpoint", path: "c", found: 0, expected: 1, advice: nil)
    ) { try plain.check(version: 0, path: "c") }
    #expect(
      VersionedFileError.version(noun: "checkpoint", path: "c", found: 0, expected: 1, advice: nil)
        .description == "checkpoint c has format version 0; this ewa reads version 1")
  }
}

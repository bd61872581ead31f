import EWAIO
import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A fresh directory under the system's temporary folder, removed by `remove()`.
struct ScratchFolder {
  let path: String
  init() throws {
    path =
      FileManager.default.temporaryDirectory
      .appendingPathComponent("ewa-atomic-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }
  func file(_ name: String) -> String { path + "/" + name }
  func remove() { try? FileManager.default.removeItem(atPath: path) }
  /// The names in the folder (temporary files included).
  var names: [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
  }
  func text(_ name: String) -> String? {
    FileManager.default.contents(atPath: file(name)).map { String(decoding: $0, as: UTF8.self) }
  }
}

func fileInfo(_ path: String) -> stat {
  var info = stat()
  _ = lstat(path, &info)
  return info
}

@Suite struct AtomicFileTests {
  @Test func aNewFileIsCreatedAndAnOldOneReplacedWithNoTemporaryLeft() throws {
    let folder = try ScratchFolder()
    defer { folder.remove() }
    try AtomicFile.write("one\n", to: folder.file("a.csv"))
    #expect(folder.text("a.csv") == "one\n")
    try AtomicFile.write("two\n", to: folder.file("a.csv"))
    #expect(folder.text("a.csv") == "two\n")
    #expect(folder.names == ["a.csv"])
  }

  @Test func throughASymlinkTheTargetIsReplacedAndTheLinkKept() throws {
    let folder = try ScratchFolder()
    defer { folder.remove() }
    try FileManager.default.createDirectory(
      atPath: folder.file("real"), withIntermediateDirectories: true)
    try "old\n".write(toFile: folder.file("real/target.csv"), atomically: false, encoding: .utf8)
    // A relative link resolves against the link's own folder.
    #expect(symlink("real/target.csv", folder.file("link.csv")) == 0)
    #expect(symlink("link.csv", folder.file("chain.csv")) == 0)
    try AtomicFile.write("new\n", to: folder.file("chain.csv"))
    #expect(folder.text("real/target.csv") == "new\n")
    #expect(fileInfo(folder.file("link.csv")).st_mode & S_IFMT == S_IFLNK)
    #expect(fileInfo(folder.file("chain.csv")).st_mode & S_IFMT == S_IFLNK)
    #expect(folder.names == ["chain.csv", "link.csv", "real"])
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: folder.file("real")) == ["target.csv"])
  }

  @Test func aDanglingSymlinkIsRefusedAndNothingCreated() throws {
    let folder = try ScratchFolder()
    defer { folder.remove() }
    #expect(symlink(folder.file("missing.csv"), folder.file("link.csv")) == 0)
    let error = #expect(throws: AtomicFileError.self) {
      try AtomicFile.write("x", to: folder.file("link.csv"))
    }
    #expect(error?.reason.contains("does not exist") == true)
    #expect(folder.names == ["link.csv"])
  }

  @Test func devNullIsWrittenThroughAndStaysADevice() throws {
    try AtomicFile.write("discarded\n", to: "/dev/null")
    #expect(fileInfo("/dev/null").st_mode & S_IFMT == S_IFCHR)
  }

  @Test func devFullFailsWithTheSystemsReason() throws {
    let error = #expect(throws: AtomicFileError.self) {
      try AtomicFile.write("x\n", to: "/dev/full")
    }
    #expect(error?.description == "cannot write /dev/full: No space left on device")
    #expect(error?.kind == .io)
    #expect(fileInfo("/dev/full").st_mode & S_IFMT == S_IFCHR)
  }

  @Test func aFIFOIsWrittenThroughToItsReader() async throws {
    let folder = try ScratchFolder()
    defer { folder.remove() }
    let fifo = folder.file("pipe")
    #expect(mkfifo(fifo, 0o600) == 0)
    let reader = Task.detached { () -> String in
      let handle = FileHandle(forReadingAtPath: fifo)
      let data = handle?.readDataToEndOfFile() ?? Data()
      return String(decoding: data, as: UTF8.self)
    }
    let text = String(repeating: "0123456789\n", count: 20_000)
    try AtomicFile.write(text, to: fifo)
    #expect(await reader.value == text)
    #expect(fileInfo(fifo).st_mode & S_IFMT == S_IFIFO)
    #expect(folder.names == ["pipe"])
  }

  @Test func aDirectoryIsRefused() throws {
    let folder = try ScratchFolder()
    defer { folder.remove() }
    try FileManager.default.createDirectory(
      atPath: folder.file("d"), withIntermediateDirectories: true)
    let error = #expect(throws: AtomicFileError.self) {
      try AtomicFile.write("x", to: folder.file("d"))
    }
    #expect(error?.reason == "it is a directory, not a file")
    #expect(folder.names == ["d"])
  }

  @Test func aSocketIsRefused() throws {
    let folder = try ScratchFolder()
    defer { folder.remove() }
    let path = folder.file("s")
    let socketFile = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(socketFile) }
    var address = sockaddr_un()
    address.sun_family = sa_family_t(AF_UNIX)
    withUnsafeMutableBytes(of: &address.sun_path) { raw in
      for (i, byte) in path.utf8.enumerated() where i < raw.count - 1 { raw[i] = byte }
    }
    let bound = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        bind(socketFile, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
      }
    }
    #expect(bound == 0)
    let error = #expect(throws: AtomicFileError.self) { try AtomicFile.write("x", to: path) }
    #expect(error?.reason == "it is a socket, not a file")
    #expect(fileInfo(path).st_mode & S_IFMT == S_IFSOCK)
  }

  @Test func modeOwnerAndGroupAreKept() throws {
    let folder = try ScratchFolder()
    defer { folder.remove() }
    let path = folder.file("secret.json")
    try "old".write(toFile: path, atomically: false, encoding: .utf8)
    #expect(chmod(path, 0o600) == 0)
    let owned = geteuid() == 0 && chown(path, 1234, 5678) == 0
    try AtomicFile.write("new", to: path)
    let info = fileInfo(path)
    #expect(info.st_mode & 0o7777 == 0o600)
    if owned {
      #expect(info.st_uid == 1234)
      #expect(info.st_gid == 5678)
    }
    #expect(folder.text("secret.json") == "new")
    #expect(chmod(path, 0o640) == 0)
    try AtomicFile.write("newer", to: path)
    #expect(fileInfo(path).st_mode & 0o7777 == 0o640)
  }

  @Test func aReadOnlyFileIsRefusedAndKept() throws {
    let folder = try ScratchFolder()
    defer { folder.remove() }
    let path = folder.file("frozen.csv")
    try "keep".write(toFile: path, atomically: false, encoding: .utf8)
    #expect(chmod(path, 0o444) == 0)
    let error = #expect(throws: AtomicFileError.self) { try AtomicFile.write("lost", to: path) }
    #expect(error?.reason.contains("read-only (mode 0444)") == true)
    #expect(folder.text("frozen.csv") == "keep")
    #expect(folder.names == ["frozen.csv"])
  }

  @Test func aFailedStreamLeavesTheOldFileAndNoTemporary() throws {
    struct Stop: Error {}
    let folder = try ScratchFolder()
    defer { folder.remove() }
    let path = folder.file("big.csv")
    try "old".write(toFile: path, atomically: false, encoding: .utf8)
    #expect(throws: Stop.self) {
      try AtomicFile.withWriter(to: path) { writer in
        for _ in 0..<10_000 { try writer.write("a line of a large file\n") }
        #expect(folder.names.count == 2)
        #expect(InterruptCleanup.registeredFiles.contains { $0.hasPrefix(folder.path) })
        throw Stop()
      }
    }
    #expect(folder.text("big.csv") == "old")
    #expect(folder.names == ["big.csv"])
    #expect(!InterruptCleanup.registeredFiles.contains { $0.hasPrefix(folder.path) })
  }

  @Test func aStreamedFileIsCompleteAfterCommit() throws {
    let folder = try ScratchFolder()
    defer { folder.remove() }
    let count = try AtomicFile.withWriter(to: folder.file("s.csv")) { writer in
      for i in 0..<50_000 { try writer.write("\(i)\n") }
      return 50_000
    }
    let lines = folder.text("s.csv")?.split(separator: "\n") ?? []
    #expect(lines.count == count)
    #expect(lines.last == "49999")
    #expect(folder.names == ["s.csv"])
  }

  @Test func aDroppedWriterRemovesItsTemporaryFile() throws {
    let folder = try ScratchFolder()
    defer { folder.remove() }
    do {
      let writer = try AtomicWriter(path: folder.file("x.csv"))
      try writer.write("partial")
      #expect(folder.names.count == 1)
    }
    #expect(folder.names.isEmpty)
  }

  @Test func aMissingFolderIsAnIOErrorNamingIt() throws {
    let folder = try ScratchFolder()
    defer { folder.remove() }
    let error = #expect(throws: AtomicFileError.self) {
      try AtomicFile.write("x", to: folder.file("no/such/x.csv"))
    }
    #expect(error?.reason.contains("No such file or directory") == true)
  }

  @Test func aHostileFileNameIsEscapedInTheMessage() throws {
    let error = #expect(throws: AtomicFileError.self) {
      try AtomicFile.write("x", to: "/nonexistent-\u{1B}[31m\n/x")
    }
    #expect(error?.description.contains("\u{1B}") == false)
    #expect(error?.description.contains("\n") == false)
  }
}

import EWAIO
import EWATestSupport
import Foundation
import Testing

@Suite struct InterruptCleanupTests {
  @Test func aRegisteredFileIsRemovedAndAnUnregisteredOneKept() throws {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("ewa-cleanup-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { TemporaryFolder.remove(directory) }
    let pending = directory.appendingPathComponent("pending.tmp").path
    let done = directory.appendingPathComponent("done.tmp").path
    #expect(FileManager.default.createFile(atPath: pending, contents: Data("a".utf8)))
    #expect(FileManager.default.createFile(atPath: done, contents: Data("b".utf8)))
    let first = InterruptCleanup.register(file: pending)
    let second = InterruptCleanup.register(file: done)
    #expect(first != nil && second != nil)
    #expect(InterruptCleanup.registeredFiles.contains(pending))
    InterruptCleanup.unregister(second)
    #expect(!InterruptCleanup.registeredFiles.contains(done))
    InterruptCleanup.cleanUpAfterSignal()
    InterruptCleanup.unregister(first)
    #expect(!FileManager.default.fileExists(atPath: pending))
    #expect(FileManager.default.fileExists(atPath: done))
  }
}

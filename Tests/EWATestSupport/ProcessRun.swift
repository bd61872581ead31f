import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// One run of an executable (the built `ewa` unless told otherwise): its arguments, folder,
/// standard input, where its output goes, its environment and a deadline; ``run()`` starts it,
/// waits, and returns what it printed and how it ended.
///
/// Foundation's `Process.run()` has crashed (SIGSEGV in memmove) when hundreds of runs started
/// from parallel test cases: every run here starts under one lock, one process at a time, and
/// closes its file handles; suites that start many processes are also `.serialized`.
public struct ProcessRun {
  /// What the process reads on standard input.
  public enum Input {
    /// `/dev/null`.
    case null
    /// These bytes through a pipe, written while the process runs, then closed.
    case pipe(Data)
    /// These bytes in a regular file (seekable, with a size).
    case file(Data)
  }

  /// Where standard output or standard error goes.
  public enum Output {
    /// Collected through a regular file (the result holds the bytes).
    case captured
    /// Collected through a pipe, read while the process runs (the result holds the bytes).
    case capturedThroughPipe
    /// Discarded (`/dev/null`).
    case null
    /// A file opened for writing, e.g. `/dev/full` (not collected).
    case file(String)
    /// Closed before the process starts (`>&-`).
    case closed
    /// A pipe whose reader has already gone (`| head` after head exited).
    case pipeWithoutReader
  }

  /// How a run ended and what it printed.
  public struct Result {
    /// The exit status, or the signal's number when ``signaled``.
    public let status: Int32
    /// Whether a signal ended the process.
    public let signaled: Bool
    /// Whether the deadline passed and the process was stopped.
    public let timedOut: Bool
    /// Standard output, when captured.
    public let stdout: Data
    /// Standard error, when captured.
    public let stderr: Data

    /// Standard output as UTF-8 text.
    public var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
    /// Standard error as UTF-8 text.
    public var stderrText: String { String(decoding: stderr, as: UTF8.self) }
  }

  public var executable: URL
  public var arguments: [String]
  /// The working folder; the test's own when nil.
  public var directory: URL?
  public var input: Input
  public var output: Output
  public var error: Output
  /// Variables set or replaced in the test's environment.
  public var environment: [String: String]
  /// Seconds after which the process is stopped with ``timeoutSignal``; none when nil.
  public var timeout: Double?
  public var timeoutSignal: Int32

  /// Describes a run of `executable` (the built `ewa` by default).
  public init(
    _ arguments: [String], executable: URL = PackagePaths.ewa, in directory: URL? = nil,
    input: Input = .null, output: Output = .captured, error: Output = .captured,
    environment: [String: String] = [:], timeout: Double? = nil, timeoutSignal: Int32 = SIGTERM
  ) {
    self.executable = executable
    self.arguments = arguments
    self.directory = directory
    self.input = input
    self.output = output
    self.error = error
    self.environment = environment
    self.timeout = timeout
    self.timeoutSignal = timeoutSignal
  }

  /// Serializes `Process.run()` across every test bundle's runs.
  public static let launchLock = NSLock()

  /// Starts the process, waits for it (or stops it at the deadline) and collects its output.
  public func run() throws -> Result {
    let scratch = try TemporaryFolder(prefix: "ewa-run")
    defer { scratch.remove() }
    let process = Process()
    var handles: [FileHandle] = []
    defer { for handle in handles { try? handle.close() } }

    // `>&-` needs a shell that closes the descriptor before it executes the program.
    let closing = [(output, "1"), (error, "2")].compactMap { output, fd -> String? in
      if case .closed = output { "\(fd)>&-" } else { nil }
    }
    if closing.isEmpty {
      process.executableURL = executable
      process.arguments = arguments
    } else {
      process.executableURL = URL(fileURLWithPath: "/bin/sh")
      process.arguments =
        ["-c", "exec \"$0\" \"$@\" \(closing.joined(separator: " "))", executable.path]
        + arguments
    }
    if let directory { process.currentDirectoryURL = directory }
    if !environment.isEmpty {
      process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    }

    var inputPipe: (Pipe, Data)?
    switch input {
    case .null: process.standardInput = FileHandle.nullDevice
    case .pipe(let data):
      let pipe = Pipe()
      process.standardInput = pipe
      inputPipe = (pipe, data)
    case .file(let data):
      let file = scratch.file("stdin")
      try data.write(to: file)
      let handle = try FileHandle(forReadingFrom: file)
      handles.append(handle)
      process.standardInput = handle
    }

    /// Sets one output stream up; returns how to collect it afterwards.
    func attach(_ kind: Output, name: String) throws -> Collector {
      switch kind {
      case .captured:
        let file = scratch.file(name)
        _ = FileManager.default.createFile(atPath: file.path, contents: nil)
        let handle = try FileHandle(forWritingTo: file)
        handles.append(handle)
        return Collector(handle: handle, file: file, pipe: nil)
      case .capturedThroughPipe:
        let pipe = Pipe()
        return Collector(handle: pipe, file: nil, pipe: pipe)
      case .null: return Collector(handle: FileHandle.nullDevice, file: nil, pipe: nil)
      case .file(let path):
        guard let handle = FileHandle(forWritingAtPath: path) else {
          throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: path])
        }
        handles.append(handle)
        return Collector(handle: handle, file: nil, pipe: nil)
      case .closed: return Collector(handle: nil, file: nil, pipe: nil)
      case .pipeWithoutReader:
        let pipe = Pipe()
        try pipe.fileHandleForReading.close()
        return Collector(handle: pipe, file: nil, pipe: nil)
      }
    }
    let out = try attach(output, name: "stdout")
    let err = try attach(error, name: "stderr")
    if let handle = out.handle { process.standardOutput = handle }
    if let handle = err.handle { process.standardError = handle }

    try Self.launchLock.withLock { try process.run() }

    // Pipes are fed and drained on threads of their own, so that no side waits on a full pipe.
    var threads: [PipeThread] = []
    if let (pipe, data) = inputPipe {
      threads.append(
        PipeThread {
          try? pipe.fileHandleForWriting.write(contentsOf: data)
          try? pipe.fileHandleForWriting.close()
          return Data()
        })
    }
    let outReader = out.pipe.map { pipe in
      PipeThread { pipe.fileHandleForReading.readDataToEndOfFile() }
    }
    let errReader = err.pipe.map { pipe in
      PipeThread { pipe.fileHandleForReading.readDataToEndOfFile() }
    }
    threads += [outReader, errReader].compactMap { $0 }

    var timedOut = false
    if let timeout {
      let deadline = Date().addingTimeInterval(timeout)
      while process.isRunning {
        if Date() > deadline {
          timedOut = true
          kill(process.processIdentifier, timeoutSignal)
          break
        }
        usleep(2000)
      }
    }
    process.waitUntilExit()
    for thread in threads { _ = thread.wait() }
    return Result(
      status: process.terminationStatus, signaled: process.terminationReason == .uncaughtSignal,
      timedOut: timedOut,
      stdout: try out.collect(reader: outReader), stderr: try err.collect(reader: errReader))
  }

  /// How one output stream is collected after the run.
  private struct Collector {
    let handle: Any?
    let file: URL?
    let pipe: Pipe?

    func collect(reader: PipeThread?) throws -> Data {
      if let reader { return reader.wait() }
      if let file { return try Data(contentsOf: file) }
      return Data()
    }
  }
}

/// A thread that computes some bytes, and waits for them.
private final class PipeThread: @unchecked Sendable {
  private let condition = NSCondition()
  private var result: Data?

  init(_ body: @escaping @Sendable () -> Data) {
    let thread = Thread { [self] in
      let data = body()
      condition.withLock {
        result = data
        condition.broadcast()
      }
    }
    thread.start()
  }

  /// The bytes, once the thread has them.
  func wait() -> Data {
    condition.withLock {
      while result == nil { condition.wait() }
      return result!
    }
  }
}

import Dispatch
import EWA
import EWAIO
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Smooths one large regular file with several threads (`ewa smooth --threads N FILE`).
///
/// The file after its first line is cut into blocks at line ends. Each thread takes every N-th
/// block and passes over it twice: first it parses the cells and averages them from nothing
/// (``BlockCells``; a block's state is the recurrence composed over it, `V ↦ β^n·V + c`), which
/// is carried onto the previous block's final state as soon as that is known
/// (``ExponentialAverage/carried(from:decay:)``); then, starting from the carried state, it
/// smooths the parsed rows into its own output, which is written to standard output in block
/// order.
/// Each result is within 1e-12 × A of the sequential one, where A is the same average of the
/// absolute values (the carried states differ from the sequential ones by rounding only, a few
/// units in the last place of the data's scale): 1e-12 relative unless values of both signs
/// cancel, as ±1e300 among small values do (measured 6.4e-15 × A, `ParallelBoundTests`). Memory
/// stays constant (two blocks per thread).
///
/// It needs a regular file without quoted fields (a quoted line break would defeat cutting at line
/// ends) and with LF or CRLF line ends; for any other file it smooths sequentially, with the
/// same output. Options that cannot be carried are refused by ``unsupported(_:)``.
public final class ParallelSmoother: @unchecked Sendable {
  /// The nominal size of a block in bytes.
  public static let defaultBlockSize = 1 << 15

  public let options: SmoothOptions
  public let path: String
  public let threads: Int
  public let blockSize: Int
  /// The number of non-numeric cells treated as missing under `--on-bad-value skip`.
  public private(set) var skippedCells = 0
  /// Where the first of them was.
  public private(set) var firstSkippedCell: String?

  private let output: OutputBuffer
  private let sink: ByteSink
  private var descriptor: Int32 = -1
  private var size = 0
  private var headerEnd = 0
  private var blockCount = 0
  private var layout: Smoother?

  private let condition = NSCondition()
  private var carriedBlock = -1
  private var carriedState: GroupState?
  private var carriedLines = 1
  private var writtenBlock = -1
  private var failure: (block: Int, error: SmoothError)?
  private var skipped: [(block: Int, count: Int, first: String?)] = []

  /// Why `options` cannot be smoothed in parallel blocks, as a sentence, or nil if they can.
  public static func unsupported(_ options: SmoothOptions) -> String? {
    if options.columns.isEmpty {
      return "--threads needs the columns named with --column (choosing them reads ahead)"
    }
    if options.groupBy != nil { return "--threads cannot be combined with --group-by" }
    if options.time != nil { return "--threads cannot be combined with --time" }
    if options.standardDeviation { return "--threads cannot be combined with --std" }
    if options.initial == .first {
      return "--threads cannot be combined with --init first, whose first observation weighs "
        + "more than the rest (use corrected or zero)"
    }
    return nil
  }

  /// Creates a parallel smoother of the file at `path`.
  ///
  /// - Parameters:
  ///   - options: the options; ``unsupported(_:)`` must return nil for them.
  ///   - path: the file (a regular file).
  ///   - threads: the number of threads, at least 1.
  ///   - output: where the rows go; its sink also receives the blocks' output directly.
  ///   - sink: `output`'s sink.
  ///   - blockSize: the nominal block size in bytes.
  public init(
    options: SmoothOptions, path: String, threads: Int, output: OutputBuffer, sink: ByteSink,
    blockSize: Int = ParallelSmoother.defaultBlockSize
  ) {
    precondition(Self.unsupported(options) == nil && threads >= 1 && blockSize >= 2)
    self.options = options
    self.path = path
    self.threads = threads
    self.output = output
    self.sink = sink
    self.blockSize = blockSize
  }

  /// Smooths the file and flushes the output.
  ///
  /// - Throws: ``SmoothError/invalidOption(_:)`` when `path` is not a regular file, and every
  ///   error of the sequential ``Smoother``, for the same row.
  public func run() throws(SmoothError) {
    descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else {
      throw .io(.cannotOpen(path: path, reason: String(cString: strerror(errno))))
    }
    defer { close(descriptor) }
    var status = stat()
    if fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFDIR {
      throw .io(.cannotOpen(path: path, reason: "it is a directory, not a file"))
    }
    guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else {
      throw .invalidOption(
        "--threads reads a regular file in blocks, and \(MessageText.inline(path)) is not one; "
          + "standard input and pipes are read sequentially, so drop --threads")
    }
    size = Int(status.st_size)
    let header = try firstLine()
    headerEnd = header.count
    let remaining = size - headerEnd
    var inBlocks = header.last == UInt8(ascii: "\n") && remaining >= 2 * blockSize && threads > 1
    if inBlocks { inBlocks = try isCuttable() }
    guard inBlocks else {
      try sequential()
      return
    }
    // The first line (the header, or a first data row) goes through the sequential smoother,
    // which also decides the layout.
    let first = Smoother(options: options, output: output)
    try first.process(name: path, source: MemorySource(header))
    try io { () throws(IOError) in try output.flush() }
    layout = first
    carriedState = first.groups[0]
    blockCount = (remaining + blockSize - 1) / blockSize
    // One thread per worker besides this one, which is worker 0.
    let finished = DispatchSemaphore(value: 0)
    for thread in 1..<threads {
      Thread {
        self.work(thread: thread)
        finished.signal()
      }.start()
    }
    work(thread: 0)
    for _ in 1..<threads { finished.wait() }
    skipped.sort { $0.block < $1.block }
    skippedCells = first.skippedCells + skipped.reduce(0) { $0 + $1.count }
    firstSkippedCell = first.firstSkippedCell ?? skipped.lazy.compactMap(\.first).first
    if let failure { throw failure.error }
  }

  /// Smooths the whole file with one ``Smoother``.
  private func sequential() throws(SmoothError) {
    let smoother = Smoother(options: options, output: output)
    try smoother.process(
      name: path, source: FileDescriptorSource(name: path, descriptor: descriptor))
    try smoother.finish()
    skippedCells = smoother.skippedCells
    firstSkippedCell = smoother.firstSkippedCell
  }

  /// The file's first line, with its line end (all of the file if it has a single line).
  private func firstLine() throws(SmoothError) -> [UInt8] {
    var bytes: [UInt8] = []
    var offset = 0
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let count = try read(into: &chunk, at: offset)
      if count == 0 { return bytes }
      if let end = chunk[..<count].firstIndex(of: UInt8(ascii: "\n")) {
        return bytes + chunk[...end]
      }
      bytes += chunk[..<count]
      offset += count
    }
  }

  /// Whether the rest of the file can be cut at line ends: no quote, and no CR but before LF.
  private func isCuttable() throws(SmoothError) -> Bool {
    var chunk = [UInt8](repeating: 0, count: 1 << 20)
    var offset = headerEnd
    while offset < size {
      let count = try read(into: &chunk, at: offset)
      if count == 0 { break }
      let clean = chunk.withUnsafeBytes { bytes -> Bool in
        let base = bytes.baseAddress!
        if memchr(base, Int32(UInt8(ascii: "\"")), count) != nil { return false }
        var from = 0
        while from < count, let found = memchr(base + from, 0x0D, count - from) {
          let index = base.distance(to: UnsafeRawPointer(found))
          // A CR as the chunk's last byte is checked again at the start of the next chunk.
          if index + 1 == count { return offset + count == size ? false : true }
          if bytes[index + 1] != 0x0A { return false }
          from = index + 1
        }
        return true
      }
      if !clean { return false }
      offset += chunk[count - 1] == 0x0D && offset + count < size ? count - 1 : count
    }
    return true
  }

  /// Reads up to `buffer.count` bytes at `offset`.
  private func read(into buffer: inout [UInt8], at offset: Int) throws(SmoothError) -> Int {
    let descriptor = self.descriptor
    while true {
      let count = buffer.withUnsafeMutableBytes {
        pread(descriptor, $0.baseAddress, $0.count, off_t(offset))
      }
      if count >= 0 { return count }
      if errno != EINTR {
        throw .io(.readFailed(name: path, reason: String(cString: strerror(errno))))
      }
    }
  }

  // MARK: - Threads

  /// One thread's loop over its blocks.
  private func work(thread: Int) {
    guard let layout else { return }
    // This thread's own copy of the name it passes on every row (see Smoother.continuing).
    let file = String(decoding: Array(path.utf8), as: UTF8.self)
    let block = BlockText()
    let cells = BlockCells()
    // Two outputs, so that the next block can be smoothed while one waits for its turn.
    let outputs = (0..<2).map { _ in
      let sink = MemorySink()
      return (sink: sink, buffer: OutputBuffer(sink: sink, capacity: 1 << 14))
    }
    var index = thread
    var count = 0
    while index < blockCount {
      let output = outputs[count % 2]
      do {
        // The output's previous block must have been written.
        try waitUntil { writtenBlock >= index - 2 * threads }
        try smooth(
          block: index, file: file, text: block, cells: cells, layout: layout, sink: output.sink,
          output: output.buffer)
      } catch {
        return
      }
      index += threads
      count += 1
    }
  }

  /// Waits until `condition` holds; throws (only to stop the thread) once a block has failed.
  private func waitUntil(_ holds: () -> Bool) throws(SmoothError) {
    condition.lock()
    defer { condition.unlock() }
    while !holds(), failure == nil { condition.wait() }
    if failure != nil { throw .io(.outputClosed) }
  }

  /// A smoothed block waiting for its turn to be written.
  private struct Finished {
    let sink: MemorySink
    let error: SmoothError?
    let skipped: Int
    let firstSkipped: String?
  }

  private var finished: [Int: Finished] = [:]
  private var writing = false

  /// Reads, folds, carries and smooths one block, and hands it to ``writeReady()``; throws only
  /// to stop this thread.
  private func smooth(
    block index: Int, file: String, text: BlockText, cells: BlockCells, layout: Smoother,
    sink blockSink: MemorySink,
    output blockOutput: OutputBuffer
  ) throws(SmoothError) {
    do {
      try text.load(
        descriptor: descriptor, name: path, block: index, blockSize: blockSize,
        first: headerEnd, size: size, delimiter: layout.delimiter)
    } catch {
      try fail(block: index, error: error)
    }
    // First pass: the cells parsed, the block averaged from nothing. A row that ends it early
    // throws its error again in the second pass.
    try cells.read(text, layout: layout)
    let folded = !cells.failed
    // Carry: wait for the previous block's final state, publish this one's.
    try waitUntil { carriedBlock == index - 1 }
    condition.lock()
    let prior = carriedState!
    let linesBefore = carriedLines
    if folded {
      carriedState = Smoother.carry(
        prior, over: cells.state!, rows: cells.steps, ignoreMissing: options.ignoreMissing)
      carriedLines += text.rowCount
      carriedBlock = index
      condition.broadcast()
    }
    condition.unlock()
    // Second pass: from the carried state, row by row into this block's output.
    let smoother = layout.continuing(from: prior, output: blockOutput)
    var error: SmoothError?
    do {
      let width = layout.smoothed.count
      for row in 0..<text.rowCount {
        try text.withRecord(row) { (record) throws(SmoothError) in
          if row < cells.count, cells.rows[row] == .parsed {
            try cells.withCells(row, width: width) { (values, present) throws(SmoothError) in
              try smoother.smooth(record, parsed: values, present: present)
            }
          } else {
            try smoother.smooth(record, file: file, line: linesBefore + row + 1)
          }
        }
      }
    } catch let caught {
      error = caught
    }
    if !folded, error == nil {
      error = .invalidOption("a block failed its first pass but not its second")
    }
    try? blockOutput.flush() as Void
    condition.lock()
    finished[index] = Finished(
      sink: blockSink, error: error, skipped: smoother.skippedCells,
      firstSkipped: smoother.firstSkippedCell)
    writeReady()
    condition.unlock()
  }

  /// Writes the finished blocks that are next in order, unless another thread is writing (which
  /// then writes them); called and returning with the lock held.
  private func writeReady() {
    while !writing, failure == nil, let next = finished.removeValue(forKey: writtenBlock + 1) {
      writing = true
      condition.unlock()
      var error = next.error
      next.sink.bytes.withUnsafeBytes { bytes in
        do throws(IOError) {
          try sink.write(bytes)
        } catch let caught {
          if error == nil { error = .io(caught) }
        }
      }
      next.sink.removeAll()
      condition.lock()
      writing = false
      if next.skipped > 0 {
        skipped.append((writtenBlock + 1, next.skipped, next.firstSkipped))
      }
      if let error {
        if failure == nil { failure = (writtenBlock + 1, error) }
      } else {
        writtenBlock += 1
      }
      condition.broadcast()
    }
  }

  /// Records the first failure and wakes every thread so that all stop.
  private func fail(block: Int, error: SmoothError) throws(SmoothError) -> Never {
    condition.lock()
    if failure == nil || block < failure!.block { failure = (block, error) }
    condition.broadcast()
    condition.unlock()
    throw error
  }
}

import Dispatch
import EWA
import EWAIO
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Smooths one large regular file with several threads (`ewa smooth --threads N FILE`): the one
/// ``SmoothKernel``, scheduled over blocks of the file.
///
/// The layout is decided from the file's start as the sequential smoother decides it (the header,
/// and up to ``Smoother/lookaheadLimit`` rows when the columns are chosen automatically). The data
/// after the header is cut into blocks at line ends (``FileBlockSource``), each read by a
/// ``CSVReader``; each thread takes every N-th block. When the previous block's final state is
/// already known, the block is smoothed from it in one pass, exactly as sequentially. Otherwise a
/// first pass folds the block from nothing without writing (a block acts on each group's state
/// as an affine map, `V ↦ D·V + c`), which is carried onto the previous block's final state as
/// soon as that is known (``SmoothKernel/carry(_:)``); a second pass then smooths the block from
/// the state before it into its own output, which is written in block order.
///
/// Each result is within 1e-12 × A of the sequential one, where A is the same average of the
/// absolute values (the carried states differ from the sequential ones by rounding only, a few
/// units in the last place of the data's scale): 1e-12 relative unless values of both signs
/// cancel, as ±1e300 among small values do (measured 6.4e-15 × A, `ParallelBoundTests`). Memory
/// stays constant (two blocks' output per thread).
///
/// It needs a regular file without quotes after its first line (a quoted line break would defeat
/// cutting at line ends); for any other file it smooths sequentially, with the same output. Options that cannot be carried are refused by
/// ``unsupported(_:)``.
///
/// Shared state (the carried kernel, the finished blocks, the first failure) is guarded by
/// `condition`; everything else is the thread's own.
public final class ParallelSmoother: @unchecked Sendable {
  /// The nominal size of a block in bytes.
  public static let defaultBlockSize = 1 << 16

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

  private let condition = NSCondition()
  /// The state after block `carriedBlock` (-1: before the first), and the lines up to there.
  private var carriedBlock = -1
  private var carried: SmoothKernel?
  private var carriedLines = 0
  private var writtenBlock = -1
  private var failure: (block: Int, error: SmoothError)?
  private var skipped: [(block: Int, count: Int, first: String?)] = []
  private var finished: [Int: Finished] = [:]
  private var writing = false

  /// Why `options` cannot be smoothed in parallel blocks, as a sentence, or nil if they can.
  public static func unsupported(_ options: SmoothOptions) -> String? {
    if options.standardDeviation {
      return "--threads cannot be combined with --std: its bound is established for averages, "
        + "not yet for the carried variance"
    }
    if options.initial == .first {
      return "--threads cannot be combined with --init first, whose first observation weighs "
        + "more than the rest, so that a block does not act on the state before it as one "
        + "carried step (use corrected or zero)"
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
    let firstLineEnd = try firstLine()
    var inBlocks =
      firstLineEnd != nil && size - firstLineEnd! >= 2 * blockSize && threads > 1
    if inBlocks { inBlocks = try isCuttable(from: firstLineEnd!) }
    guard inBlocks else {
      try sequential()
      return
    }
    let layout = try plan(firstLineEnd: firstLineEnd!)
    let blocksStart = headerEnd
    blockCount = (size - blocksStart + blockSize - 1) / blockSize
    carried = SmoothKernel(layout: layout)
    carriedLines = headerEnd > 0 ? 1 : 0
    // One thread per worker besides this one, which is worker 0.
    let done = DispatchSemaphore(value: 0)
    for thread in 1..<threads {
      Thread {
        self.work(thread: thread, layout: layout)
        done.signal()
      }.start()
    }
    work(thread: 0, layout: layout)
    for _ in 1..<threads { done.wait() }
    skipped.sort { $0.block < $1.block }
    skippedCells = skipped.reduce(0) { $0 + $1.count }
    firstSkippedCell = skipped.lazy.compactMap(\.first).first
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

  /// Decides the layout from the file's start, as the sequential smoother does, and writes the
  /// header (the file's first line: no quote follows it, so none spans lines).
  private func plan(firstLineEnd: Int) throws(SmoothError) -> SmoothLayout {
    var planner = LayoutPlanner(options: options, savedColumns: nil)
    let source = FileBlockSource(
      name: path, descriptor: descriptor, range: 0..<size, startsAtLine: true, size: size)
    let reader = CSVReader(
      name: path, source: source, delimiter: options.delimiter, chunkSize: 1 << 16)
    var isHeader = false
    while !planner.isReady, try io({ () throws(IOError) in try reader.next() }) {
      try reader.withRecord { (record) throws(SmoothError) in
        if !planner.started {
          isHeader = try planner.start(record, reader: reader)
          // Columns given (a headerless file with --column): nothing is left to look for.
          if isHeader || planner.isReady { return }
        }
        try planner.look(at: record, file: path, line: reader.line, keep: false)
      }
    }
    let (layout, _) = try planner.decide()
    headerEnd = isHeader ? firstLineEnd : 0
    if let header = planner.header {
      try header.withRecord { (record) throws(SmoothError) in
        try io { () throws(IOError) in try layout.writeHeader(record, to: output) }
      }
    }
    try io { () throws(IOError) in try output.flush() }
    return layout
  }

  /// The offset after the file's first LF, or nil if it has none or a CR ends a record before
  /// it.
  private func firstLine() throws(SmoothError) -> Int? {
    let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 16, alignment: 1)
    defer { chunk.deallocate() }
    var offset = 0
    while true {
      let count = try read(into: chunk, at: offset)
      if count == 0 { return nil }
      let end = memchr(chunk.baseAddress!, 0x0A, count).map { chunk.baseAddress!.distance(to: $0) }
      if let cr = memchr(chunk.baseAddress!, 0x0D, end ?? count),
        chunk.baseAddress!.distance(to: cr) + 1 != end
      {
        return nil
      }
      if let end { return offset + end + 1 }
      offset += count
    }
  }

  /// Whether the file from `start` can be cut at line ends: it holds no quote, so that every LF
  /// ends a record (a lone CR ends one too, within a block as in the whole file).
  private func isCuttable(from start: Int) throws(SmoothError) -> Bool {
    let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 1)
    defer { chunk.deallocate() }
    var offset = start
    while offset < size {
      let count = try read(into: chunk, at: offset)
      if count == 0 { break }
      if memchr(chunk.baseAddress!, Int32(UInt8(ascii: "\"")), count) != nil { return false }
      offset += count
    }
    return true
  }

  /// Reads up to `buffer.count` bytes at `offset`.
  private func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int)
    throws(SmoothError) -> Int
  {
    try io { () throws(IOError) in
      try FileBlockSource.read(descriptor, into: buffer, at: offset, name: path)
    }
  }

  // MARK: - Threads

  /// A smoothed block waiting for its turn to be written.
  private struct Finished {
    let sink: MemorySink
    let error: SmoothError?
    let skipped: Int
    let firstSkipped: String?
  }

  /// One thread's loop over its blocks.
  private func work(thread: Int, layout: SmoothLayout) {
    // Two outputs, so that the next block can be smoothed while one waits for its turn.
    let outputs = (0..<2).map { _ in
      let sink = MemorySink()
      return (sink: sink, buffer: OutputBuffer(sink: sink, capacity: 1 << 14))
    }
    var index = thread
    var count = 0
    while index < blockCount {
      let output = outputs[count % 2]
      // The output's previous block must have been written.
      guard waitUntil({ writtenBlock >= index - 2 * threads }) else { return }
      smooth(block: index, layout: layout, sink: output.sink, output: output.buffer)
      index += threads
      count += 1
    }
  }

  /// Waits until `holds` holds; false once a block has failed.
  private func waitUntil(_ holds: () -> Bool) -> Bool {
    condition.lock()
    defer { condition.unlock() }
    while !holds(), failure == nil { condition.wait() }
    return failure == nil
  }

  /// A reader of block `index`.
  private func reader(block index: Int, layout: SmoothLayout) -> CSVReader<FileBlockSource> {
    let low = headerEnd + index * blockSize
    let source = FileBlockSource(
      name: path, descriptor: descriptor, range: low..<min(low + blockSize, size),
      startsAtLine: index == 0, size: size)
    return CSVReader(
      name: path, source: source, delimiter: layout.delimiter, chunkSize: blockSize + 4096,
      skipsByteOrderMark: index == 0 && headerEnd == 0)
  }

  /// Folds (and with `output`, writes) every row of block `index` with `kernel`, the lines
  /// before it numbering `linesBefore`.
  ///
  /// - Returns: the block's number of lines.
  private func pass(
    block index: Int, layout: SmoothLayout, kernel: inout SmoothKernel, linesBefore: Int,
    output: OutputBuffer?
  ) throws(SmoothError) -> Int {
    let reader = reader(block: index, layout: layout)
    let file = path
    var lines = 0
    while try io({ () throws(IOError) in try reader.next() }) {
      lines += 1
      let line = linesBefore + lines
      try reader.withRecord { (record) throws(SmoothError) in
        if let output {
          try kernel.smooth(record, file: file, line: line, output: output)
        } else {
          _ = try kernel.fold(record, file: file, line: line)
        }
      }
    }
    return lines
  }

  /// Smooths one block into `blockOutput` and hands it to ``writeReady()``.
  private func smooth(
    block index: Int, layout: SmoothLayout, sink blockSink: MemorySink,
    output blockOutput: OutputBuffer
  ) {
    condition.lock()
    let ready = carriedBlock == index - 1
    var prior = ready ? carried : nil
    var linesBefore = carriedLines
    condition.unlock()
    var error: SmoothError?
    var kernel: SmoothKernel
    if var exact = prior {
      // The state before the block is known: one pass, exactly as sequentially.
      exact.resetCounts()
      do {
        let lines = try pass(
          block: index, layout: layout, kernel: &exact, linesBefore: linesBefore,
          output: blockOutput)
        publish(block: index, state: exact, lines: lines)
      } catch let caught {
        error = caught
      }
      kernel = exact
    } else {
      // First pass: the block folded from nothing. A row that ends it early throws its error
      // again in the second pass, with its line number.
      var local = SmoothKernel(layout: layout)
      let lines = try? pass(
        block: index, layout: layout, kernel: &local, linesBefore: 0, output: nil)
      // Carry: wait for the previous block's final state, publish this one's.
      guard waitUntil({ carriedBlock == index - 1 }) else { return }
      condition.lock()
      prior = carried
      linesBefore = carriedLines
      condition.unlock()
      if let lines {
        var next = prior!
        next.carry(local)
        publish(block: index, state: next, lines: lines)
      }
      // Second pass: from the state before the block, row by row into the block's output.
      kernel = prior!
      kernel.resetCounts()
      do {
        _ = try pass(
          block: index, layout: layout, kernel: &kernel, linesBefore: linesBefore,
          output: blockOutput)
      } catch let caught {
        error = caught
      }
      if lines == nil, error == nil {
        error = .invalidOption("a block failed its first pass but not its second")
      }
    }
    try? blockOutput.flush() as Void
    condition.lock()
    finished[index] = Finished(
      sink: blockSink, error: error, skipped: kernel.skippedCells,
      firstSkipped: kernel.firstSkippedCell)
    writeReady()
    condition.unlock()
  }

  /// Makes `state` the state after block `index`.
  private func publish(block index: Int, state: SmoothKernel, lines: Int) {
    condition.lock()
    carried = state
    carriedLines += lines
    carriedBlock = index
    condition.broadcast()
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
}

import EWA
import EWAIO

/// Reads the state file that ``SmoothStateWriter`` writes, in one pass over its bytes, checking
/// every field as it goes: the layout (each group's columns and tracks against the header's
/// columns and decays), every count in `0...`<``SmoothState/countLimit``>, every weight finite and
/// in range, the times of one kind, and the header's options consistent. A bad field is named by
/// its line and its path in the document (`line 4, groups.2.columns.0.tracks.1.weight: ...`).
///
/// It parses JSON, with any whitespace between tokens, but only the document that the writer
/// produces: fields of known names and types, `format` and `version` first and `groups` last.
/// Nothing is nested deeper than the layout, so no input can recurse or allocate beyond the
/// values it spells out.
struct SmoothStateReader {
  private let text: UnsafeBufferPointer<UInt8>
  private let path: String
  private var i = 0
  private var line = 1
  /// Whether the times seen so far are instants (nil before the first).
  private var instants: Bool?

  private init(text: UnsafeBufferPointer<UInt8>, path: String) {
    self.text = text
    self.path = path
  }

  static func decode(_ bytes: [UInt8], path: String) throws(SmoothError) -> SmoothState {
    try bytes.withUnsafeBufferPointer { (buffer) throws(SmoothError) in
      var reader = SmoothStateReader(text: buffer, path: path)
      return try reader.document()
    }
  }

  // MARK: - Document

  private struct Header {
    var columns: [String]?
    var decays: [DecaySpec]?
    var initial: SmoothOptions.Initial?
    var ignoreMissing: Bool?
    var standardDeviation: Bool?
    var groupBy: String??
    var time: String??
  }

  private mutating func document() throws(SmoothError) -> SmoothState {
    skipSpace()
    guard i < text.count else { throw fail("the file is empty") }
    guard text[i] == UInt8(ascii: "{") else {
      throw fail("it is not an ewa state file (it does not start with \"{\")")
    }
    i += 1
    skipSpace()
    guard i < text.count, text[i] == UInt8(ascii: "\""), try nextKey(first: true) == "format"
    else { throw legacy() }
    let format = try string("format")
    guard format == SmoothState.file.format else {
      throw fail(
        "format: \(MessageText.quoted(format)) is not an ewa state file (\"ewa-smooth-state\")")
    }
    guard try nextKey(first: false) == "version" else {
      throw fail("the field \"version\" must follow \"format\"")
    }
    let version = try integer("version", limit: Int(Int32.max))
    do {
      try SmoothState.file.check(version: version, path: path)
    } catch {
      throw .stateVersion(path: path, found: version, expected: SmoothState.file.version)
    }
    var header = Header()
    while true {
      guard let key = try nextKey(first: false) else {
        throw fail("the field \"groups\" is missing")
      }
      switch key {
      case "columns":
        try once(header.columns == nil, key)
        header.columns = try columns()
      case "decays":
        try once(header.decays == nil, key)
        header.decays = try decays()
      case "initial":
        try once(header.initial == nil, key)
        let value = try string(key)
        guard let initial = SmoothOptions.Initial(rawValue: value) else {
          throw fail("initial: \(MessageText.quoted(value)) is not corrected, zero or first")
        }
        header.initial = initial
      case "ignoreMissing":
        try once(header.ignoreMissing == nil, key)
        header.ignoreMissing = try boolean(key)
      case "standardDeviation":
        try once(header.standardDeviation == nil, key)
        header.standardDeviation = try boolean(key)
      case "groupBy":
        try once(header.groupBy == nil, key)
        header.groupBy = .some(try optionalString(key))
      case "time":
        try once(header.time == nil, key)
        header.time = .some(try optionalString(key))
      case "groups":
        var state = try complete(header)
        state.groups = try groups(state)
        skipSpace()
        guard i < text.count, text[i] == UInt8(ascii: "}") else {
          throw fail("\"groups\" must be the last field, followed by \"}\"")
        }
        i += 1
        skipSpace()
        guard i == text.count else { throw fail("there is text after the end of the state") }
        return state
      default:
        throw fail("\(MessageText.quoted(key)) is not a field of a state file")
      }
    }
  }

  /// The error for a file without `format` first: an older version, or not a state file.
  private func legacy() -> SmoothError {
    // Version 1 was pretty-printed JSON with sorted keys, so its version came last.
    let tail = Array(text.suffix(64))
    let needle = Array("\"version\"".utf8)
    if let start = (0...max(0, tail.count - needle.count)).last(where: {
      tail.count >= needle.count && Array(tail[$0..<$0 + needle.count]) == needle
    }) {
      let digits = tail[(start + needle.count)...].drop { $0 == 0x20 || $0 == UInt8(ascii: ":") }
        .prefix { $0 &- 48 < 10 }
      if let found = Int(String(decoding: digits, as: UTF8.self)) {
        return .stateVersion(path: path, found: found, expected: SmoothState.formatVersion)
      }
    }
    return fail("it is not an ewa state file (its first field is not \"format\")")
  }

  private func once(_ isFirst: Bool, _ key: String) throws(SmoothError) {
    guard isFirst else { throw fail("the field \(MessageText.quoted(key)) appears twice") }
  }

  private func complete(_ header: Header) throws(SmoothError) -> SmoothState {
    func missing(_ name: String) -> SmoothError {
      fail("the field \"\(name)\" is missing before \"groups\"")
    }
    guard let columns = header.columns else { throw missing("columns") }
    guard let decays = header.decays else { throw missing("decays") }
    guard let initial = header.initial else { throw missing("initial") }
    guard let ignoreMissing = header.ignoreMissing else { throw missing("ignoreMissing") }
    guard let standardDeviation = header.standardDeviation else {
      throw missing("standardDeviation")
    }
    guard let groupBy = header.groupBy else { throw missing("groupBy") }
    guard let time = header.time else { throw missing("time") }
    for (d, decay) in decays.enumerated() where (decay.timeHalflife != nil) != (time != nil) {
      throw fail(
        time == nil
          ? "decays.\(d).halflife: a duration, but the state has no time column"
          : "decays.\(d).halflife: missing; the state decays by the time column")
    }
    if time != nil, initial == .zero {
      throw fail("initial: zero cannot be combined with a time column")
    }
    return SmoothState(
      columns: columns, decays: decays, initial: initial, ignoreMissing: ignoreMissing,
      standardDeviation: standardDeviation, groupBy: groupBy, time: time, groups: [])
  }

  private mutating func columns() throws(SmoothError) -> [String] {
    var names: [String] = []
    try array("columns") { (reader) throws(SmoothError) in
      names.append(try reader.string("columns.\(names.count)"))
    }
    guard !names.isEmpty else { throw fail("columns: the list is empty") }
    return names
  }

  private mutating func decays() throws(SmoothError) -> [DecaySpec] {
    var decays: [DecaySpec] = []
    try array("decays") { (reader) throws(SmoothError) in
      decays.append(try reader.decay("decays.\(decays.count)"))
    }
    guard !decays.isEmpty else { throw fail("decays: the list is empty") }
    return decays
  }

  private mutating func decay(_ field: String) throws(SmoothError) -> DecaySpec {
    try expect(UInt8(ascii: "{"), field)
    var form: DecaySpec.Form?
    var text: String?
    var decay: Decay?
    var halflife: TimeSpan??
    var first = true
    while let key = try nextKey(first: first) {
      first = false
      let name = "\(field).\(key)"
      switch key {
      case "form":
        try once(form == nil, name)
        let value = try string(name)
        guard let parsed = DecaySpec.Form(rawValue: value) else {
          throw fail(
            "\(name): \(MessageText.quoted(value)) is not beta, alpha, span, com or halflife")
        }
        form = parsed
      case "text":
        try once(text == nil, name)
        let value = try string(name)
        guard !value.isEmpty, value.utf8.count <= 256 else {
          throw fail("\(name): \(MessageText.quoted(value)) is not a decay as written")
        }
        text = value
      case "centerOfMass":
        try once(decay == nil, name)
        let value = try number(name)
        let parsed: Decay
        do {
          parsed = try Decay.centerOfMass(value)
        } catch .neverForgets {
          throw fail("\(name): \(NumberText.format(value)) makes β round to 1; it must be below 1")
        } catch {
          throw fail("\(name): \(NumberText.format(value)) is not a centre of mass ≥ 0")
        }
        guard parsed.beta >= 0, parsed.beta < 1 else {
          throw fail("\(name): \(NumberText.format(value)) makes β round to 1; it must be below 1")
        }
        decay = parsed
      case "halflife":
        try once(halflife == nil, name)
        halflife = .some(try timeSpan(name))
      default:
        throw fail("\(MessageText.quoted(name)) is not a field of a decay")
      }
    }
    guard let form, let text, let decay, let halflife else {
      throw fail("\(field): a decay needs form, text, centerOfMass and halflife")
    }
    return DecaySpec(form: form, text: text, decay: decay, timeHalflife: halflife)
  }

  private mutating func timeSpan(_ field: String) throws(SmoothError) -> TimeSpan? {
    skipSpace()
    if try null() { return nil }
    if i < text.count, text[i] == UInt8(ascii: "{") {
      let n = try nanoseconds(field)
      guard n >= 1 else { throw fail("\(field).ns: \(n) is not a positive duration") }
      return .nanoseconds(n)
    }
    let value = try number(field)
    guard value > 0 else {
      throw fail("\(field): \(NumberText.format(value)) is not a positive half-life")
    }
    return .plain(value)
  }

  // MARK: - Groups

  private mutating func groups(_ state: SmoothState) throws(SmoothError) -> [SmoothState.Group] {
    var groups: [SmoothState.Group] = []
    let start: ExponentialAverage<Double>.Start = state.initial == .first ? .first : .zero
    let betas = state.decays.map(\.decay.beta)
    try array("groups") { (reader) throws(SmoothError) in
      groups.append(
        try reader.group(groups.count, state, start: start, betas: betas))
    }
    return groups
  }

  private mutating func group(
    _ g: Int, _ state: SmoothState, start: ExponentialAverage<Double>.Start, betas: [Double]
  ) throws(SmoothError) -> SmoothState.Group {
    try expect(UInt8(ascii: "["), "groups.\(g)")
    var key: [UInt8]?
    skipSpace()
    if state.groupBy == nil {
      guard try null() else {
        throw fail("groups.\(g).key: a key, but the state has no --group-by column")
      }
    } else {
      key = try groupKey("groups.\(g).key")
    }
    try expect(UInt8(ascii: ","), "groups.\(g)")
    let lastTime = try time("groups.\(g).lastTime", allowed: state.time != nil)
    if state.time != nil, lastTime == nil {
      throw fail("groups.\(g).lastTime: missing; the state decays by the time column")
    }
    try expect(UInt8(ascii: ","), "groups.\(g)")
    let rows = try integer("groups.\(g).rows", limit: SmoothState.countLimit)
    try expect(UInt8(ascii: ","), "groups.\(g)")
    var columns: [ColumnState] = []
    columns.reserveCapacity(state.columns.count)
    try list(
      "groups.\(g).columns", count: state.columns.count, of: "columns"
    ) { (reader, c) throws(SmoothError) in
      columns.append(
        try reader.column("groups.\(g).columns.\(c)", state, start: start, betas: betas))
    }
    try expect(UInt8(ascii: "]"), "groups.\(g)")
    if let c = columns.indices.first(where: { columns[$0].observations > rows }) {
      throw fail(
        "groups.\(g).rows: \(rows) rows, fewer than the \(columns[c].observations) "
          + "observations of groups.\(g).columns.\(c)")
    }
    return SmoothState.Group(
      key: key, state: GroupState(lastTime: lastTime, rows: rows, columns: columns))
  }

  private mutating func column(
    _ field: @autoclosure () -> String, _ state: SmoothState,
    start: ExponentialAverage<Double>.Start, betas: [Double]
  ) throws(SmoothError) -> ColumnState {
    try expect(UInt8(ascii: "["), field())
    let observations = try integer(field() + ".observations", limit: SmoothState.countLimit)
    try expect(UInt8(ascii: ","), field())
    let lastObserved = try time(field() + ".lastObservedTime", allowed: state.time != nil)
    if lastObserved != nil, observations == 0 {
      throw fail("\(field()).lastObservedTime: a time, but nothing was observed")
    }
    try expect(UInt8(ascii: ","), field())
    var tracks: [SmoothTrack] = []
    tracks.reserveCapacity(betas.count)
    try list(field() + ".tracks", count: betas.count, of: "decays") {
      (reader, d) throws(SmoothError) in
      tracks.append(
        try reader.track(
          field() + ".tracks.\(d)", beta: betas[d], start: start, observations: observations,
          spread: state.standardDeviation))
    }
    try expect(UInt8(ascii: "]"), field())
    return ColumnState(observations: observations, lastObservedTime: lastObserved, tracks: tracks)
  }

  private mutating func track(
    _ field: @autoclosure () -> String, beta: Double, start: ExponentialAverage<Double>.Start,
    observations: Int, spread: Bool
  ) throws(SmoothError) -> SmoothTrack {
    try expect(UInt8(ascii: "["), field())
    let corrected = try value(field() + ".average")
    try expect(UInt8(ascii: ","), field())
    let weight = try number(field() + ".weight")
    try expect(UInt8(ascii: ","), field())
    let count = try integer(field() + ".count", limit: SmoothState.countLimit)
    guard count == observations else {
      throw fail(
        "\(field()).count: \(count) differs from the column's \(observations) observations")
    }
    guard weight >= 0, weight <= (start == .zero ? Double(count) : 1) * (1 + 1e-9) else {
      throw fail(
        "\(field()).weight: \(NumberText.format(weight)) is out of range for \(count) "
          + "observations (0 to \(start == .zero ? "the count" : "1"))")
    }
    guard
      let average = ExponentialAverage<Double>(
        beta: beta, start: start, corrected: corrected, weight: weight, count: count,
        limit: SmoothState.countLimit)
    else {
      throw fail("\(field()): an average and weight other than 0 before any observation")
    }
    guard spread else {
      try expect(UInt8(ascii: "]"), field() + " (3 values without --std)")
      return .mean(average: average)
    }
    try expect(UInt8(ascii: ","), field() + " (6 values with --std)")
    let biased = try value(field() + ".biasedVariance")
    guard !(biased < 0) else {
      throw fail("\(field()).biasedVariance: \(NumberText.format(biased)) is negative")
    }
    try expect(UInt8(ascii: ","), field())
    let sum = try number(field() + ".sumOfWeights")
    try expect(UInt8(ascii: ","), field())
    let squares = try number(field() + ".sumOfSquaredWeights")
    guard sum >= 0, squares >= 0 else {
      throw fail("\(field()): a sum of weights is negative")
    }
    guard
      let variance = ExponentialVariance(
        average: average, biasedVariance: biased, sumOfWeights: sum, sumOfSquaredWeights: squares)
    else {
      throw fail("\(field()): a variance or weight sum other than 0 before any observation")
    }
    try expect(UInt8(ascii: "]"), field() + " (6 values with --std)")
    return .meanAndSpread(variance: variance)
  }

  /// A group key: a string, or the array of its bytes.
  private mutating func groupKey(_ field: @autoclosure () -> String) throws(SmoothError)
    -> [UInt8]
  {
    skipSpace()
    guard i < text.count, text[i] == UInt8(ascii: "[") else { return try stringBytes(field()) }
    var bytes: [UInt8] = []
    let name = field()
    try array(name) { (reader) throws(SmoothError) in
      bytes.append(UInt8(try reader.integer("\(name).\(bytes.count)", limit: 255)))
    }
    return bytes
  }

  private mutating func time(_ field: @autoclosure () -> String, allowed: Bool)
    throws(SmoothError) -> TimeValue?
  {
    skipSpace()
    if try null() { return nil }
    guard allowed else { throw fail("\(field()): a time, but the state has no time column") }
    let value: TimeValue
    let isInstant: Bool
    if i < text.count, text[i] == UInt8(ascii: "{") {
      value = .instant(nanoseconds: try nanoseconds(field()))
      isInstant = true
    } else {
      value = .number(try number(field()))
      isInstant = false
    }
    if let instants, instants != isInstant {
      throw fail(
        "\(field()): \(isInstant ? "an instant" : "a number") among "
          + "\(instants ? "instants" : "numbers")")
    }
    instants = isInstant
    return value
  }

  private mutating func nanoseconds(_ field: @autoclosure () -> String) throws(SmoothError)
    -> Int64
  {
    try expect(UInt8(ascii: "{"), field())
    guard try nextKey(first: true) == "ns" else {
      throw fail("\(field()): an instant is {\"ns\": nanoseconds}")
    }
    skipSpace()
    let negative = i < text.count && text[i] == UInt8(ascii: "-")
    if negative { i += 1 }
    let magnitude = try integer(field() + ".ns", limit: Int(Int64.max))
    try expect(UInt8(ascii: "}"), field())
    return negative ? -Int64(magnitude) : Int64(magnitude)
  }

  // MARK: - Tokens

  private mutating func skipSpace() {
    while i < text.count {
      switch text[i] {
      case UInt8(ascii: "\n"): line += 1
      case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"): break
      default: return
      }
      i += 1
    }
  }

  private func fail(_ message: String) -> SmoothError {
    .stateCorrupt(path: path, reason: "line \(line), \(message)")
  }

  /// What is at the cursor, for a message.
  private var found: String {
    guard i < text.count else { return "the end of the file" }
    let end = min(text.count, i + 20)
    return MessageText.quoted(bytes: text[i..<end].prefix { $0 != UInt8(ascii: "\n") })
  }

  private mutating func expect(_ byte: UInt8, _ field: @autoclosure () -> String)
    throws(SmoothError)
  {
    skipSpace()
    guard i < text.count, text[i] == byte else {
      throw fail("\(field()): expected \"\(Character(Unicode.Scalar(byte)))\", found \(found)")
    }
    i += 1
  }

  /// Consumes `null` if it is next.
  private mutating func null() throws(SmoothError) -> Bool {
    skipSpace()
    guard text.count - i >= 4, text[i] == UInt8(ascii: "n") else { return false }
    guard text[i + 1] == UInt8(ascii: "u"), text[i + 2] == UInt8(ascii: "l"),
      text[i + 3] == UInt8(ascii: "l")
    else { return false }
    i += 4
    return true
  }

  private mutating func boolean(_ field: String) throws(SmoothError) -> Bool {
    skipSpace()
    for (word, value) in [("true", true), ("false", false)] {
      let bytes = Array(word.utf8)
      if text.count - i >= bytes.count, text[i..<(i + bytes.count)].elementsEqual(bytes) {
        i += bytes.count
        return value
      }
    }
    throw fail("\(field): expected true or false, found \(found)")
  }

  /// The next key of an object and its colon, or nil at the closing brace.
  private mutating func nextKey(first: Bool) throws(SmoothError) -> String? {
    skipSpace()
    if i < text.count, text[i] == UInt8(ascii: "}") {
      i += 1
      return nil
    }
    if !first { try expect(UInt8(ascii: ","), "an object") }
    let key = try string("a field name")
    try expect(UInt8(ascii: ":"), "after the field \(MessageText.quoted(key))")
    return key
  }

  /// A JSON array whose elements `element` reads, separated by commas.
  private mutating func array(
    _ field: String, _ element: (inout SmoothStateReader) throws(SmoothError) -> Void
  ) throws(SmoothError) {
    try expect(UInt8(ascii: "["), field)
    skipSpace()
    if i < text.count, text[i] == UInt8(ascii: "]") {
      i += 1
      return
    }
    while true {
      try element(&self)
      skipSpace()
      guard i < text.count else { throw fail("\(field): the list is not closed") }
      if text[i] == UInt8(ascii: "]") {
        i += 1
        return
      }
      try expect(UInt8(ascii: ","), field)
    }
  }

  /// A JSON array of exactly `count` elements, one per `what` of the header.
  private mutating func list(
    _ field: @autoclosure () -> String, count: Int, of what: String,
    _ element: (inout SmoothStateReader, Int) throws(SmoothError) -> Void
  ) throws(SmoothError) {
    try expect(UInt8(ascii: "["), field())
    for k in 0..<count {
      skipSpace()
      if i < text.count, text[i] == UInt8(ascii: "]") {
        throw fail("\(field()): \(k) values, the state has \(count) \(what)")
      }
      if k > 0 { try expect(UInt8(ascii: ","), field()) }
      try element(&self, k)
    }
    skipSpace()
    guard i < text.count, text[i] == UInt8(ascii: "]") else {
      throw fail("\(field()): more than the state's \(count) \(what)")
    }
    i += 1
  }

  private mutating func optionalString(_ field: String) throws(SmoothError) -> String? {
    try null() ? nil : try string(field)
  }

  private mutating func string(_ field: @autoclosure () -> String) throws(SmoothError) -> String {
    let bytes = try stringBytes(field())
    return String(decoding: bytes, as: UTF8.self)
  }

  /// A JSON string's decoded bytes, which must be UTF-8.
  private mutating func stringBytes(_ field: @autoclosure () -> String) throws(SmoothError)
    -> [UInt8]
  {
    skipSpace()
    guard i < text.count, text[i] == UInt8(ascii: "\"") else {
      throw fail("\(field()): expected a string, found \(found)")
    }
    i += 1
    var bytes: [UInt8] = []
    while true {
      guard i < text.count else { throw fail("\(field()): the string is not closed") }
      let byte = text[i]
      i += 1
      switch byte {
      case UInt8(ascii: "\""):
        guard String(validating: bytes, as: UTF8.self) != nil else {
          throw fail("\(field()): the string is not UTF-8")
        }
        return bytes
      case UInt8(ascii: "\\"):
        guard i < text.count else { throw fail("\(field()): the string is not closed") }
        let escape = text[i]
        i += 1
        switch escape {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): bytes.append(escape)
        case UInt8(ascii: "n"): bytes.append(0x0A)
        case UInt8(ascii: "r"): bytes.append(0x0D)
        case UInt8(ascii: "t"): bytes.append(0x09)
        case UInt8(ascii: "b"): bytes.append(0x08)
        case UInt8(ascii: "f"): bytes.append(0x0C)
        case UInt8(ascii: "u"):
          var value = try hex4(field())
          if (0xD800..<0xDC00).contains(value) {
            guard text.count - i >= 6, text[i] == UInt8(ascii: "\\"),
              text[i + 1] == UInt8(ascii: "u")
            else { throw fail("\(field()): a lone surrogate in \\u escapes") }
            i += 2
            let low = try hex4(field())
            guard (0xDC00..<0xE000).contains(low) else {
              throw fail("\(field()): a lone surrogate in \\u escapes")
            }
            value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
          }
          guard let scalar = Unicode.Scalar(value) else {
            throw fail("\(field()): a lone surrogate in \\u escapes")
          }
          bytes.append(contentsOf: Array(String(Character(scalar)).utf8))
        default:
          throw fail("\(field()): an unknown escape in a string")
        }
      case 0..<0x20:
        throw fail("\(field()): a control character in a string")
      default:
        bytes.append(byte)
      }
    }
  }

  private mutating func hex4(_ field: @autoclosure () -> String) throws(SmoothError) -> UInt32 {
    guard text.count - i >= 4 else { throw fail("\(field()): a short \\u escape") }
    var value: UInt32 = 0
    for _ in 0..<4 {
      let byte = text[i] | 0x20
      let digit: UInt8
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - 48
      case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - 87
      default: throw fail("\(field()): a bad \\u escape")
      }
      value = value << 4 | UInt32(digit)
      i += 1
    }
    return value
  }

  /// The bytes of a JSON number at the cursor (nil if there is none).
  private mutating func numberToken() -> UnsafeBufferPointer<UInt8>? {
    skipSpace()
    let start = i
    if i < text.count, text[i] == UInt8(ascii: "-") { i += 1 }
    while i < text.count {
      switch text[i] {
      case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "e"),
        UInt8(ascii: "E"), UInt8(ascii: "+"), UInt8(ascii: "-"):
        i += 1
      default:
        return i > start ? UnsafeBufferPointer(rebasing: text[start..<i]) : nil
      }
    }
    return i > start ? UnsafeBufferPointer(rebasing: text[start..<i]) : nil
  }

  /// A finite number.
  private mutating func number(_ field: @autoclosure () -> String) throws(SmoothError) -> Double {
    guard let token = numberToken() else {
      throw fail("\(field()): expected a number, found \(found)")
    }
    guard let value = NumberText.parse(token) else {
      throw fail(
        "\(field()): \(MessageText.quoted(bytes: token)) is not a number in the range of a double")
    }
    return value
  }

  /// A number, or one of the strings `"NaN"`, `"Infinity"`, `"-Infinity"`.
  private mutating func value(_ field: @autoclosure () -> String) throws(SmoothError) -> Double {
    skipSpace()
    guard i < text.count, text[i] == UInt8(ascii: "\"") else { return try number(field()) }
    switch try string(field()) {
    case "NaN": return .nan
    case "Infinity": return .infinity
    case "-Infinity": return -.infinity
    case let other:
      throw fail("\(field()): \(MessageText.quoted(other)) is not a number")
    }
  }

  /// A non-negative integer no larger than `limit`.
  private mutating func integer(_ field: @autoclosure () -> String, limit: Int)
    throws(SmoothError) -> Int
  {
    guard let token = numberToken() else {
      throw fail("\(field()): expected a whole number, found \(found)")
    }
    var value = 0
    for byte in token {
      let digit = Int(byte &- 48)
      guard digit < 10, digit >= 0 else {
        throw fail(
          "\(field()): \(MessageText.quoted(bytes: token)) is not a whole number from 0 to \(limit)"
        )
      }
      let (times, overflow1) = value.multipliedReportingOverflow(by: 10)
      let (sum, overflow2) = times.addingReportingOverflow(digit)
      guard !overflow1, !overflow2, sum <= limit else {
        throw fail(
          "\(field()): \(MessageText.quoted(bytes: token)) is above the limit \(limit)")
      }
      value = sum
    }
    return value
  }
}

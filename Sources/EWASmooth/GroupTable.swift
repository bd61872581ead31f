import EWAIO

/// Maps the bytes of a group key to a dense index, without allocating to look a key up.
///
/// An open-addressing hash table (FNV-1a, linear probing) over the keys seen so far; a key is
/// copied once, when it is first seen.
public struct GroupTable: Sendable {
  /// The keys, in order of first appearance; a key's index is its position here.
  public private(set) var keys: [[UInt8]] = []
  private var slots: [Int32] = Array(repeating: -1, count: 16)
  private var hashes: [UInt64] = []

  public init() {}

  /// The index of `key`, adding it if it is new.
  ///
  /// - Returns: the index, and whether the key was added.
  public mutating func index(of key: UnsafeBufferPointer<UInt8>) -> (index: Int, added: Bool) {
    let hash = Self.hash(key)
    let mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: hash) & mask
    while true {
      let entry = Int(slots[slot])
      if entry < 0 { break }
      if hashes[entry] == hash, keys[entry].elementsEqual(key) { return (entry, false) }
      slot = (slot + 1) & mask
    }
    let index = keys.count
    keys.append(Array(key))
    hashes.append(hash)
    slots[slot] = Int32(index)
    if keys.count * 2 > slots.count { rehash() }
    return (index, true)
  }

  private mutating func rehash() {
    slots = Array(repeating: -1, count: slots.count * 2)
    let mask = slots.count - 1
    for (index, hash) in hashes.enumerated() {
      var slot = Int(truncatingIfNeeded: hash) & mask
      while slots[slot] >= 0 { slot = (slot + 1) & mask }
      slots[slot] = Int32(index)
    }
  }

  private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
    return hash ^ (hash >> 29)
  }
}

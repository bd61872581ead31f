extension Dataset {
  /// A short fingerprint (FNV-1a over the features' bits and the labels) identifying the data.
  public var fingerprint: String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    func mix(_ value: UInt64) {
      hash = (hash ^ value) &* 0x100_0000_01b3
    }
    for x in features { mix(x.bitPattern) }
    for y in labels { mix(UInt64(bitPattern: Int64(y))) }
    return "\(count)x\(featureCount):\(String(hash, radix: 16))"
  }
}

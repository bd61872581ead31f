/// How the weights start (biases start at zero).
public enum Initialization: String, Codable, CaseIterable, Sendable {
  /// He et al. 2015: `W ~ N(0, 2/n_in)`.
  case he
  /// Glorot and Bengio 2010 (normal): `W ~ N(0, 2/(n_in + n_out))`.
  case xavier
  /// Every weight zero, for teaching: the units of a layer stay identical (the symmetry is never
  /// broken), so the network cannot learn. The seed's draws are still taken, so that the batch
  /// order is the one the other initialisations see.
  case zeros

  /// The one-line warning a command prints when it is chosen, or nil.
  public var warning: String? {
    self == .zeros
      ? "warning: --init zeros starts every weight at zero; the units of each layer stay "
        + "identical and the network cannot learn (use he or xavier to train)."
      : nil
  }
}

/// How the weights start (biases start at zero).
public enum Initialization: String, Codable, CaseIterable, Sendable {
  /// He et al. 2015: `W ~ N(0, 2/n_in)`.
  case he
  /// Glorot and Bengio 2010 (normal): `W ~ N(0, 2/(n_in + n_out))`.
  case xavier
}

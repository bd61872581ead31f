import EWAIO
import EWA
import EWATrain

/// Fuzzes the checkpoint decoder behind `ewa train --resume` and `ewa plot boundary --model`: a
/// file either loads into a state that a step and a prediction can use, or is refused with a
/// one-line categorized error.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCheckpoint(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  let path = temporaryFile(UnsafeBufferPointer(start: data, count: size), name: "checkpoint.json")
  do {
    var checkpoint = try Checkpoint.load(from: path)
    let network = checkpoint.network
    guard checkpoint.parameters.count == network.parameterCount else { return 0 }
    var optimizer = checkpoint.optimizer.optimizer
    let gradient = [Double](repeating: 0.5, count: network.parameterCount)
    optimizer.update(&checkpoint.parameters, gradient: gradient, learningRate: 0.01)
    let inputs = network.sizes[0]
    let grid = Dataset(
      features: [Double](repeating: 0.25, count: inputs), labels: [0], featureCount: inputs,
      classNames: (0..<network.classCount).map(String.init))
    let workspace = NetworkWorkspace(network: network, capacity: 1)
    _ = workspace.predict(parameters: checkpoint.parameters, data: grid)
  } catch { checkError(error) }
  return 0
}

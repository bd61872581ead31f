import EWAIO
import EWAPlot
import EWATrain

extension ClassGrid {
  /// The classes a trained network predicts on a `resolution` × `resolution` grid covering the
  /// data's two features with a margin of a tenth of their range on every side.
  ///
  /// - Parameters:
  ///   - checkpoint: the trained network (`ewa train --save`).
  ///   - data: the points the grid covers, with two features.
  ///   - resolution: the samples along each axis, at least 2.
  /// - Returns: the predicted classes.
  /// - Throws: ``PlotError`` (usage) unless the data has two features and the network takes
  ///   two inputs and predicts as many classes as the data has.
  public static func predicting(
    _ checkpoint: Checkpoint, over data: Dataset, resolution: Int = 200
  ) throws(PlotError) -> ClassGrid {
    let network = checkpoint.network
    guard data.featureCount == 2 else {
      throw PlotError(
        kind: .usage,
        message:
          "a decision boundary is drawn over two features, and the dataset has \(data.featureCount)"
      )
    }
    guard network.sizes[0] == 2, network.classCount == data.classCount,
      checkpoint.parameters.count == network.parameterCount
    else {
      throw PlotError(
        kind: .usage,
        message:
          "the model takes \(network.sizes[0]) features and predicts \(network.classCount) "
          + "classes; the dataset has \(data.featureCount) features and \(data.classCount) classes")
    }
    func axis(_ feature: Int) -> [Double] {
      let values = stride(from: feature, to: data.features.count, by: 2).map { data.features[$0] }
      let (low, high) = (values.min() ?? -1, values.max() ?? 1)
      let margin = max((high - low) / 10, 0.1)
      return (0..<resolution).map { i in
        low - margin + (high - low + 2 * margin) * Double(i) / Double(resolution - 1)
      }
    }
    let (xs, ys) = (axis(0), axis(1))
    var features: [Double] = []
    features.reserveCapacity(2 * resolution * resolution)
    for y in ys {
      for x in xs { features += [x, y] }
    }
    let grid = Dataset(
      features: features, labels: Array(repeating: 0, count: resolution * resolution),
      featureCount: 2, classNames: data.classNames)
    let predicted = NetworkWorkspace(network: network, capacity: resolution)
      .predict(parameters: checkpoint.parameters, data: grid)
    return ClassGrid(
      xs: xs, ys: ys,
      classes: (0..<resolution).map { j in Array(predicted[j * resolution..<(j + 1) * resolution]) }
    )
  }
}

extension Figure {
  /// The decision-boundary figure of a trained two-feature network over `data`: the predicted
  /// regions on a `resolution` × `resolution` grid and the points coloured by their class
  /// (`class <name>`).
  ///
  /// - Throws: ``PlotError`` as ``ClassGrid/predicting(_:over:resolution:)`` does.
  public static func boundary(model: Checkpoint, data: Dataset, resolution: Int = 200)
    throws(PlotError) -> Figure
  {
    let grid = try ClassGrid.predicting(model, over: data, resolution: resolution)
    func feature(_ k: Int) -> [Double] {
      stride(from: k, to: data.features.count, by: 2).map { data.features[$0] }
    }
    return boundary(
      grid: grid, xs: feature(0), ys: feature(1), labels: data.labels,
      classNames: data.classNames.map { "class \($0)" })
  }
}

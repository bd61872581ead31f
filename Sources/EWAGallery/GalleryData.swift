import EWAIO
import EWAPlot

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where `ewa demo` finds the data it draws (`seattle-weather.csv` and `digits.csv`) when no
/// `--data-dir` names the folder, so that an installed `ewa` runs from any directory.
///
/// The folders are tried in this order, and the first holding both files as regular files wins:
///
/// ```
/// data                                the current directory is the repository root
/// <prefix>/share/ewa/data             `make install` put them there, beside <prefix>/bin/ewa
/// <source tree>/data                  the repository this binary was built from
/// ```
///
/// The share folder is how the installed binary finds them; the source tree (known at compile
/// time from `#filePath`) is how `.build/release/ewa` run from elsewhere does. When the
/// repository was moved or removed after an uninstalled build, the error names every folder
/// tried and the option that points at the data.
public enum GalleryData {
  /// The files the gallery reads, each of which a data folder must hold.
  public static let files = ["seattle-weather.csv", "digits.csv"]

  /// The `data` folder of the source tree this module was compiled from.
  public static let sourceTreeFolder: String = {
    // #filePath is <root>/Sources/EWAGallery/GalleryData.swift.
    let parts = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
    return parts.dropLast(3).joined(separator: "/") + "/data"
  }()

  /// The folders tried, in order, for an `ewa` whose executable is at `executable`.
  ///
  /// - Parameters:
  ///   - executable: the absolute path of the running executable, or `nil` when unknown (then
  ///     the share folder is not tried).
  ///   - sourceTree: the repository's `data` folder known at compile time.
  ///   - local: the folder tried first, `data` in the current directory.
  /// - Returns: `local`, then `<prefix>/share/ewa/data` for an executable at
  ///   `<prefix>/bin/ewa`, then `sourceTree`, without repeats.
  public static func candidates(
    executable: String?, sourceTree: String = sourceTreeFolder, local: String = "data"
  ) -> [String] {
    var folders = [local]
    if let executable, executable.hasPrefix("/") {
      let parts = executable.split(separator: "/", omittingEmptySubsequences: false)
      if parts.count >= 3 {
        folders.append(parts.dropLast(2).joined(separator: "/") + "/share/ewa/data")
      }
    }
    if !folders.contains(sourceTree) { folders.append(sourceTree) }
    return folders
  }

  /// The first of ``candidates(executable:sourceTree:local:)`` holding every one of ``files``.
  ///
  /// - Throws: ``PlotError`` (missing input, exit 66) naming each folder tried and
  ///   `--data-dir`, when none holds them.
  public static func locate(
    executable: String?, sourceTree: String = sourceTreeFolder, local: String = "data"
  ) throws(PlotError) -> String {
    let folders = candidates(executable: executable, sourceTree: sourceTree, local: local)
    if let found = folders.first(where: holdsData) { return found }
    let tried = folders.map { MessageText.inline($0) }.joined(separator: ", ")
    throw PlotError(
      kind: .input,
      message: "cannot find the demo's data (\(files.joined(separator: " and "))) in any of "
        + "\(tried); pass --data-dir with the folder holding them (data/ in the repository)")
  }

  /// Whether `folder` holds every one of ``files`` as a regular file (links followed).
  public static func holdsData(_ folder: String) -> Bool {
    files.allSatisfy { name in
      var info = stat()
      return stat(folder + "/" + name, &info) == 0 && info.st_mode & S_IFMT == S_IFREG
    }
  }
}

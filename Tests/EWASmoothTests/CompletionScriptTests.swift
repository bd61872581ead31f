import EWATestSupport
import Foundation
import Testing

/// The completion scripts `ewa --generate-completion-script` prints (and `make install`
/// installs): file arguments complete file names of their kind, and `--output-dir` folders.
@Suite struct CompletionScriptTests {
  func script(_ shell: String) throws -> String {
    let run = try ewa(["--generate-completion-script", shell])
    #expect(run.status == 0 && run.stderr.isEmpty, "\(run.stderr)")
    return run.stdout
  }

  /// Completes `words` (the last one being typed) with the bash script, in `folder`, as bash's
  /// programmable completion calls it; the candidates, one per line, sorted.
  func bashCompletions(_ words: [String], in folder: URL) throws -> [String] {
    let scriptFile = folder.appendingPathComponent(".ewa.bash")
    try script("bash").write(to: scriptFile, atomically: true, encoding: .utf8)
    let quoted = words.map { "'\($0)'" }.joined(separator: " ")
    let program = """
      source .ewa.bash
      COMP_WORDS=(\(quoted)); COMP_CWORD=\(words.count - 1)
      COMP_LINE="${COMP_WORDS[*]}"; COMP_POINT=${#COMP_LINE}
      _ewa ewa "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
      printf '%s\\n' "${COMPREPLY[@]}"
      """
    let run = try ProcessRun(
      ["-c", program], executable: URL(fileURLWithPath: "/bin/bash"), in: folder
    ).run()
    #expect(run.status == 0, "\(run.stderrText)")
    return run.stdoutText.split(separator: "\n").map(String.init).sorted()
  }

  func folderWithFiles() throws -> URL {
    let folder = try temporaryDirectory()
    for name in ["weather.csv", "wind.txt", "model.json"] {
      try Data().write(to: folder.appendingPathComponent(name))
    }
    try FileManager.default.createDirectory(
      at: folder.appendingPathComponent("work"), withIntermediateDirectories: false)
    return folder
  }

  @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/bin/bash")))
  func bashCompletesCSVFilesAndFoldersForSmoothsInput() throws {
    let folder = try folderWithFiles()
    defer { TemporaryFolder.remove(folder) }
    #expect(try bashCompletions(["ewa", "smooth", "w"], in: folder) == ["weather.csv", "work"])
  }

  @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/bin/bash")))
  func bashCompletesOnlyFoldersForOutputDir() throws {
    let folder = try folderWithFiles()
    defer { TemporaryFolder.remove(folder) }
    #expect(try bashCompletions(["ewa", "demo", "--output-dir", "w"], in: folder) == ["work"])
  }

  @Test func zshAndFishCompleteFileNamesAndFolders() throws {
    let zsh = try script("zsh")
    #expect(zsh.contains(":files:_files -g '\\''*.csv'\\''"))
    #expect(zsh.contains("--output-dir[The folder the gallery is written to.]:dir:_files -/"))
    let fish = try script("fish")
    #expect(
      fish.contains(
        "-l 'output-dir' -d 'The folder the gallery is written to.' "
          + "-rfa '(__ewa_complete_directories)'"))
    #expect(fish.contains("positional \"ewa smooth\" -ge 1' -fa '(for p in "))
    #expect(fish.contains("*.\\'csv\\';printf %s\\n $p;end;__fish_complete_directories"))
  }
}

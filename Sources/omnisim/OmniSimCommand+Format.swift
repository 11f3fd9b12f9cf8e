import OmniSimRunner
import ScenarioLanguage

extension OmniSimCommand {
    /// `omnisim fmt FILE…`: lays each file out canonically (``ScenarioFormatter``), in place; `-`
    /// formats standard input to standard output. With `checkOnly`, writes nothing and lists the
    /// files that would change. A file with errors is left alone and its diagnostics printed.
    /// Exit 2 when a file has errors or cannot be read or written, else 1 when `checkOnly` found a
    /// file to change, else 0.
    static func format(_ paths: [String], checkOnly: Bool) -> Int32 {
        guard let files = files(paths) else { return 2 }
        var failed = false, unformatted = false
        for path in files {
            let file: SourceFile
            do {
                file = try ScenarioFiles.read(path)
            } catch let error as ScenarioFileError {
                printError(DiagnosticRenderer.render(error))
                failed = true
                continue
            } catch {
                printError("Error: \(error)\n")
                failed = true
                continue
            }
            let formatted: String
            do throws(ScenarioFileError) {
                formatted = try ScenarioFormatter.format(file)
            } catch {
                printError(DiagnosticRenderer.render(error))
                failed = true
                continue
            }
            if checkOnly {
                if formatted != file.text {
                    printOut("\(Quoting.visible(file.path))\n")
                    unformatted = true
                }
            } else if path == ScenarioFiles.standardInput {
                printOut(formatted)
            } else if formatted != file.text {
                do throws(OutputError) {
                    let output = try OutputFile.open(path)
                    try output.write(formatted)
                    try output.commit()
                } catch {
                    printError("Error: \(error)\n")
                    failed = true
                }
            }
        }
        return failed ? 2 : unformatted ? 1 : 0
    }
}

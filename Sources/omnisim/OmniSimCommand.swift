import Foundation
import OmniSim
import ScenarioLanguage

/// The `omnisim` command: argv, file I/O, printing and exit codes; the work is in the libraries.
@main
enum OmniSimCommand {
    static let version = "0.1.0"

    static func main() async {
        let options: CommandLineOptions
        do {
            options = try CommandLineOptions.parse(Array(CommandLine.arguments.dropFirst()))
        } catch {
            printError("Error: \(error.message)\nUsage: omnisim run <scenario>... [--trace <file>]\n  See 'omnisim --help' for more information.\n")
            exit(2)
        }
        switch options.command {
        case .help: print(CommandLineOptions.usage, terminator: "")
        case .version: print("omnisim \(version)")
        case .check: exit(check(options.paths))
        case .expand: exit(expand(options.paths[0]))
        case .run: exit(await run(options))
        case .explain: exit(await explain(options.paths[0], person: options.person ?? ""))
        }
    }

    static func printError(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    static func files(_ paths: [String]) -> [String]? {
        do {
            return try ScenarioFiles.collect(paths)
        } catch {
            printError("Error: \(error)\n")
            return nil
        }
    }

    /// `omnisim check`: compiles each file without running it.
    static func check(_ paths: [String]) -> Int32 {
        guard let files = files(paths) else { return 2 }
        var status: Int32 = 0
        for path in files {
            do {
                _ = try ScenarioCompiler.compile(try ScenarioFiles.read(path))
                print("OK   \(path)")
            } catch let error as ScenarioFileError {
                print(DiagnosticRenderer.render(error), terminator: "")
                status = 2
            } catch {
                print("error: \((error as? ScenarioFiles.TooLarge)?.description ?? "cannot read '\(path)'")")
                status = 2
            }
        }
        return status
    }

    /// Reads and compiles one file, printing its diagnostics (or why it cannot be read) on failure.
    static func compile(_ path: String) -> CompiledScenario? {
        do {
            return try ScenarioCompiler.compile(try ScenarioFiles.read(path))
        } catch let error as ScenarioFileError {
            printError(DiagnosticRenderer.render(error))
        } catch let error as ScenarioFiles.TooLarge {
            printError("Error: \(error)\n")
        } catch {
            printError("Error: cannot read '\(path)'\n")
        }
        return nil
    }

    /// `omnisim expand`: prints the scenario with each `load` line replaced by what it generates.
    static func expand(_ path: String) -> Int32 {
        guard let compiled = compile(path) else { return 2 }
        var buffer: [UInt8] = []
        buffer.reserveCapacity(1 << 16)
        ScenarioExpander.expand(compiled) { line in
            buffer.append(contentsOf: line.utf8)
            if buffer.count >= 1 << 16 {
                FileHandle.standardOutput.write(Data(buffer))
                buffer.removeAll(keepingCapacity: true)
            }
        }
        FileHandle.standardOutput.write(Data(buffer))
        return 0
    }
}

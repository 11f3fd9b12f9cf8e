import Foundation
import OmniSim
import OmniSimRunner
import ScenarioLanguage

/// The `omnisim` command: argv, file I/O, printing and exit codes; the work is in the libraries.
@main
enum OmniSimCommand {
    static let version = "0.1.0"

    static func main() async {
        StandardStream.prepareProcess()
        TemporaryFiles.removeOnSignals()
        let options: CommandLineOptions
        do {
            try CommandLineOptions.checkEncoding()
            options = try CommandLineOptions.parse(Array(CommandLine.arguments.dropFirst()))
        } catch {
            printError("Error: \(error.message)\nUsage: \(CommandLineOptions.usageLine(for: error.command))\n  See 'omnisim --help' for more information.\n")
            exit(2)
        }
        var status: Int32
        switch options.command {
        case .help: printOut(CommandLineOptions.usage); status = 0
        case .version: printOut("omnisim \(version)\n"); status = 0
        case .check: status = check(options.paths)
        case .expand: status = expand(options.paths[0])
        case .run: status = await run(options)
        case .explain: status = await explain(options.paths[0], person: options.person ?? "")
        case .compare:
            if let sweep = options.sweep {
                status = await compare(options.paths[0], sweep: sweep, target: options.target, html: options.htmlPath)
            } else {
                status = await compare(options.paths[0], variants: options.variants, html: options.htmlPath)
            }
        case .fmt: status = format(options.paths, checkOnly: options.checkOnly)
        case .lsp: status = serveLanguage()
        }
        exit(finalStatus(status))
    }

    /// The status a pipe's reader gone leaves (128 + SIGPIPE, what a shell shows for a process that
    /// SIGPIPE ended): `omnisim run … | head` ends quietly with it.
    static let readerGoneStatus: Int32 = 141

    /// `status`, unless the report could not be written: then 2, with the reason on stderr; when
    /// standard output's reader went away (a closed pipe), 141 and no message.
    static func finalStatus(_ status: Int32) -> Int32 {
        if StandardStream.output.readerWentAway { return readerGoneStatus }
        guard let failure = StandardStream.output.failureMessage else { return status }
        printError("Error: \(failure)\n")
        return 2
    }

    static func printOut(_ text: String) { StandardStream.output.write(text) }

    static func printError(_ text: String) { StandardStream.error.write(text) }

    static func files(_ paths: [String]) -> [String]? {
        do {
            return try ScenarioFiles.collect(paths)
        } catch {
            printError("Error: \(error)\n")
            return nil
        }
    }

    /// `omnisim check`: compiles each file as `run` does, without running it, and names the events
    /// a run would certainly fail on (``ScenarioCheck``); exits with the worst file's code.
    static func check(_ paths: [String]) -> Int32 {
        guard let files = files(paths) else { return 2 }
        var status: Int32 = 0
        for path in files {
            let checked = ScenarioCheck.check(path)
            printOut(checked.text(path: path))
            status = max(status, checked.exitCode)
        }
        return status
    }

    /// Reads and compiles one file, printing its diagnostics (or why it cannot be read) on failure.
    static func compile(_ path: String) -> CompiledScenario? {
        switch ScenarioRun.compile(path) {
        case .success(let compiled): return compiled
        case .failure(let notCompiled):
            printError(RunReport.text(for: notCompiled.run))
            return nil
        }
    }

    /// `omnisim expand`: prints the scenario with each `load` line replaced by what it generates.
    static func expand(_ path: String) -> Int32 {
        guard let compiled = compile(path) else { return 2 }
        let statements = ScenarioExpander.statementCount(compiled, limit: Parser.statementCountMax)
        if statements > Parser.statementCountMax {
            printError("Error: the expansion of \(Quoting.quoted(compiled.file.path)) has more than \(Parser.statementCountMax) statements, the most a scenario file may have; it could not be run as a file (run the file with its 'load' line instead)\n")
            return 2
        }
        var buffer = ""
        buffer.reserveCapacity(1 << 16)
        ScenarioExpander.expand(compiled) { line in
            buffer += line
            if buffer.utf8.count >= 1 << 16 {
                printOut(buffer)
                buffer.removeAll(keepingCapacity: true)
            }
        }
        printOut(buffer)
        return 0
    }
}

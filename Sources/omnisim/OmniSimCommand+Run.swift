import Foundation
import OmniSim
import OmniSimRunner
import ScenarioLanguage
import Synchronization

extension OmniSimCommand {
    /// `omnisim run`: runs every file (up to `--workers` at once) and prints each one's report in
    /// input order, so the output is the same for any number of workers. Every output is checked
    /// and opened before anything runs.
    static func run(_ options: CommandLineOptions) async -> Int32 {
        guard var files = files(options.paths) else { return 2 }
        if let shard = options.shard {
            let all = files.count
            files = ScenarioFiles.shard(files, index: shard.index, count: shard.count)
            // Which shard ran, where a CI log shows it (standard error: the report stays the same bytes).
            printError("shard \(shard.index)/\(shard.count): \(files.count) of \(all) files\n")
            if files.isEmpty {
                printOut("shard \(shard.index)/\(shard.count) selects no files\n")
                return 0
            }
        }
        if options.metricsPath != nil, let refusal = metricsRefusal(files, options: options) {
            printError("Error: \(refusal)\n")
            return 2
        }
        let outputs: RunOutputs
        do {
            outputs = try RunOutputs(options: options, files: files)
        } catch {
            printError("Error: \(error)\n")
            return 2
        }
        // With an output on standard output, the report goes to standard error.
        let report = outputs.usesStandardOutput ? StandardStream.error : StandardStream.output
        let progress = Terminal.isTerminal(2) ? files.map { _ in RunProgress() } : []
        let runOptions = files.indices.map { index in
            var run = Simulation.Options()
            if options.htmlPath != nil { run.journal = .everyone }
            if !progress.isEmpty { run.progress = progress[index] }
            if options.metricsPath != nil { run.metricsInterval = options.interval ?? .minutes(1) }
            return run
        }
        let style: TextStyle = Terminal.usesColour(outputs.usesStandardOutput ? 2 : 1) ? .terminal : .plain
        let keepRuns = options.junitPath != nil || options.htmlPath != nil
        let started = Date()
        let monitor = progress.isEmpty ? nil : ProgressLine(files: files, progress: progress, started: started)
        monitor?.start()
        var kept: [ScenarioRun] = []
        var traceWritten: [Bool] = []
        let tally = await SuiteRunner.run(
            files: files, options: runOptions, tracePaths: outputs.tracePaths, metricsPaths: outputs.metricsPaths,
            overrides: options.overrides, charting: options.htmlPath != nil,
            workers: options.workers
        ) { run in
            monitor?.finished(run.path)
            report.write(RunReport.text(for: run, style: style))
            if case .ran = run.outcome { traceWritten.append(true) } else { traceWritten.append(false) }
            if keepRuns { kept.append(run) }
        }
        monitor?.stop()
        let seconds = Date().timeIntervalSince(started)
        let wall = String(format: " in %.2fs", seconds)
        if Terminal.isTerminal(outputs.usesStandardOutput ? 2 : 1) {
            report.write(tally.summary + wall + "\n")
        } else {
            // Redirected output stays byte-identical from run to run: the wall time goes to stderr.
            report.write(tally.summary + "\n")
            printError("ran \(files.count) scenario\(files.count == 1 ? "" : "s")\(wall)\n")
        }
        do {
            try outputs.finish(junit: { JUnitReport.xml(for: kept) }, html: { HTMLTimeline.page(for: kept) }, files: files, traceWritten: traceWritten)
        } catch {
            printError("Error: \(error)\n")
            return 2
        }
        return tally.exitCode
    }

    /// The `--metrics` bound of the whole command: each file compiled once more, ahead, for its
    /// estimate (a file that does not compile is reported by its run; standard input is read once).
    static func metricsRefusal(_ files: [String], options: CommandLineOptions) -> String? {
        guard files.count > 1 else { return nil }
        let interval = options.interval ?? .minutes(1)
        var estimates: [(path: String, estimate: MetricsEstimate)] = []
        for file in files where file != ScenarioFiles.standardInput {
            guard case .success(let compiled) = ScenarioRun.compile(file, overrides: options.overrides) else { continue }
            estimates.append((file, MetricsEstimate(plan: compiled.plan, interval: interval)))
        }
        return MetricsEstimate.refusal(forAll: estimates, interval: interval)
    }

    /// `omnisim compare FILE --set "…"… --variant "NAME: …"… [--html FILE]`: the file as written and
    /// once per variant, side by side.
    static func compare(_ path: String, variants: [CompareVariant], html htmlPath: String?) async -> Int32 {
        guard let html = CompareOutput(htmlPath, input: path), let compiled = compile(path) else { return 2 }
        do {
            let columns = try await Comparison.run(compiled, variants: variants)
            html.report.write(Comparison.table(columns))
            // A variant that fails its file's expectations fails the command, as `run` would.
            html.report.write(Comparison.failures(columns, path: path))
            guard html.finish({ CompareHTML.page(columns, path: path) }) else { return 2 }
            return Comparison.allPassed(columns) ? 0 : 1
        } catch let error as Overrides.Problem {
            printError("Error: \(error)\n")
        } catch {
            printError("Error: \(error)\n")
        }
        return 2
    }

    /// `omnisim compare FILE --sweep "TEMPLATE" [--target "CHECK"] [--html FILE]`: a row per value;
    /// with a target, the smallest value that meets it (exit 1 when none does).
    static func compare(_ path: String, sweep: CompareSweep, target: String?, html htmlPath: String?) async -> Int32 {
        guard let html = CompareOutput(htmlPath, input: path), let compiled = compile(path) else { return 2 }
        do {
            let outcome = try await SweepComparison.run(compiled, sweep: sweep, target: target)
            html.report.write(SweepComparison.table(outcome))
            html.report.write(SweepComparison.summary(outcome, path: path))
            guard html.finish({ CompareHTML.page(outcome, path: path) }) else { return 2 }
            return outcome.exitStatus
        } catch {
            printError("Error: \(error)\n")
        }
        return 2
    }

    /// `omnisim explain FILE --person NAME`: through the runner, like `run`.
    static func explain(_ path: String, person name: String) async -> Int32 {
        switch await ScenarioRun.explain(path: path, person: name) {
        case .explained(let text, let passed):
            printOut(text)
            return passed ? 0 : 1
        case .unknownPerson(let name, let suggestion):
            printError("Error: unknown person \(Quoting.quoted(name))" + (suggestion.map { "; did you mean '\($0)'?" } ?? "") + "\n")
            return 2
        case .notRun(let run):
            printError(RunReport.text(for: run))
            return run.exitCode
        }
    }
}

/// The files a run writes besides its report: where each trace and metrics file goes, and the
/// JUnit and HTML files, checked against the inputs and each other and opened before anything runs.
struct RunOutputs {
    /// The trace file of each scenario, or nil for none.
    let tracePaths: [String?]
    let traceFolder: TraceFolder?
    /// The metrics file of each scenario, or nil for none.
    let metricsPaths: [String?]
    let metricsFolder: TraceFolder?
    private let junit: OutputFile?
    private let html: OutputFile?
    let usesStandardOutput: Bool

    init(options: CommandLineOptions, files: [String]) throws {
        var outputs: [OutputPaths.Output] = []
        (tracePaths, traceFolder) = try Self.perScenario(
            "--trace", options.tracePath, options: options, files: files, fileExtension: "jsonl",
            indexName: TraceFolder.indexName, outputs: &outputs)
        (metricsPaths, metricsFolder) = try Self.perScenario(
            "--metrics", options.metricsPath, options: options, files: files, fileExtension: "csv",
            indexName: TraceFolder.metricsIndexName, outputs: &outputs)
        if let path = options.junitPath { outputs.append(OutputPaths.Output(option: "--junit", path: path)) }
        if let path = options.htmlPath { outputs.append(OutputPaths.Output(option: "--html", path: path)) }
        try OutputPaths.check(outputs, inputs: files)
        let standardOutput = OutputPaths.standardOutputIdentity()
        usesStandardOutput = outputs.contains { OutputPaths.isStandardOutput($0.path, standardOutput: standardOutput) }
        try traceFolder?.prepare()
        try metricsFolder?.prepare()
        junit = try options.junitPath.map(OutputFile.open)
        html = try options.htmlPath.map(OutputFile.open)
    }

    /// Where `option`'s output of each scenario goes: `path` itself for one scenario file, else a
    /// folder with one file per scenario and an index (also when `path` is a folder or ends in `/`).
    private static func perScenario(
        _ option: String, _ path: String?, options: CommandLineOptions, files: [String], fileExtension: String,
        indexName: String, outputs: inout [OutputPaths.Output]
    ) throws -> ([String?], TraceFolder?) {
        guard let path else { return (files.map { _ in nil }, nil) }
        let folderArgument = options.paths.contains { argument in
            var isFolder: ObjCBool = false
            return argument != ScenarioFiles.standardInput && FileManager.default.fileExists(atPath: argument, isDirectory: &isFolder)
                && isFolder.boolValue
        }
        var isFolder: ObjCBool = false
        let existingFolder = FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && isFolder.boolValue
        guard files.count > 1 || folderArgument || existingFolder || path.hasSuffix("/") else {
            outputs.append(OutputPaths.Output(option: option, path: path))
            return ([path], nil)
        }
        if path == OutputFile.standardOutput {
            throw OutputError("'\(option) -' writes one scenario's output to standard output; it needs a single scenario file, not \(files.count == 1 ? "a folder" : "\(files.count) files")")
        }
        // A folder of per-scenario files: refused, before anything is made, where its path leads to
        // something that is not a folder; written under the path it leads to (so a name on the way
        // that `..` steps back out of is never made).
        let resolved = ResolvedPath.resolve(path)
        var resolvedIsFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: resolved, isDirectory: &resolvedIsFolder), !resolvedIsFolder.boolValue {
            throw OutputError("'\(option) \(Quoting.visible(path))' is a file; with several scenarios '\(option)' names a folder of one file per scenario")
        }
        let folder = TraceFolder(
            folder: path.split(separator: "/").contains("..") ? resolved : path, files: files, fileExtension: fileExtension,
            indexName: indexName)
        outputs += folder.paths.map { OutputPaths.Output(option: option, path: $0) }
        outputs.append(OutputPaths.Output(option: option, path: "\(folder.folder)/\(indexName)"))
        return (folder.paths, folder)
    }

    /// Writes and keeps the JUnit and HTML files, and the folders' indexes.
    func finish(junit junitText: () -> String, html htmlText: () -> String, files: [String], traceWritten: [Bool]) throws {
        if let junit {
            try junit.write(junitText())
            try junit.commit()
        }
        if let html {
            try html.write(htmlText())
            try html.commit()
        }
        for folder in [traceFolder, metricsFolder].compactMap({ $0 }) {
            let index = try OutputFile.open("\(folder.folder)/\(folder.indexName)")
            try index.write(folder.index(files: files, written: traceWritten))
            try index.commit()
        }
    }
}

/// `compare`'s `--html` file: checked against the scenario file and opened before anything runs
/// (as `run`'s outputs are), written and kept once the comparison is done. With the page on
/// standard output, the table goes to standard error.
struct CompareOutput {
    private let file: OutputFile?
    let report: StandardStream

    /// Nil, with the reason printed, when the path is refused or cannot be opened.
    init?(_ path: String?, input: String) {
        guard let path else {
            file = nil
            report = StandardStream.output
            return
        }
        do {
            try OutputPaths.check([OutputPaths.Output(option: "--html", path: path)], inputs: [input])
            report = OutputPaths.isStandardOutput(path) ? StandardStream.error : StandardStream.output
            file = try OutputFile.open(path)
        } catch {
            OmniSimCommand.printError("Error: \(error)\n")
            return nil
        }
    }

    /// Writes and keeps the page; false, with the reason printed, when it cannot be written.
    func finish(_ page: () -> String) -> Bool {
        guard let file else { return true }
        do {
            try file.write(page())
            try file.commit()
            return true
        } catch {
            OmniSimCommand.printError("Error: \(error)\n")
            return false
        }
    }
}

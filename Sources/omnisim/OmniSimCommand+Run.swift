import Foundation
import OmniSim
import ScenarioLanguage
import Synchronization

extension OmniSimCommand {
    /// `omnisim run`: runs every file (up to `--workers` at once) and prints each one's report in
    /// input order, so the output is the same for any number of workers.
    static func run(_ options: CommandLineOptions) async -> Int32 {
        guard var files = files(options.paths) else { return 2 }
        if let shard = options.shard { files = ScenarioFiles.shard(files, index: shard.index, count: shard.count) }
        if files.isEmpty {
            printError("Error: no scenario files found\n")
            return 2
        }
        let progress = Terminal.isTerminal(2) ? files.map { _ in RunProgress() } : []
        let runOptions = files.indices.map { index in
            var run = Simulation.Options(trace: traceDestination(options.tracePath, for: files[index], among: files.count))
            if options.htmlPath != nil { run.journal = .everyone }
            if !progress.isEmpty { run.progress = progress[index] }
            return run
        }
        let colour = Terminal.usesColour(1)
        let keepRuns = options.junitPath != nil || options.htmlPath != nil
        let started = Date()
        let monitor = progress.isEmpty ? nil : ProgressLine(files: files, progress: progress, started: started)
        monitor?.start()
        var kept: [ScenarioRun] = []
        let tally = await SuiteRunner.run(files: files, options: runOptions, workers: options.workers) { run in
            monitor?.finished(run.path)
            print(Terminal.colour(RunReport.text(for: run), enabled: colour), terminator: "")
            if keepRuns { kept.append(run) }
        }
        monitor?.stop()
        let seconds = Date().timeIntervalSince(started)
        let wall = String(format: " in %.2fs", seconds)
        if Terminal.isTerminal(1) {
            print(Terminal.colour(tally.summary, enabled: colour) + wall)
        } else {
            // Redirected output stays byte-identical from run to run: the wall time goes to stderr.
            print(tally.summary)
            printError("ran \(files.count) scenario\(files.count == 1 ? "" : "s")\(wall)\n")
        }
        if let path = options.junitPath, !write(JUnitReport.xml(for: kept), to: path) { return 2 }
        if let path = options.htmlPath, !write(HTMLTimeline.page(for: kept), to: path) { return 2 }
        return tally.exitCode
    }

    private static func write(_ text: String, to path: String) -> Bool {
        guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8)) else {
            printError("Error: cannot write '\(path)'\n")
            return false
        }
        return true
    }

    /// With several scenarios `--trace` names a folder: `dir/a.scenario` → `dir_a.jsonl` in it.
    private static func traceDestination(_ tracePath: String?, for file: String, among count: Int) -> TraceDestination {
        guard let tracePath else { return .none }
        guard count > 1 else { return .file(tracePath) }
        try? FileManager.default.createDirectory(atPath: tracePath, withIntermediateDirectories: true)
        var name = file.hasSuffix(".scenario") ? String(file.dropLast(9)) : file
        while name.hasPrefix("./") || name.hasPrefix("/") { name.removeFirst(name.hasPrefix("/") ? 1 : 2) }
        return .file(tracePath + "/" + name.replacingOccurrences(of: "/", with: "_") + ".jsonl")
    }

    /// `omnisim explain FILE --person NAME`.
    static func explain(_ path: String, person name: String) async -> Int32 {
        guard let compiled = compile(path) else { return 2 }
        let names = compiled.plan.cast.personNames
        guard let index = names.firstIndex(of: name.hasPrefix("@") ? String(name.dropFirst()) : name) else {
            let suggestion = EditDistance.suggestion(for: name, among: names)
            printError("Error: unknown person '\(name)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? "") + "\n")
            return 2
        }
        var options = Simulation.Options()
        options.journal = .person(PersonID(index))
        do {
            let result = try await Simulation.run(compiled.plan, options: options)
            print(ExplainReport.text(person: names[index], compiled: compiled, result: result), terminator: "")
            return result.passed ? 0 : 1
        } catch {
            printError("Error: \(error)\n")
            return 1
        }
    }
}

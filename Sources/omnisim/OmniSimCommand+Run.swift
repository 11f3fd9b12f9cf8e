import Foundation
import OmniSim
import ScenarioLanguage

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
        let traces: [TraceDestination]
        if let tracePath = options.tracePath, files.count > 1 {
            try? FileManager.default.createDirectory(atPath: tracePath, withIntermediateDirectories: true)
            traces = files.map { .file(tracePath + "/" + traceName(for: $0)) }
        } else {
            traces = files.map { _ in options.tracePath.map(TraceDestination.file) ?? .none }
        }
        let started = Date()
        let tally = await SuiteRunner.run(files: files, traces: traces, workers: options.workers) { run in
            print(RunReport.text(for: run), terminator: "")
        }
        print(tally.summary)
        let seconds = Date().timeIntervalSince(started)
        printError(String(format: "ran %d scenario%@ in %.2fs\n", files.count, files.count == 1 ? "" : "s", seconds))
        return tally.exitCode
    }

    /// `dir/a.scenario` → `dir_a.jsonl`.
    private static func traceName(for path: String) -> String {
        var name = path.hasSuffix(".scenario") ? String(path.dropLast(9)) : path
        while name.hasPrefix("./") || name.hasPrefix("/") { name.removeFirst(name.hasPrefix("/") ? 1 : 2) }
        return name.replacingOccurrences(of: "/", with: "_") + ".jsonl"
    }
}

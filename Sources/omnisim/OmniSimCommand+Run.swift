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
        var runs: [ScenarioRun?] = Array(repeating: nil, count: files.count)
        var printed = 0
        var status: Int32 = 0
        var tally = [0, 0, 0]
        await withTaskGroup(of: (Int, ScenarioRun).self) { group in
            var next = 0
            func launch() {
                let index = next
                let (path, trace) = (files[index], traces[index])
                group.addTask { (index, await ScenarioRun.run(path: path, trace: trace)) }
                next += 1
            }
            while next < min(options.workers, files.count) { launch() }
            while let (index, run) = await group.next() {
                runs[index] = run
                while printed < files.count, let ready = runs[printed] {
                    print(RunReport.text(for: ready), terminator: "")
                    status = max(status, ready.exitCode)
                    tally[Int(ready.exitCode)] += 1
                    runs[printed] = nil
                    printed += 1
                }
                if next < files.count { launch() }
            }
        }
        let seconds = Date().timeIntervalSince(started)
        print(summary(tally))
        printError(String(format: "ran %d scenario%@ in %.2fs\n", files.count, files.count == 1 ? "" : "s", seconds))
        return status
    }

    /// `29 scenarios: 27 passed, 1 failed, 1 with file errors`.
    private static func summary(_ tally: [Int]) -> String {
        let count = tally.reduce(0, +)
        var parts = ["\(tally[0]) passed"]
        if tally[1] > 0 { parts.append("\(tally[1]) failed") }
        if tally[2] > 0 { parts.append("\(tally[2]) with file errors") }
        return "\(count) \(count == 1 ? "scenario" : "scenarios"): " + parts.joined(separator: ", ")
    }

    /// `dir/a.scenario` → `dir_a.jsonl`.
    private static func traceName(for path: String) -> String {
        var name = path.hasSuffix(".scenario") ? String(path.dropLast(9)) : path
        while name.hasPrefix("./") || name.hasPrefix("/") { name.removeFirst(name.hasPrefix("/") ? 1 : 2) }
        return name.replacingOccurrences(of: "/", with: "_") + ".jsonl"
    }
}

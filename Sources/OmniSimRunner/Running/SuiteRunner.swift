import ScenarioLanguage
public import OmniSim

/// Runs many scenario files, up to `workers` at once, and hands each run's report to `emit` in
/// input order — so the output is the same for any number of workers.
public enum SuiteRunner {
    /// What a suite run came to: the tally of exit codes (0 passed, 1 failed, 2 file errors).
    public struct Tally: Sendable, Equatable {
        public var passed = 0
        public var failed = 0
        public var fileErrors = 0
        /// Runs whose trace could not be written.
        public var outputErrors = 0
        public var exitCode: Int32 { fileErrors + outputErrors > 0 ? 2 : failed > 0 ? 1 : 0 }

        /// `29 scenarios: 27 passed, 1 failed, 1 with file errors`.
        public var summary: String {
            let count = passed + failed + fileErrors + outputErrors
            var parts = ["\(passed) passed"]
            if failed > 0 { parts.append("\(failed) failed") }
            if fileErrors > 0 { parts.append("\(fileErrors) with file errors") }
            if outputErrors > 0 { parts.append("\(outputErrors) with output errors") }
            return "\(count) \(count == 1 ? "scenario" : "scenarios"): " + parts.joined(separator: ", ")
        }
    }

    /// Runs `files[i]` with `options[i]`, writing its trace to `tracePaths[i]` and its metrics to
    /// `metricsPaths[i]` when there are.
    public static func run(
        files: [String], options: [Simulation.Options], tracePaths: [String?]? = nil, metricsPaths: [String?]? = nil,
        overrides: [String] = [], charting: Bool = false, workers: Int, emit: (ScenarioRun) -> Void
    ) async -> Tally {
        precondition(options.count == files.count, "one set of options per file")
        let tracePaths = tracePaths ?? files.map { _ in nil }
        let metricsPaths = metricsPaths ?? files.map { _ in nil }
        precondition(tracePaths.count == files.count && metricsPaths.count == files.count, "one output path (or nil) per file")
        var tally = Tally()
        var finished: [ScenarioRun?] = Array(repeating: nil, count: files.count)
        var emitted = 0
        await withTaskGroup(of: (Int, ScenarioRun).self) { group in
            var next = 0
            func launch() {
                let (index, path, options) = (next, files[next], options[next])
                let (tracePath, metricsPath) = (tracePaths[next], metricsPaths[next])
                group.addTask {
                    (index, await ScenarioRun.run(
                        path: path, options: options, tracePath: tracePath, metricsPath: metricsPath, overrides: overrides,
                        charting: charting))
                }
                next += 1
            }
            while next < min(max(workers, 1), files.count) { launch() }
            while let (index, run) = await group.next() {
                finished[index] = run
                while emitted < files.count, let ready = finished[emitted] {
                    emit(ready)
                    switch (ready.exitCode, ready.outcome) {
                    case (0, _): tally.passed += 1
                    case (1, _): tally.failed += 1
                    case (_, .outputFailed): tally.outputErrors += 1
                    default: tally.fileErrors += 1
                    }
                    finished[emitted] = nil
                    emitted += 1
                }
                if next < files.count { launch() }
            }
        }
        return tally
    }
}

public import ScenarioLanguage
public import OmniSim

/// One scenario file's run: a file error, an I/O error, or a result.
public struct ScenarioRun: Sendable {
    public enum Outcome: Sendable {
        /// The file could not be read (why, in one line).
        case unreadable(String)
        case fileError(ScenarioFileError)
        case failedToRun(CompiledScenario, String)
        /// An output (the trace) could not be written: the run stopped or its file was not kept.
        case outputFailed(String)
        case ran(CompiledScenario, RunResult)
    }
    public var path: String
    public var outcome: Outcome
    /// The run's metrics at a round interval, when charts were asked for (`--html`).
    public var chart: ChartSeries?
    /// The `--set` statements the file ran with: they change the outcome, so the command that
    /// reproduces a failure carries them.
    public var overrides: [String] = []

    public init(path: String, outcome: Outcome) {
        self.path = path
        self.outcome = outcome
    }

    /// 0 passed, 1 an expectation failed, 2 a file or output error.
    public var exitCode: Int32 {
        switch outcome {
        case .unreadable, .fileError, .outputFailed: 2
        case .failedToRun: 1
        case .ran(_, let result): result.passed ? 0 : 1
        }
    }

    /// Reads, compiles and runs the scenario at `path`, with `observers` watching it.
    public static func run(path: String, observers: sending [any RunObserver] = []) async -> ScenarioRun {
        switch compile(path) {
        case .failure(let notRun): return notRun.run
        case .success(let compiled): return await run(compiled, path: path, options: Simulation.Options(), observers: observers)
        }
    }

    /// Reads, compiles and runs the scenario at `path` with `options`; with `tracePath`, streams the
    /// trace to that file (see ``OutputFile``), and with `metricsPath` the metrics CSV (at
    /// `options.metricsInterval`, 1m if unset); each is kept only if the whole run was written.
    public static func run(
        path: String, options: Simulation.Options, tracePath: String? = nil, metricsPath: String? = nil,
        overrides: [String] = [], charting: Bool = false, observers: sending [any RunObserver] = []
    ) async -> ScenarioRun {
        var run: ScenarioRun
        switch compile(path, overrides: overrides) {
        case .failure(let notRun): run = notRun.run
        case .success(let compiled):
            run = await Self.run(
                compiled, path: path, options: options, tracePath: tracePath, metricsPath: metricsPath, charting: charting,
                observers: observers)
        }
        run.overrides = overrides
        return run
    }

    /// Why a file did not compile, as the run that reports it.
    public struct NotCompiled: Error {
        public var run: ScenarioRun
    }

    /// Reads and compiles the scenario at `path`, with the `--set` statements applied.
    public static func compile(_ path: String, overrides: [String] = []) -> Result<CompiledScenario, NotCompiled> {
        let file: SourceFile
        do {
            file = try ScenarioFiles.read(path)
        } catch let error as ScenarioFileError {
            return .failure(NotCompiled(run: ScenarioRun(path: path, outcome: .fileError(error))))
        } catch {
            return .failure(NotCompiled(run: ScenarioRun(path: path, outcome: .unreadable("\(error)"))))
        }
        var compiled: CompiledScenario
        do {
            compiled = try ScenarioCompiler.compile(file)
        } catch {
            return .failure(NotCompiled(run: ScenarioRun(path: path, outcome: .fileError(error))))
        }
        do throws(Overrides.Problem) {
            // Issue 23: a `--set "load …"` replaces the file's load line of the same name.
            let (base, rest) = try Overrides.replacingLoads(overrides, in: compiled)
            compiled = base
            compiled.plan = try Overrides.apply(rest, to: compiled.plan)
        } catch {
            return .failure(NotCompiled(run: ScenarioRun(path: path, outcome: .unreadable(error.description))))
        }
        return .success(compiled)
    }

    /// Runs a compiled scenario (see ``run(path:options:tracePath:metricsPath:overrides:)``).
    public static func run(
        _ compiled: CompiledScenario, path: String, options: Simulation.Options, tracePath: String? = nil,
        metricsPath: String? = nil, charting: Bool = false, observers given: sending [any RunObserver] = []
    ) async -> ScenarioRun {
        var options = options
        var outputs: [OutputFile] = []
        var observers = given
        var series: Handoff<ChartSeries>?
        if metricsPath != nil {
            let interval = options.metricsInterval ?? .minutes(1)
            let estimate = MetricsEstimate(plan: compiled.plan, interval: interval)
            if !estimate.isWithinLimit { return ScenarioRun(path: path, outcome: .outputFailed(estimate.refusal(interval: interval))) }
        }
        do {
            if let tracePath {
                let opened = try OutputFile.open(tracePath)
                observers.append(TraceWriter(output: opened))
                outputs.append(opened)
            }
            if let metricsPath {
                let opened = try OutputFile.open(metricsPath)
                observers.append(MetricsWriter(output: opened, chats: compiled.plan.usesChatWork))
                if options.metricsInterval == nil { options.metricsInterval = .minutes(1) }
                outputs.append(opened)
            }
            if charting {
                // The chart's buckets are a round multiple of the metrics interval (or are it).
                let interval = ChartSeries.interval(for: compiled.plan, metricsInterval: options.metricsInterval ?? .seconds(1))
                if options.metricsInterval == nil { options.metricsInterval = SimDuration(milliseconds: interval) }
                let handoff = Handoff<ChartSeries>()
                series = handoff
                observers.append(ChartCollector(interval: interval, handingTo: handoff))
            }
        } catch {
            for output in outputs { output.discard() }
            return ScenarioRun(path: path, outcome: .outputFailed(error.description))
        }
        let result: RunResult
        do {
            result = try await Simulation.run(compiled.plan, options: options, observers: observers)
        } catch SimulationError.observerFailed(let reason) {
            for output in outputs { output.discard() }
            return ScenarioRun(path: path, outcome: .outputFailed(reason))
        } catch let error as SimulationError {
            for output in outputs { output.discard() }
            guard case .metricsRowsExceeded = error else {
                return ScenarioRun(path: path, outcome: .failedToRun(compiled, "\(error)"))
            }
            return ScenarioRun(path: path, outcome: .outputFailed(error.description))
        } catch {
            for output in outputs { output.discard() }
            return ScenarioRun(path: path, outcome: .failedToRun(compiled, "\(error)"))
        }
        do {
            for output in outputs { try output.commit() }
        } catch {
            return ScenarioRun(path: path, outcome: .outputFailed(error.description))
        }
        var run = ScenarioRun(path: path, outcome: .ran(compiled, result))
        run.chart = series?.take()
        return run
    }
}

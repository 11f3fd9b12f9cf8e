public import OmniSim

/// One scenario file's run: a file error, an I/O error, or a result.
public struct ScenarioRun: Sendable {
    public enum Outcome: Sendable {
        case unreadable(String)
        case fileError(ScenarioFileError)
        case failedToRun(CompiledScenario, String)
        case ran(CompiledScenario, RunResult)
    }
    public var path: String
    public var outcome: Outcome

    public init(path: String, outcome: Outcome) {
        self.path = path
        self.outcome = outcome
    }

    /// 0 passed, 1 an expectation failed, 2 a file error.
    public var exitCode: Int32 {
        switch outcome {
        case .unreadable, .fileError: 2
        case .failedToRun: 1
        case .ran(_, let result): result.passed ? 0 : 1
        }
    }

    /// Reads, compiles and runs the scenario at `path`.
    public static func run(path: String, trace: TraceDestination = .none) async -> ScenarioRun {
        await run(path: path, options: Simulation.Options(trace: trace))
    }

    /// Reads, compiles and runs the scenario at `path` with `options`.
    public static func run(path: String, options: Simulation.Options) async -> ScenarioRun {
        let file: SourceFile
        do {
            file = try ScenarioFiles.read(path)
        } catch let error as ScenarioFiles.TooLarge {
            return ScenarioRun(path: path, outcome: .unreadable(error.description))
        } catch {
            return ScenarioRun(path: path, outcome: .unreadable("cannot read '\(path)'"))
        }
        let compiled: CompiledScenario
        do {
            compiled = try ScenarioCompiler.compile(file)
        } catch {
            return ScenarioRun(path: path, outcome: .fileError(error))
        }
        do {
            let result = try await Simulation.run(compiled.plan, options: options)
            return ScenarioRun(path: path, outcome: .ran(compiled, result))
        } catch {
            return ScenarioRun(path: path, outcome: .failedToRun(compiled, "\(error)"))
        }
    }
}

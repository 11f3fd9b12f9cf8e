public import ScenarioLanguage

/// `omnisim check FILE`: the same compile as `run` (reading, parsing, name resolution, lowering,
/// `--set` none), and then what a run would certainly fail on without running it
/// (``ScenarioCompiler/certainRejections(in:)``).
public struct ScenarioCheck: Sendable {
    /// The file's errors exactly as `run` reports them (nil when it compiles).
    public var notCompiled: ScenarioRun?
    /// Events `run` would certainly report as unexpected errors (the file compiled).
    public var certainRejections: ScenarioFileError?

    /// 0 OK, 1 a run would certainly fail, 2 a file error (as `run`'s exit codes).
    public var exitCode: Int32 {
        if let notCompiled { return notCompiled.exitCode }
        return certainRejections == nil ? 0 : 1
    }

    /// Checks the scenario at `path`.
    public static func check(_ path: String) -> ScenarioCheck {
        switch ScenarioRun.compile(path) {
        case .failure(let notCompiled):
            return ScenarioCheck(notCompiled: notCompiled.run)
        case .success(let compiled):
            let found = ScenarioCompiler.certainRejections(in: compiled)
            return ScenarioCheck(certainRejections: found.isEmpty ? nil : ScenarioFileError(file: compiled.file, diagnostics: found))
        }
    }

    /// What `omnisim check` prints for this file: `OK   FILE`, or its diagnostics.
    public func text(path: String, style: TextStyle = .plain) -> String {
        if let notCompiled { return RunReport.text(for: notCompiled, style: style) }
        if let certainRejections { return DiagnosticRenderer.render(certainRejections, style: style) }
        return "OK   \(RunReport.displayPath(path))\n"
    }
}

public import OmniSim

/// A scenario file ready to run: the engine's plan plus the side table that leads each check and
/// event back to its line.
public struct CompiledScenario: Sendable {
    public var file: SourceFile
    public var plan: ScenarioPlan
    /// The source range of each check, by ``PlannedCheck/id``.
    public var checkRanges: [SourceRange]
    /// The source range of each event, by ``PlannedEvent/sourceIndex``.
    public var eventRanges: [SourceRange]
}

/// Parses and lowers scenario files.
public enum ScenarioCompiler {
    /// Compiles `file`, or throws every diagnostic it has (nothing of a file with errors runs).
    public static func compile(_ file: SourceFile) throws(ScenarioFileError) -> CompiledScenario {
        let (ast, parseDiagnostics) = Parser.parse(file)
        if !parseDiagnostics.isEmpty { throw ScenarioFileError(file: file, diagnostics: parseDiagnostics) }
        var lowering = Lowering(ast: ast)
        let (plan, checkRanges, eventRanges) = lowering.lower()
        if !lowering.diagnostics.isEmpty {
            throw ScenarioFileError(file: file, diagnostics: lowering.diagnostics.sorted { $0.range.start < $1.range.start })
        }
        return CompiledScenario(file: file, plan: plan, checkRanges: checkRanges, eventRanges: eventRanges)
    }
}

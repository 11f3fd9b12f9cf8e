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
        // Each statement is lowered as soon as it is parsed (no syntax tree of the whole file).
        var lowering = Lowering(file: file)
        let (parseDiagnostics, omitted) = Parser.parse(file, into: &lowering)
        if !parseDiagnostics.isEmpty { throw ScenarioFileError(file: file, diagnostics: parseDiagnostics, omittedCount: omitted) }
        let (plan, checkRanges, eventRanges) = lowering.lower()
        if !lowering.diagnostics.isEmpty {
            let sorted = CauseOrder.sorted(lowering.diagnostics, failedDeclarations: lowering.failedDeclarations)
            let shown = DiagnosticRenderer.diagnosticsShownMax
            let kept = suggest(Array(sorted.prefix(shown)), people: plan.cast.personNames, threads: plan.cast.threadNames)
            throw ScenarioFileError(file: file, diagnostics: kept, omittedCount: max(0, sorted.count - shown))
        }
        return CompiledScenario(file: file, plan: plan, checkRanges: checkRanges, eventRanges: eventRanges)
    }

    /// Fills in the "did you mean" of the diagnostics that will be shown: one search per distinct
    /// name, each over a bounded number of candidates.
    private static func suggest(_ diagnostics: [Diagnostic], people: [String], threads: [String]) -> [Diagnostic] {
        guard diagnostics.contains(where: { $0.pendingSuggestion != nil }) else { return diagnostics }
        let peopleIndex = SuggestionIndex(people), threadIndex = SuggestionIndex(threads)
        var found: [PendingSuggestion: String?] = [:]
        return diagnostics.map { diagnostic in
            guard let pending = diagnostic.pendingSuggestion else { return diagnostic }
            let suggestion = found[pending] ?? {
                let suggestion = pending.kind == .person
                    ? peopleIndex.suggestion(for: pending.name) : threadIndex.suggestion(for: pending.name)
                found[pending] = suggestion
                return suggestion
            }()
            var filled = diagnostic
            filled.message = pending.kind == .person
                ? .unknownPerson(pending.name, suggestion: suggestion) : .unknownThread(pending.name, suggestion: suggestion)
            filled.pendingSuggestion = nil
            return filled
        }
    }
}

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
        if parseDiagnostics.count >= DiagnosticRenderer.diagnosticsShownMax || parseDiagnostics.contains(where: Self.stopsLowering)
            || Self.mayBeALoad(failedLines: parseDiagnostics, in: file) {
            throw ScenarioFileError(file: file, diagnostics: parseDiagnostics, omittedCount: omitted)
        }
        let (plan, checkRanges, eventRanges) = lowering.lower()
        // With lines that did not parse, the errors of the lines that did are shown too (a file is
        // fixed in one round), except those about a name a failed line holds: that line may be
        // the name's declaration, so the error may be only its echo.
        let failedWords = Self.words(ofLines: parseDiagnostics.map(\.range.start.line), in: file)
        let lowered = failedWords.isEmpty ? lowering.diagnostics : lowering.diagnostics.filter { !Self.names(of: $0, among: failedWords) }
        if !parseDiagnostics.isEmpty || !lowered.isEmpty {
            let sorted = CauseOrder.sorted(parseDiagnostics + lowered, failedDeclarations: lowering.failedDeclarations)
            let shown = DiagnosticRenderer.diagnosticsShownMax
            let kept = suggest(Array(sorted.prefix(shown)), people: plan.cast.personNames, threads: plan.cast.threadNames)
            throw ScenarioFileError(file: file, diagnostics: kept, omittedCount: max(0, sorted.count - shown) + omitted)
        }
        return CompiledScenario(file: file, plan: plan, checkRanges: checkRanges, eventRanges: eventRanges)
    }

    /// Whether a parse error refuses the file as a whole (too many lines or statements): nothing
    /// past it was read, so nothing is lowered.
    private static func stopsLowering(_ diagnostic: Diagnostic) -> Bool {
        diagnostic.message == .tooMany("lines", limit: Parser.statementCountMax)
            || diagnostic.message == .tooMany("statements", limit: Parser.statementCountMax)
    }

    /// Whether a line that did not parse may be a `load` (its first word is `load` or near it, or it
    /// has `seed`): a load makes names that its line does not hold (`u1`, `k1`, `c1`), so the
    /// other lines' errors may all be its echo, and only the syntax errors are shown.
    private static func mayBeALoad(failedLines diagnostics: [Diagnostic], in file: SourceFile) -> Bool {
        diagnostics.contains { diagnostic in
            let line = diagnostic.range.start.line
            guard line >= 1 && line <= file.lines.count else { return false }
            // Outside double quotes: a text that mentions a seed is no load.
            let unquoted = file.line(line).split(separator: "\"", omittingEmptySubsequences: false).enumerated()
                .filter { $0.offset % 2 == 0 }.map(\.element).joined(separator: " ")
            let words = nameWords(unquoted)
            guard let first = words.first else { return false }
            return first == "load" || EditDistance.suggestion(for: String(first), among: ["load"]) != nil || words.contains("seed")
        }
    }

    /// The runs of name characters (letters, digits, `_`, `.`, `-`) of `text`: `@bobby;` → `bobby`.
    private static func nameWords(_ text: some StringProtocol) -> [Substring] {
        Substring(text).split { !($0.isLetter || $0.isNumber || $0 == "_" || $0 == "." || $0 == "-") }
    }

    /// The words of the lines that did not parse (their texts' words too: a conservative list).
    private static func words(ofLines lines: [Int], in file: SourceFile) -> Set<Substring> {
        var words: Set<Substring> = []
        for line in Set(lines) where line >= 1 && line <= file.lines.count {
            words.formUnion(nameWords(file.line(line)))
        }
        return words
    }

    /// Whether `diagnostic` quotes a word of a line that did not parse (that line may have declared
    /// the name), or speaks of `customers` when a failed line holds that word (a person named
    /// `customers` keeps `set customers …` as their own, v2).
    private static func names(of diagnostic: Diagnostic, among failedWords: Set<Substring>) -> Bool {
        let text = diagnostic.message.text
        let quoted = text.split(separator: "'", omittingEmptySubsequences: false).enumerated()
            .filter { $0.offset % 2 == 1 }.map(\.element)
        if quoted.contains(where: { failedWords.contains($0) }) { return true }
        return failedWords.contains("customers") && nameWords(text).contains("customers")
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

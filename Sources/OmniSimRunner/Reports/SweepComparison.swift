import OmniSim
public import ScenarioLanguage

/// `omnisim compare FILE --sweep "TEMPLATE" [--target "CHECK"]`: one variant per value of the
/// sweep (``CompareSweep``), a row each with `compare`'s figures and, with a target, whether it
/// held; then the smallest value that meets the target.
///
/// The target is a check statement (`expect at most 3 emails to each user`, `expect chat wait p95
/// at most 30s`) added to the file as its last line for every value: the file's own expectations
/// still count (listed under the table as `compare` lists them), the target's failures do not.
///
/// Exit status (``exitStatus``): with a target, 0 when some value meets it, 1 when none does;
/// without one, as `compare`: 1 when some value fails the file's own expectations.
public enum SweepComparison {
    /// One value's run.
    public struct Row: Sendable {
        public var value: CompareSweep.Value
        /// Its figures; ``Comparison/Column/failures`` leaves the target out.
        public var column: Comparison.Column
        /// Whether the target held; nil without a target.
        public var metTarget: Bool?
        /// What the target saw when it failed (`saw 4 emails to bob`), for the table's note.
        public var targetObserved: String?
    }

    /// The sweep's rows and the smallest value that met the target.
    public struct Outcome: Sendable {
        public var rows: [Row]
        public var target: String?
        /// Nil without a target, or when no value met it.
        public var smallest: CompareSweep.Value?

        /// 0 or 1, as the type's documentation says.
        public var exitStatus: Int32 {
            if target != nil { return smallest == nil ? 1 : 0 }
            return rows.allSatisfy(\.column.passed) ? 0 : 1
        }
    }

    /// `compiled` with `target` as its last line, and the target's check id.
    public static func adding(target: String, to compiled: CompiledScenario) throws(CompareVariant.Problem) -> (CompiledScenario, check: Int) {
        let shown = Quoting.visible(target)
        let (ast, diagnostics) = Parser.parse(SourceFile(path: "--target", text: target))
        if let first = diagnostics.first { throw CompareVariant.Problem(description: "'--target \(shown)': \(Quoting.visible(first.message.text))") }
        guard ast.statements.count == 1, case .expectation = ast.statements[0].kind else {
            throw CompareVariant.Problem(description: "'--target' takes one check statement, as in 'expect at most 3 emails to each user', not '\(shown)'")
        }
        let text = compiled.file.text
        let separator = text.isEmpty || text.hasSuffix("\n") ? "" : "\n"
        let line = (text + separator).utf8.count { $0 == 0x0A } + 1
        let file = SourceFile(path: compiled.file.path, text: text + separator + target + "\n")
        let combined: CompiledScenario
        do {
            combined = try ScenarioCompiler.compile(file)
        } catch {
            throw CompareVariant.Problem(description: "'--target \(shown)': \(error.diagnostics.first.map { Quoting.visible($0.message.text) } ?? "not a check of this file")")
        }
        guard let check = combined.checkRanges.lastIndex(where: { $0.start.line >= line }) else {
            throw CompareVariant.Problem(description: "'--target \(shown)' is not a check")
        }
        return (combined, check)
    }

    /// Runs every value of `sweep` on `compiled`, each made before any runs.
    public static func run(_ compiled: CompiledScenario, sweep: CompareSweep, target: String?) async throws -> Outcome {
        var scenario = compiled
        var targetCheck: Int?
        if let target { (scenario, targetCheck) = try adding(target: target, to: compiled) }
        var variants: [CompareVariant] = []
        for value in sweep.values {
            variants.append(CompareVariant(title: value.text, statements: try sweep.statements(for: value), origin: .sweep(value: value.text)))
        }
        let columns = try await Comparison.run(scenario, variants: variants, asWritten: false)
        var rows: [Row] = []
        for (value, column) in zip(sweep.values, columns) {
            var column = column
            var row = Row(value: value, column: column, metTarget: nil)
            if let targetCheck {
                let outcome = column.result.checks[targetCheck]
                row.metTarget = outcome.passed
                if !outcome.passed {
                    row.targetObserved = scenario.plan.checks[targetCheck].observedText(outcome.observed, cast: scenario.plan.cast)
                }
                column.failures.removeAll { $0.check == targetCheck }
                row.column = column
            }
            rows.append(row)
        }
        let smallest = rows.filter { $0.metTarget == true }.map(\.value).min()
        return Outcome(rows: rows, target: target, smallest: smallest)
    }

    /// A row per value: the value, whether the target held, then `compare`'s figures.
    public static func table(_ outcome: Outcome) -> String {
        let measures = Comparison.Measure.all(chats: outcome.rows.contains { $0.column.result.staffing != nil })
        let hasTarget = outcome.target != nil
        var rows = [["value"] + (hasTarget ? ["target"] : []) + measures.map(\.header)]
        for row in outcome.rows {
            let met = row.metTarget.map { $0 ? "met" : "not met" }
            rows.append([row.value.text] + (met.map { [$0] } ?? []) + measures.map { $0.cell(row.column) })
        }
        return Comparison.aligned(rows)
    }

    /// Under the table: the smallest value meeting the target (or that none did, with what the
    /// largest saw), then each value that failed the file's own expectations, as `compare` lists them.
    public static func summary(_ outcome: Outcome, path: String) -> String {
        var text = ""
        if let target = outcome.target {
            if let smallest = outcome.smallest {
                text += "smallest value meeting '\(Quoting.visible(target))': \(smallest.text)\n"
            } else {
                text += "no value meets '\(Quoting.visible(target))'"
                if let last = outcome.rows.max(by: { $0.value < $1.value }), let saw = last.targetObserved {
                    text += " (at \(last.value.text): saw \(Quoting.visible(saw)))"
                }
                text += "\n"
            }
        }
        return text + Comparison.failures(outcome.rows.map(\.column), path: path)
    }
}

public import OmniSim

/// One way a run did not go as its file said, located and in words. Computed once from a run's
/// result; the terminal report, JUnit and the HTML page each render the same list.
public struct ScenarioFailure: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// An expectation that did not hold.
        case expectation
        /// An event that raised an error no `expect error` matched.
        case unexpectedError
        /// An invariant the oracle found broken (no line of the file).
        case invariant
    }
    public var kind: Kind
    /// The line behind it (nil for an invariant).
    public var range: SourceRange?
    /// `expected email to bob at 1m; saw no email to bob at all`.
    public var message: String
    /// What to do about it, for the terminal (`if intended, add: …`).
    public var hint: String? = nil
    /// For an expectation: its ``PlannedCheck/id``.
    public var check: Int? = nil

    /// Every failure of a run, in report order: expectations in file order, then unexpected errors
    /// in run order, then the oracle's violations.
    public static func all(in compiled: CompiledScenario, result: RunResult) -> [ScenarioFailure] {
        let cast = compiled.plan.cast
        var failures: [ScenarioFailure] = []
        for check in result.failedChecks {
            let planned = compiled.plan.checks[check.id]
            failures.append(ScenarioFailure(
                kind: .expectation, range: compiled.checkRanges[check.id],
                message: "expected \(planned.expectedText(cast: cast)); saw \(planned.observedText(check.observed, cast: cast))",
                check: check.id))
        }
        for rejection in result.unexpectedRejections {
            failures.append(ScenarioFailure(
                kind: .unexpectedError, range: compiled.eventRanges[rejection.sourceIndex],
                message: "unexpected error at \(rejection.time): \(rejection.message)",
                hint: "(if intended, add: at \(rejection.time) expect error \"…\")"))
        }
        for violation in result.violations {
            failures.append(ScenarioFailure(kind: .invariant, range: nil, message: violation.text(cast: compiled.plan.cast)))
        }
        return failures
    }

    /// `path:line: message` (`path: message` for an invariant), as JUnit and the HTML page show it.
    public func located(in path: String) -> String {
        range.map { "\(path):\($0.start.line): \(message)" } ?? "\(path): \(message)"
    }

    /// As a diagnostic for the terminal renderer (nil for an invariant, which has no line).
    public var diagnostic: Diagnostic? {
        range.map { Diagnostic(DiagnosticMessage(message + (hint.map { " " + $0 } ?? "")), at: $0) }
    }
}

import ScenarioLanguage
import OmniSim

/// JUnit XML for CI: a `testsuite` per scenario file, a `testcase` per expectation (plus one for
/// the invariant oracle and one per unexpected error), failures carrying `file:line` and the
/// message. No timings, so the same run gives the same bytes.
public enum JUnitReport {
    public static func xml(for runs: [ScenarioRun]) -> String {
        var suites: [String] = []
        var totalTests = 0, totalFailures = 0
        for run in runs {
            let cases = testCases(run)
            let failures = cases.filter { $0.failure != nil }.count
            totalTests += cases.count
            totalFailures += failures
            var suite = "  <testsuite name=\"\(escape(run.path))\" tests=\"\(cases.count)\" failures=\"\(failures)\">\n"
            for testCase in cases {
                let open = "    <testcase classname=\"\(escape(run.path))\" name=\"\(escape(testCase.name))\""
                if let failure = testCase.failure {
                    suite += open + ">\n      <failure message=\"\(escape(failure.message))\">\(escape(failure.detail))</failure>\n    </testcase>\n"
                } else {
                    suite += open + "/>\n"
                }
            }
            suites.append(suite + "  </testsuite>\n")
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<testsuites name=\"omnisim\" tests=\"\(totalTests)\" failures=\"\(totalFailures)\">\n"
            + suites.joined() + "</testsuites>\n"
    }

    private struct TestCase {
        var name: String
        var failure: (message: String, detail: String)?
    }

    private static func testCases(_ run: ScenarioRun) -> [TestCase] {
        switch run.outcome {
        case .unreadable(let message):
            return [TestCase(name: "read", failure: (message, message))]
        case .fileError(let error):
            let first = error.diagnostics.first.map { "\(run.path):\($0.range.start.line): \($0.message)" } ?? "file error"
            return [TestCase(name: "compile", failure: (first, DiagnosticRenderer.render(error)))]
        case .failedToRun(_, let message):
            return [TestCase(name: "run", failure: (message, message))]
        case .outputFailed(let message):
            return [TestCase(name: "write", failure: (message, message))]
        case .ran(let compiled, let result):
            let failures = ScenarioFailure.all(in: compiled, result: result)
            var cases: [TestCase] = []
            for check in result.checks {
                let range = compiled.checkRanges[check.id]
                let line = String(compiled.file.line(range.start.line)).trimmingCharacters()
                var testCase = TestCase(name: "line \(range.start.line): \(line)")
                if let failure = failures.first(where: { $0.check == check.id }) {
                    let message = failure.located(in: run.path)
                    testCase.failure = (message, message)
                }
                cases.append(testCase)
            }
            for failure in failures where failure.kind == .unexpectedError {
                let message = failure.located(in: run.path)
                cases.append(TestCase(name: "line \(failure.range?.start.line ?? 0): unexpected error", failure: (message, message)))
            }
            var oracle = TestCase(name: "invariant oracle")
            if result.violationCount > 0 {
                let lines = failures.filter { $0.kind == .invariant }.map { $0.located(in: run.path) }
                oracle.failure = ("\(result.violationCount) invariant violations", lines.joined(separator: "\n"))
            }
            cases.append(oracle)
            return cases
        }
    }

    /// Text for XML attributes and content.
    static func escape(_ text: String) -> String { MarkupText.escape(text) }
}

extension String {
    /// Without leading and trailing spaces and tabs.
    func trimmingCharacters() -> String {
        var view = Substring(self)
        while view.first == " " || view.first == "\t" { view.removeFirst() }
        while view.last == " " || view.last == "\t" { view.removeLast() }
        return String(view)
    }
}

public import ScenarioLanguage
public import OmniSim

/// The text a run prints for one scenario: PASS or FAIL with counts, the per-channel figures, and
/// each failure as a located diagnostic with the command that reproduces it. The same run always
/// gives the same text.
public enum RunReport {
    public static func text(for run: ScenarioRun, style: TextStyle = .plain) -> String {
        let path = displayPath(run.path)
        switch run.outcome {
        case .unreadable(let message):
            return "\(style.failure("error:")) \(message)\n"
        case .outputFailed(let message):
            return "\(style.failure("error:")) \(path): \(message)\n"
        case .fileError(let error):
            return DiagnosticRenderer.render(error, style: style)
        case .failedToRun(_, let message):
            return "\(style.failure("FAIL")) \(path): \(message)\n" + reproduce(run.path, overrides: run.overrides)
        case .ran(let compiled, let result):
            return ranText(run, compiled, result, style)
        }
    }

    /// The command that reproduces a failure, ready to paste into a shell: the file and every
    /// option that changed the outcome (each `--set`), each a quoted shell word.
    public static func reproduce(_ path: String, overrides: [String] = []) -> String {
        "  reproduce: \(command(path, overrides: overrides))\n"
    }

    /// `omnisim run FILE [--set 'STATEMENT']…`, as one line for a shell.
    public static func command(_ path: String, overrides: [String] = []) -> String {
        let sets = overrides.map { " --set \(Quoting.shellWord($0))" }.joined()
        if path == ScenarioFiles.standardInput { return "omnisim run -\(sets) < (the same scenario on standard input)" }
        return "omnisim run \(Quoting.shellWord(path))\(sets)"
    }

    /// A scenario's path as reports show it: escaped, and standard input by name.
    static func displayPath(_ path: String) -> String {
        path == ScenarioFiles.standardInput ? ScenarioFiles.standardInputName : Quoting.visible(path)
    }

    private static func ranText(_ run: ScenarioRun, _ compiled: CompiledScenario, _ result: RunResult, _ style: TextStyle) -> String {
        let path = displayPath(run.path)
        let failed = result.failedChecks.count + result.unexpectedRejections.count + (result.violationCount > 0 ? 1 : 0)
        let checks = result.checks.count
        // The oracle is one more test, as in JUnit (a testcase each: check, unexpected error, oracle).
        var text = result.passed
            ? "\(style.success("PASS")) \(path): \(checks) \(checks == 1 ? "check" : "checks") and the oracle passed"
            : "\(style.failure("FAIL")) \(path): \(failed) of \(checks + result.unexpectedRejections.count + 1) failed"
        text += "; \(result.messages) \(result.messages == 1 ? "message" : "messages"), \(result.deliveries) \(result.deliveries == 1 ? "delivery" : "deliveries"), ends at \(result.endTime)\n"
        for statistics in result.channels
        where statistics.deliveries > 0 || statistics.pending > 0 || statistics.failedAttempts > 0 || statistics.bounced > 0 {
            text += "  " + channelLine(statistics, cast: compiled.plan.cast) + "\n"
        }
        if let staffing = result.staffing, staffing.chats > 0 { text += staffingLines(staffing, cast: compiled.plan.cast) }
        let failures = ScenarioFailure.all(in: compiled, result: result)
        text += DiagnosticRenderer.render(ScenarioFileError(file: compiled.file, diagnostics: failures.compactMap(\.diagnostic)), style: style)
        for failure in failures where failure.kind == .invariant {
            text += "\(path): \(style.failure("error:")) \(Quoting.visible(failure.message))\n"
        }
        if result.violationCount > result.violations.count {
            text += "\(path): \(style.failure("error:")) … and \(result.violationCount - result.violations.count) more invariant violations\n"
        }
        if !result.passed { text += reproduce(run.path, overrides: run.overrides) }
        return text
    }

    /// `email      12 deliveries, busiest second 9h1m (3), backlog max 0, delay max 2s (p50 0s, p95 1s,
    /// p99 2s), most to bob (5), 1 pending`.
    public static func channelLine(_ s: ChannelStatistics, cast: Cast) -> String {
        var line = s.channel.name.padding(10) + " \(s.deliveries) \(s.deliveries == 1 ? "delivery" : "deliveries")"
        if let second = s.busiestSecond { line += ", busiest second \(second) (\(s.busiestSecondCount))" }
        line += ", backlog max \(s.backlogMax), delay max \(s.delayMax)"
        if s.delayPercentiles.count == 3 {
            let p = s.delayPercentiles
            line += " (p50 \(p[0]), p95 \(p[1]), p99 \(p[2]))"
        }
        if let most = s.mostDeliveries { line += ", most to \(Quoting.visible(cast.name(of: most.person))) (\(most.count))" }
        if s.failedAttempts > 0 { line += ", \(s.failedAttempts) failed attempts" }
        if s.bounced > 0 { line += ", \(s.bounced) bounced" }
        if s.pending > 0 { line += ", \(s.pending) pending" }
        return line
    }
}

extension RunReport {
    /// Issue 23, only for a run that had a chat: `chats      12 started, 11 taken, 1 abandoned, 0
    /// waiting at the end; wait p50 4s, p95 38s, p99 41s, max 41s; queue max 3; first reply p50 9s`,
    /// then a line per agent who was ever logged in or took a chat:
    /// `  agent ana  6 chats, utilisation 72%`.
    public static func staffingLines(_ s: StaffingSummary, cast: Cast) -> String {
        var line = "chats".padding(10) + " \(s.chats) started, \(s.taken) taken, \(s.abandoned) abandoned, \(s.waiting) waiting at the end"
        if let p50 = s.waitP50, let p95 = s.waitP95, let p99 = s.waitP99, let max = s.waitMax {
            line += "; wait p50 \(p50), p95 \(p95), p99 \(p99), max \(max)"
        }
        line += "; queue max \(s.waitingMax)"
        if let p50 = s.firstReplyP50 { line += "; first reply p50 \(p50)" + (s.firstReplyP95.map { ", p95 \($0)" } ?? "") }
        var text = "  " + line + "\n"
        let users = cast.personKinds.indices.filter { cast.personKinds[$0] == .user }
        for (agent, figures) in s.agents.enumerated() where agent < users.count && (figures.takes > 0 || figures.utilisation != nil) {
            let name = Quoting.visible(cast.personNames[users[agent]])
            let share = figures.utilisation.map { "utilisation \(Self.percent($0))" } ?? "never logged in"
            text += "    agent \(name): \(figures.takes) \(figures.takes == 1 ? "chat" : "chats"), \(share)\n"
        }
        return text
    }

    /// `72%`, `7.5%` below 10%: rounded the same way on every machine.
    static func percent(_ share: Double) -> String {
        let tenths = Int((share * 1000).rounded())
        return tenths < 100 && tenths % 10 != 0 ? "\(tenths / 10).\(tenths % 10)%" : "\((tenths + 5) / 10)%"
    }
}

extension String {
    func padding(_ width: Int) -> String { count >= width ? self : self + String(repeating: " ", count: width - count) }
}

public import OmniSim

/// `--set "STATEMENT"` (contract v2, "Running"): a top-level `set` or `channel` statement that takes
/// precedence over the file's own top-level setting of the same thing; timed events in the file
/// still apply at their time. Applied to a compiled plan, after the file's own lines.
public enum Overrides {
    /// A `--set` that is not one top-level `set` or `channel` statement, or names no user.
    public struct Problem: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// Where the statements come from, for their errors: `--set`, a `compare --variant`, or a
    /// value of a `compare --sweep`.
    public enum Origin: Sendable, Equatable {
        case set
        case variant(name: String)
        case sweep(value: String)

        /// `'--set set everyone email-aftr 2m'`, `'set everyone email-aftr 2m' in '--variant zulip'`,
        /// `'set everyone email-after 1m' (the '--sweep' at 1m)`.
        public func place(_ text: String) -> String {
            switch self {
            case .set: "'--set \(Quoting.visible(text))'"
            case .variant(let name): "'\(Quoting.visible(text))' in '--variant \(Quoting.visible(name))'"
            case .sweep(let value): "'\(Quoting.visible(text))' (the '--sweep' at \(Quoting.visible(value)))"
            }
        }
    }

    /// What a statement given beside a file may be.
    static let takes = "one top-level 'set', 'channel', 'chat routing', 'customers wait' or 'load' statement"

    /// Issue 23: the `load` lines among `statements` each replace the file's `load` line of the same
    /// name (an unnamed one: the file's one unnamed load line), and the file is compiled again (so a
    /// sweep may vary `agents {1..6}` of a chat load); returns it and the other statements, for
    /// ``apply(_:to:)``. Line numbers do not change. Without a `load` line: `compiled` as it is.
    public static func replacingLoads(
        _ statements: [String], in compiled: CompiledScenario, from origin: Origin = .set
    ) throws(Problem) -> (CompiledScenario, rest: [String]) {
        var rest: [String] = []
        var lines = compiled.file.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var replaced = false
        for text in statements {
            let (ast, diagnostics) = Parser.parse(SourceFile(path: "--set", text: text))
            guard diagnostics.isEmpty, ast.statements.count == 1, case .load(let node) = ast.statements[0].kind else {
                rest.append(text)
                continue
            }
            let (fileAST, _) = Parser.parse(compiled.file)
            let target = fileAST.statements.first { statement in
                if case .load(let own) = statement.kind { return own.name?.text == node.name?.text }
                return false
            }
            guard let target else {
                let which = node.name.map { "no 'load \($0.text) …' line" } ?? "no unnamed 'load' line"
                throw Problem(description: "\(origin.place(text)): the file has \(which) to replace")
            }
            lines[target.range.start.line - 1] = text
            replaced = true
        }
        guard replaced else { return (compiled, rest) }
        do {
            return (try ScenarioCompiler.compile(SourceFile(path: compiled.file.path, text: lines.joined(separator: "\n"))), rest)
        } catch {
            let message = error.diagnostics.first.map { Quoting.visible($0.message.text) } ?? "the file no longer compiles"
            throw Problem(description: "with \(statements.map(origin.place).joined(separator: ", ")): \(message)")
        }
    }

    /// `plan` with each statement of `overrides` applied, in order.
    public static func apply(_ overrides: [String], to plan: ScenarioPlan, from origin: Origin = .set) throws(Problem) -> ScenarioPlan {
        var plan = plan
        for text in overrides {
            let (ast, diagnostics) = Parser.parse(SourceFile(path: "--set", text: text))
            if let first = diagnostics.first {
                // A message quotes the statement's words as typed: control characters as escapes.
                throw Problem(description: "\(origin.place(text)): \(Quoting.visible(first.message.text))")
            }
            guard ast.statements.count == 1 else {
                throw Problem(description: "\(origin.place(text)): not \(takes)")
            }
            switch ast.statements[0].kind {
            case .setting(nil, let change):
                plan.everyone.apply(change)
            case .setting(let name?, let change):
                guard let index = plan.cast.personNames.firstIndex(of: name.text) else {
                    throw Problem(description: "\(origin.place(text)): unknown person '\(Quoting.visible(name.text))'")
                }
                // v3: a customer has their own email, email-after and email-batch.
                guard plan.cast.personKinds[index] == .user || change.appliesToCustomers else {
                    throw Problem(description: "\(origin.place(text)): \(DiagnosticMessage.settingNotForCustomers(change.settingWord, who: name.text).text)")
                }
                plan.personSetup[index].settings.apply(change)
            case .customersSetting(let change):
                guard change.appliesToCustomers else {
                    throw Problem(description: "\(origin.place(text)): \(DiagnosticMessage.settingNotForCustomers(change.settingWord, who: "customers").text)")
                }
                plan.customers.apply(change)
            case .chatRouting(let routing):
                plan.chatRouting = routing
            case .customerPatience(let patience):
                plan.customerPatience = patience
            case .channel(let kind, let change):
                plan.channels[kind.rawValue].apply(change)
            default:
                throw Problem(description: "\(origin.place(text)): not \(takes)")
            }
        }
        // A setting can switch on fan-out the file's own estimate did not count (`customer-messages
        // all`, a longer `email-after`): the run is estimated again, as a file's would be.
        if !overrides.isEmpty {
            let fanOut = FanOut(plan: plan)
            let loads = plan.loads.reduce(LoadCost(bytes: 0, events: 0)) { $0 + LoadCost($1, fanOut: fanOut) }
            let cost = MessagesCost.estimate(plan, fanOut: fanOut, adding: loads).cost
            guard cost.isWithinLimits else {
                let settings = overrides.map(origin.place).joined(separator: ", ")
                throw Problem(description: DiagnosticMessage.tooCostly(cost, "with \(settings) the run would", loads: false))
            }
        }
        return plan
    }
}

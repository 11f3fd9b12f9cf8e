public import OmniSim

/// `--set "STATEMENT"` (contract v2, "Running"): a top-level `set` or `channel` statement that takes
/// precedence over the file's own top-level setting of the same thing; timed events in the file
/// still apply at their time. Applied to a compiled plan, after the file's own lines.
public enum Overrides {
    /// A `--set` that is not one top-level `set` or `channel` statement, or names no user.
    public struct Problem: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// `plan` with each statement of `overrides` applied, in order.
    public static func apply(_ overrides: [String], to plan: ScenarioPlan) throws(Problem) -> ScenarioPlan {
        var plan = plan
        for text in overrides {
            let (ast, diagnostics) = Parser.parse(SourceFile(path: "--set", text: text))
            if let first = diagnostics.first {
                throw Problem(description: "'--set \(Quoting.visible(text))': \(first.message)")
            }
            guard ast.statements.count == 1 else {
                throw Problem(description: "'--set' takes one top-level 'set' or 'channel' statement, not '\(Quoting.visible(text))'")
            }
            switch ast.statements[0].kind {
            case .setting(nil, let change):
                plan.everyone.apply(change)
            case .setting(let name?, let change):
                guard let index = plan.cast.personNames.firstIndex(of: name.text) else {
                    throw Problem(description: "'--set \(Quoting.visible(text))': unknown person '\(name.text)'")
                }
                // v3: a customer has their own email, email-after and email-batch.
                guard plan.cast.personKinds[index] == .user || Lowering.isCustomerSetting(change) else {
                    throw Problem(description: "'--set \(Quoting.visible(text))': \(DiagnosticMessage.settingNotForCustomers(StatementText.settingWord(change), who: name.text).text)")
                }
                plan.personSetup[index].settings.apply(change)
            case .customersSetting(let change):
                guard Lowering.isCustomerSetting(change) else {
                    throw Problem(description: "'--set \(Quoting.visible(text))': \(DiagnosticMessage.settingNotForCustomers(StatementText.settingWord(change), who: "customers").text)")
                }
                plan.customers.apply(change)
            case .chatRouting(let routing):
                plan.chatRouting = routing
            case .customerPatience(let patience):
                plan.customerPatience = patience
            case .channel(let kind, let change):
                plan.channels[kind.rawValue].apply(change)
            default:
                throw Problem(description: "'--set' takes a top-level 'set' or 'channel' statement, not '\(Quoting.visible(text))'")
            }
        }
        // A setting can switch on fan-out the file's own estimate did not count (`customer-messages
        // all`, a longer `email-after`): the run is estimated again, as a file's would be.
        if !overrides.isEmpty {
            let fanOut = FanOut(plan: plan)
            let loads = plan.loads.reduce(LoadCost(bytes: 0, events: 0)) { $0 + LoadCost($1, fanOut: fanOut) }
            let cost = MessagesCost.estimate(plan, fanOut: fanOut, adding: loads).cost
            guard cost.isWithinLimits else {
                let settings = overrides.map { "--set '\(Quoting.visible($0))'" }.joined(separator: " ")
                throw Problem(description: DiagnosticMessage.tooCostly(cost, "with \(settings) the run would", loads: false))
            }
        }
        return plan
    }
}

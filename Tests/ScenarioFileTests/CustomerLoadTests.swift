import Foundation
import OmniSim
import ScenarioLanguage
import SimTestSupport
import Testing

/// Contract v3, "Customers' own settings", at scale: loads under `set customers`, the reference
/// loop's second opinion, and random scenarios reaching every decision of the widget fallback.
@Suite("Customers' own settings under loads and random scenarios (contract v3)")
struct CustomerLoadTests {
    /// Compiles and runs `text`, journal of everyone.
    func run(_ text: String) async throws -> RunResult {
        let compiled = try ScenarioCompiler.compile(SourceFile(path: "cust.scenario", text: text))
        var options = Simulation.Options()
        options.journal = .everyone
        return try await Simulation.run(compiled.plan, options: options)
    }

    @Test("a load under 'set customers email-after 1m': customers in a load never view, so each chat is emailed too; the oracle agrees")
    func loadWithCustomersFallback() async throws {
        let load = "load seed 7 users 40 customers 20 conversations 40 messages 600 over 1h\n"
        let plain = try await run(load)
        let fallback = try await run("set customers email-after 1m\n" + load)
        #expect(plain.passed && fallback.passed)
        let (emails, chats) = (ChannelKind.email.rawValue, ChannelKind.chat.rawValue)
        #expect(fallback.channels[chats].deliveries == plain.channels[chats].deliveries)
        #expect(plain.channels[chats].deliveries > 0)
        #expect(fallback.channels[emails].deliveries
            == plain.channels[emails].deliveries + plain.channels[chats].deliveries)
    }

    @Test("the reference loop agrees with the engine on a load under 'set customers email-after', channel by channel, and with email off")
    func referenceLoopAgrees() async throws {
        for extra in ["set customers email-after 45s\n", "set customers email-after 45s\nset customers email off\n"] {
            let plan = try ScenarioCompiler.compile(SourceFile(
                path: "load.scenario", text: extra + "load seed 11 users 50 customers 25 conversations 40 messages 2000 over 1h\n")).plan
            let result = try await Simulation.run(plan)
            var reference = ReferenceLoop(plan: plan)
            let total = reference.run(plan)
            #expect(result.channels.map(\.deliveries) == reference.deliveries, "\(extra)")
            #expect(total == result.deliveries)
            #expect(result.violationCount == 0)
        }
    }

    @Test("random scenarios reach every widget-fallback decision (seen, email, email off, batched) with the oracle clean")
    func randomScenariosReachEveryDecision() async throws {
        let count = ProcessInfo.processInfo.environment["RANDOM_SCENARIO_SEEDS"].flatMap(Int.init) ?? 100
        var decisions: [String: Int] = [:]
        var customerViews = 0
        for seed in 0..<UInt64(count) {
            let compiled = try ScenarioCompiler.compile(SourceFile(path: "random.scenario", text: RandomScenario.text(seed: seed)))
            var options = Simulation.Options()
            options.journal = .everyone
            let result = try await Simulation.run(compiled.plan, options: options)
            #expect(result.violationCount == 0, "seed \(seed)")
            for entry in result.journal?.entries ?? [] where compiled.plan.cast.isCustomer(entry.person) {
                switch entry.happening {
                case .fallback(_, let decision): decisions["\(decision)".prefix { $0 != "(" }.description, default: 0] += 1
                case .viewedInWidget: customerViews += 1
                default: break
                }
            }
        }
        for decision in ["seen", "sendEmail", "emailOff", "batched"] { #expect(decisions[decision, default: 0] > 0, "\(decisions)") }
        #expect(customerViews > 0)
        print("customers' widget fallbacks over \(count) random seeds: \(decisions.sorted { $0.key < $1.key }), views in the widget: \(customerViews)")
    }
}

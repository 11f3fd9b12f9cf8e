import OmniSim
import ScenarioLanguage

/// A standard workload: a `load` line, over eight virtual hours unless said, four users to each customer.
struct Workload: Sendable {
    var name: String
    var people: Int
    var conversations: Int
    var messages: Int
    var seed: UInt64 = 42
    var over = "8h"

    static let all = [
        Workload(name: "small", people: 1_000, conversations: 500, messages: 100_000),
        Workload(name: "large", people: 10_000, conversations: 5_000, messages: 1_000_000),
        Workload(name: "huge", people: 1_000_000, conversations: 100_000, messages: 10_000_000),
        // A month of a 10,000-person company (issue: engine speed): 38M deliveries.
        Workload(name: "month", people: 10_000, conversations: 20_000, messages: 6_000_000, seed: 1, over: "720h"),
    ]

    /// Rounds of omnisim and the reference loop when `--rounds` is not given: three, except for the
    /// huge and month workloads (minutes a round).
    var defaultRounds: Int { messages >= 5_000_000 ? 1 : 3 }

    var users: Int { people * 4 / 5 }
    var customers: Int { people - users }

    var scenarioText: String {
        "load seed \(seed) users \(users) customers \(customers) conversations \(conversations) messages \(messages) over \(over)\n"
    }

    /// The workload as a plan, through the same language front end users have.
    func plan() throws -> ScenarioPlan {
        try ScenarioCompiler.compile(SourceFile(path: "\(name).scenario", text: scenarioText)).plan
    }
}

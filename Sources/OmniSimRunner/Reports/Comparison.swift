import Foundation
public import OmniSim
public import ScenarioLanguage

/// `omnisim compare FILE --set "…"…` (contract v2): the file as written and once per `--set`, side
/// by side: deliveries per channel, emails per user (mean, p95, max), delay p95 and max per channel,
/// the largest backlog per channel, and failed expectations. What a policy change would save.
public enum Comparison {
    /// One column: a variant's figures.
    public struct Column: Sendable {
        public var title: String
        public var result: RunResult
        /// Emails per user, in declaration order (users only).
        public var emailsPerUser: [Int]
        public var users: Int
        /// The variant's `--set`, nil for the file as written.
        public var override: String?
        /// What did not go as the file said in this variant (expectations, errors, invariants).
        public var failures: [ScenarioFailure]
    }

    /// Runs `compiled` as written and with each override, one after another. Every variant is made
    /// (and a `--set` refused, with its reason: an unknown setting, a fan-out past the limits)
    /// before any runs.
    public static func run(_ compiled: CompiledScenario, overrides: [String]) async throws -> [Column] {
        var variants: [(title: String, setting: String?, plan: ScenarioPlan)] = [("as written", nil, compiled.plan)]
        for setting in overrides {
            variants.append(("--set \(setting)", setting, try Overrides.apply([setting], to: compiled.plan)))
        }
        var columns: [Column] = []
        for (title, setting, plan) in variants {
            let emails = Handoff<[Int]>()
            let result = try await Simulation.run(plan, observers: [DeliveryTally(cast: plan.cast, handingTo: emails)])
            var variant = compiled
            variant.plan = plan
            columns.append(Column(
                title: title, result: result, emailsPerUser: emails.take() ?? [], users: plan.cast.personKinds.filter { $0 == .user }.count,
                override: setting, failures: ScenarioFailure.all(in: variant, result: result)))
        }
        return columns
    }

    /// The table, one row per figure and one column per variant, aligned with spaces.
    public static func table(_ columns: [Column]) -> String {
        var rows: [[String]] = [["", ] + columns.map(\.title)]
        for channel in ChannelKind.allCases {
            rows.append(["\(channel.name) deliveries"] + columns.map { "\($0.result.channels[channel.rawValue].deliveries)" })
        }
        rows.append(["emails per user, mean"] + columns.map { column in
            let total = column.emailsPerUser.reduce(0, +)
            return column.users == 0 ? "-" : String(format: "%.2f", Double(total) / Double(column.users))
        })
        rows.append(["emails per user, p95"] + columns.map { "\(nearestRank(95, of: $0.emailsPerUser))" })
        rows.append(["emails per user, max"] + columns.map { "\($0.emailsPerUser.max() ?? 0)" })
        for channel in ChannelKind.allCases {
            // The report's p50/p95/p99, counted by the engine on every run.
            rows.append(["\(channel.name) delay p95"] + columns.map { column in
                let percentiles = column.result.channels[channel.rawValue].delayPercentiles
                return percentiles.count == 3 ? "\(percentiles[1])" : "-"
            })
            rows.append(["\(channel.name) delay max"] + columns.map { "\($0.result.channels[channel.rawValue].delayMax)" })
        }
        for channel in ChannelKind.allCases {
            rows.append(["\(channel.name) backlog max"] + columns.map { "\($0.result.channels[channel.rawValue].backlogMax)" })
        }
        rows.append(["failed expectations"] + columns.map { "\($0.result.failedChecks.count + $0.result.unexpectedRejections.count)" })
        let widths = rows[0].indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { index, cell in
                index == 0 ? cell + String(repeating: " ", count: widths[0] - cell.count)
                    : String(repeating: " ", count: widths[index] - cell.count) + cell
            }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }

    /// Whether every variant held every expectation (and the oracle found nothing).
    public static func allPassed(_ columns: [Column]) -> Bool { columns.allSatisfy(\.result.passed) }

    /// Under the table, each variant that failed: its title, each failure located in `path`
    /// (`file:line: message`), and the command that reproduces it.
    public static func failures(_ columns: [Column], path: String) -> String {
        var text = ""
        for column in columns where !column.result.passed {
            let count = column.failures.count
            text += "FAIL \(column.title): \(count) \(count == 1 ? "failure" : "failures")\n"
            for failure in column.failures {
                text += "  \(Quoting.visible(failure.located(in: RunReport.displayPath(path))))\n"
            }
            if column.result.violationCount > column.result.violations.count {
                text += "  … and \(column.result.violationCount - column.result.violations.count) more invariant violations\n"
            }
            text += RunReport.reproduce(path, overrides: column.override.map { [$0] } ?? [])
        }
        return text
    }

    /// The nearest-rank percentile of `values` (0 for none).
    static func nearestRank(_ percent: Int, of values: [Int]) -> Int {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        return sorted[DelayHistogram.nearestRank(percent, count: sorted.count) - 1]
    }
}

/// Counts what a run delivers, for `compare`: emails per user (each channel's delay percentiles
/// come with every run's ``ChannelStatistics``), handed over when the run finishes.
public final class DeliveryTally: RunObserver {
    /// By user, in declaration order (users only).
    private var emailsPerUser: [Int]
    private var userIndex: [Int32]
    private let handoff: Handoff<[Int]>

    public init(cast: Cast, handingTo handoff: Handoff<[Int]>) {
        self.handoff = handoff
        var index: [Int32] = []
        var users: Int32 = 0
        for kind in cast.personKinds {
            index.append(kind == .user ? users : -1)
            if kind == .user { users += 1 }
        }
        userIndex = index
        emailsPerUser = Array(repeating: 0, count: Int(users))
    }

    public func delivered(_ delivery: Delivery, messages: borrowing [Message], cast: Cast) {
        if delivery.channel == .email, userIndex[delivery.recipient.int] >= 0 { emailsPerUser[Int(userIndex[delivery.recipient.int])] += 1 }
    }

    public func finish() throws { handoff.put(emailsPerUser) }
}

import Foundation
public import OmniSim
public import ScenarioLanguage

/// `omnisim compare FILE --set "…"… --variant "NAME: …"…` (contract v2, v3): the file as written
/// and once per variant, side by side: deliveries per channel, emails per user (mean, p95, max),
/// delay p95 and max per channel, the largest backlog per channel, failed expectations, and, when
/// a run has live chat (``RunResult/staffing``), its chat figures. What a policy change would save.
/// `--sweep` (``CompareSweep``, ``SweepComparison``) runs one variant per value instead.
public enum Comparison {
    /// One column: a variant's figures.
    public struct Column: Sendable {
        public var title: String
        public var result: RunResult
        /// Emails per user, in declaration order (users only).
        public var emailsPerUser: [Int]
        public var users: Int
        /// The variant's statements (each as a `--set`), none for the file as written.
        public var statements: [String]
        /// What did not go as the file said in this variant (expectations, errors, invariants).
        public var failures: [ScenarioFailure]

        /// Whether nothing failed (every expectation held, no unexpected error, no invariant broken).
        public var passed: Bool { failures.isEmpty }
    }

    /// Runs `compiled` as written and with each override, one after another (each `--set` a
    /// variant of its own).
    public static func run(_ compiled: CompiledScenario, overrides: [String]) async throws -> [Column] {
        try await run(compiled, variants: overrides.map(CompareVariant.set))
    }

    /// Runs `compiled` as written (unless `asWritten` is false) and with each variant, one after
    /// another. Every variant is made (and one refused, with its reason: an unknown setting, a
    /// fan-out past the limits) before any runs.
    public static func run(_ compiled: CompiledScenario, variants: [CompareVariant], asWritten: Bool = true) async throws -> [Column] {
        var made: [(title: String, statements: [String], plan: ScenarioPlan, compiled: CompiledScenario)] =
            asWritten ? [("as written", [], compiled.plan, compiled)] : []
        for variant in variants {
            // Issue 23: a variant's `load` line replaces the file's (the file is compiled again).
            let (base, rest) = try Overrides.replacingLoads(variant.statements, in: compiled, from: variant.origin)
            made.append((variant.title, variant.statements, try Overrides.apply(rest, to: base.plan, from: variant.origin), base))
        }
        var columns: [Column] = []
        for (title, statements, plan, base) in made {
            columns.append(try await column(title: title, statements: statements, plan: plan, compiled: base))
        }
        return columns
    }

    /// Runs one variant's plan and gathers its figures.
    static func column(title: String, statements: [String], plan: ScenarioPlan, compiled: CompiledScenario) async throws -> Column {
        let emails = Handoff<[Int]>()
        let result = try await Simulation.run(plan, observers: [DeliveryTally(cast: plan.cast, handingTo: emails)])
        var variant = compiled
        variant.plan = plan
        return Column(
            title: title, result: result, emailsPerUser: emails.take() ?? [], users: plan.cast.personKinds.filter { $0 == .user }.count,
            statements: statements, failures: ScenarioFailure.all(in: variant, result: result))
    }

    /// The table, one row per figure and one column per variant, aligned with spaces.
    public static func table(_ columns: [Column]) -> String {
        let measures = Measure.all(chats: columns.contains { $0.result.staffing != nil })
        let rows = [[""] + columns.map(\.title)] + measures.map { measure in [measure.label] + columns.map(measure.cell) }
        return aligned(rows)
    }

    /// `rows` as text: the first column to the left, the others to the right, two spaces apart.
    static func aligned(_ rows: [[String]]) -> String {
        let widths = rows[0].indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { index, cell in
                index == 0 ? cell + String(repeating: " ", count: widths[0] - cell.count)
                    : String(repeating: " ", count: widths[index] - cell.count) + cell
            }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }

    /// Whether every variant held every expectation (and the oracle found nothing).
    public static func allPassed(_ columns: [Column]) -> Bool { columns.allSatisfy(\.passed) }

    /// Under the table, each variant that failed: its title, each failure located in `path`
    /// (`file:line: message`), and the command that reproduces it.
    public static func failures(_ columns: [Column], path: String) -> String {
        var text = ""
        for column in columns where !column.passed {
            let count = column.failures.count
            text += "FAIL \(column.title): \(count) \(count == 1 ? "failure" : "failures")\n"
            for failure in column.failures {
                text += "  \(Quoting.visible(failure.located(in: RunReport.displayPath(path))))\n"
            }
            if column.result.violationCount > column.result.violations.count {
                text += "  … and \(column.result.violationCount - column.result.violations.count) more invariant violations\n"
            }
            text += RunReport.reproduce(path, overrides: column.statements)
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

/// What a run produced: every check's outcome, every rejected event, the per-channel figures.
public struct RunResult: Sendable {
    /// One result per ``PlannedCheck``, by its id.
    public var checks: [CheckResult]
    /// Every event the rules rejected, in run order, with whether an `expect error` matched it.
    public var rejections: [RejectedEvent]
    /// One entry per channel, in ``ChannelKind`` order.
    public var channels: [ChannelStatistics]
    public var deliveries: Int
    public var messages: Int
    /// Scenario events and timers processed.
    public var events: Int
    /// The last instant the run reached (or its `end at`).
    public var endTime: SimInstant
    /// The trace, when it was kept in memory.
    public var trace: String?
    /// Invariants the oracle found broken (the first 100), and how many in all.
    public var violations: [OracleViolation] = []
    public var violationCount = 0
    /// What was recorded when ``Simulation/Options/journal`` asked for it.
    public var journal: Journal?

    /// Whether every expectation held and every rejected event was expected.
    public var passed: Bool {
        checks.allSatisfy(\.passed) && rejections.allSatisfy(\.matched) && violationCount == 0
    }

    public var failedChecks: [CheckResult] { checks.filter { !$0.passed } }
    public var unexpectedRejections: [RejectedEvent] { rejections.filter { !$0.matched } }
}

/// The outcome of one expectation.
public struct CheckResult: Sendable, Equatable {
    public var id: Int
    public var passed: Bool
    /// What the line asked for, in words (`email to bob "plan" at 1m`).
    public var expected: String
    /// What the run showed instead (empty when the check passed).
    public var observed: String
}

/// An event that broke a rule: it changed nothing and raised this error.
public struct RejectedEvent: Sendable, Equatable {
    public var time: SimInstant
    /// ``PlannedEvent/sourceIndex`` of the event.
    public var sourceIndex: Int
    public var message: String
    public var matched: Bool
}

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
    /// Invariants the oracle found broken (the first 100), and how many in all.
    public var violations: [OracleViolation] = []
    public var violationCount = 0
    /// What was recorded when ``Simulation/Options/journal`` asked for it.
    public var journal: Journal?
    /// Live chat in figures (issue 23), from ``ChatDesk/summary(at:)`` at the run's end: nil when the
    /// run kept no desk (its plan uses no word of live chat as work); `compare` shows its rows and
    /// columns only when some run has one, and the report its lines when the run had a chat.
    public var staffing: StaffingSummary?
    /// Issue 23: each taken chat's wait, in the order taken (empty without live chat): what an
    /// experiment's interval (``BatchMeans``) is computed from.
    public var chatWaits: [SimDuration] = []

    /// Whether every expectation held and every rejected event was expected.
    public var passed: Bool {
        checks.allSatisfy(\.passed) && rejections.allSatisfy(\.matched) && violationCount == 0
    }

    public var failedChecks: [CheckResult] { checks.filter { !$0.passed } }
    public var unexpectedRejections: [RejectedEvent] { rejections.filter { !$0.matched } }
}

/// The outcome of one expectation: whether it held, and what the run showed, as data (the language
/// puts both the expectation and the observation in words).
public struct CheckResult: Sendable, Equatable {
    public var id: Int
    public var passed: Bool
    public var observed: Observation

    public init(id: Int, passed: Bool, observed: Observation) {
        self.id = id
        self.passed = passed
        self.observed = observed
    }
}

/// What a check found.
public enum Observation: Sendable, Equatable {
    /// How many deliveries matched; for a failed delivery check, the deliveries on its channel to
    /// its person nearest to its time (nil: none at all).
    case deliveries(matching: Int, nearest: NearbyDeliveries?)
    /// The errors raised at the check's instant (for an `error` check).
    case errors(at: SimInstant, [String])
    case bubble(Int)
    case unread(Int)
    /// Whether the thread is listed in the view.
    case listed(Bool)
    /// Whether the person can see the thread.
    case visible(Bool)
    /// v3 `sees "text"`: how many posted messages contain the text, when not exactly one.
    case messagesMatching(Int)
    case members([PersonID])
    case backlog(Int)
    case pending(Int)
    /// The largest delay on the channel.
    case delayMax(SimDuration)
    /// The check never ran.
    case notEvaluated
    /// v2: the percentile's value (nil: no delivery) and the delivery behind it.
    case percentile(SimDuration?, of: Int, behind: DelaySample?)
    /// v2: the person with the most deliveries (highest count, then the first declared, then the
    /// earliest window), their count, and the window's start with `per`.
    case perPerson(PersonID?, count: Int, windowStart: SimInstant?)
    /// Issue 23: the chat wait percentile (or the longest; nil: no chat taken) over `of` taken chats.
    case chatWait(SimDuration?, of: Int)
    /// Issue 23: chats waiting (the largest, or at T, or at the end, as the check reads).
    case chatsWaiting(Int)
    /// Issue 23: chats abandoned so far.
    case chatsAbandoned(Int)
    /// Issue 23: the agent's most takes and assignments (in a window starting at `windowStart` with `per`).
    case chatsHandled(count: Int, windowStart: SimInstant?)
}

/// A delivery named as the one behind a percentile: who, which message, when due and when it arrived.
public struct DelaySample: Sendable, Equatable {
    public var recipient: PersonID
    public var message: Message
    public var due: SimInstant
    public var arrival: SimInstant
    public init(recipient: PersonID, message: Message, due: SimInstant, arrival: SimInstant) {
        self.recipient = recipient
        self.message = message
        self.due = due
        self.arrival = arrival
    }
}

/// Deliveries behind a failed delivery check: first those the check matched (the offending ones
/// of a `no` or `at most` check), up to three in time order; then up to three others on its channel
/// to its recipient, nearest to its time, in time order; and how many there were on that channel
/// to that recipient.
public struct NearbyDeliveries: Sendable, Equatable {
    public struct Item: Sendable, Equatable {
        public var channel: ChannelKind
        public var recipient: PersonID
        public var time: SimInstant
        public var text: String
        /// The message's thread, number in it and author.
        public var thread: ThreadID
        public var number: Int32
        public var author: PersonID
        /// Whether the check matched (counted) this delivery.
        public var matches: Bool
    }
    public var shown: [Item]
    public var total: Int
}

/// An event that broke a rule: it changed nothing and raised this error.
public struct RejectedEvent: Sendable, Equatable {
    public var time: SimInstant
    /// ``PlannedEvent/sourceIndex`` of the event.
    public var sourceIndex: Int
    /// The rule it broke, as data.
    public var rejection: Rejection
    /// Whether an `at T expect error "…"` matched it.
    public var matched = false

    public init(time: SimInstant, sourceIndex: Int, rejection: Rejection, matched: Bool = false) {
        self.time = time
        self.sourceIndex = sourceIndex
        self.rejection = rejection
        self.matched = matched
    }

    /// The rule's error in the contract's words: what `expect error "…"` matches.
    public var message: String { rejection.description }
}

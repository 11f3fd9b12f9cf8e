/// Everything a simulation needs to run one scenario, in engine values only (no source text).
///
/// The scenario language lowers a file into a plan; tests and benchmarks may build plans directly.
public struct ScenarioPlan: Sendable {
    public var title: String?
    public var cast: Cast
    /// Each person's own settings and whether they have the mobile app at time 0, by ``PersonID``.
    public var personSetup: [PersonSetup]
    /// `set everyone …` lines at top level.
    public var everyone: UserSettings
    /// v3 `set customers …` lines at top level: every customer's default (`email`, `email-after`,
    /// `email-batch` only).
    public var customers: UserSettings = UserSettings()
    /// Issue 23 `chat routing …` at top level.
    public var chatRouting: ChatRouting = .broadcast
    /// Issue 23 `customers wait at most D` at top level (nil: customers wait forever).
    public var customerPatience: SimDuration?
    /// Issue 23 `chat NAME handled in D` (what a chat load writes for each of its chats): the
    /// agent who gets the chat (by assignment or take, the first) closes it D after.
    public var chatHandling: [ThreadID: SimDuration] = [:]
    /// Channel configuration at time 0, one per ``ChannelKind``.
    public var channels: [ChannelConfig]
    /// Items declared at top level; they exist from time 0.
    public var items: [ItemDeclaration]
    /// Each team's members at time 0, by ``TeamID`` (v2; names in ``Cast/teamNames``).
    public var teams: TeamRoster = TeamRoster()
    /// Timed events in run order (by time, then file order).
    public var events: [PlannedEvent]
    /// `load` lines; their events merge with `events` by (time, ``PlannedEvent/sourceIndex``).
    public var loads: [LoadSpec] = []
    /// Every expectation, in file order; ``PlannedCheck/id`` is its index here.
    public var checks: [PlannedCheck]
    /// `end at T`, if given.
    public var endAt: SimInstant?

    public init(
        title: String? = nil, cast: Cast, personSetup: [PersonSetup]? = nil, everyone: UserSettings = .init(),
        channels: [ChannelConfig] = ChannelKind.allCases.map { ChannelConfig(kind: $0) },
        items: [ItemDeclaration] = [], events: [PlannedEvent] = [], checks: [PlannedCheck] = [],
        endAt: SimInstant? = nil
    ) {
        self.title = title
        self.cast = cast
        self.personSetup = personSetup ?? Array(repeating: PersonSetup(), count: cast.personNames.count)
        self.everyone = everyone
        self.channels = channels
        self.items = items
        self.events = events
        self.checks = checks
        self.endAt = endAt
    }
}

/// A person's settings and mobile app at time 0.
public struct PersonSetup: Sendable, Equatable {
    public var settings: UserSettings
    public var hasMobile: Bool
    /// v3 `admin NAME…`: may change other users' settings (`A sets B …`).
    public var isAdmin: Bool
    public init(settings: UserSettings = .init(), hasMobile: Bool = false, isAdmin: Bool = false) {
        self.settings = settings
        self.hasMobile = hasMobile
        self.isAdmin = isAdmin
    }
}

/// The kinds of item a conversation can be attached to.
public enum ItemKind: String, Sendable, Equatable, CaseIterable {
    case ticket, task, project
}

/// A ticket, task or project declared at top level with its followers.
public struct ItemDeclaration: Sendable, Equatable {
    public var thread: ThreadID
    public var kind: ItemKind
    public var title: String
    /// People and teams (v2), as listed.
    public var followers: [Member]
    public init(thread: ThreadID, kind: ItemKind, title: String, followers: [Member]) {
        self.thread = thread
        self.kind = kind
        self.title = title
        self.followers = followers
    }
}

/// A channel's configuration: latency, outage windows and capacity.
public struct ChannelConfig: Sendable, Equatable {
    public var kind: ChannelKind
    public var latency: SimDuration
    public var downWindows: [DownWindow]
    public var rate: Rate?
    /// Extension: each successful send's latency gets a seeded extra delay in `0...jitter`.
    public var jitter: SimDuration = .zero
    public var jitterSeed: UInt64 = 0
    /// Extension: people whose sends on this channel fail for good (a permanent bounce).
    public var bouncing: [PersonID] = []

    public init(kind: ChannelKind, latency: SimDuration = .zero, downWindows: [DownWindow] = [], rate: Rate? = nil) {
        self.kind = kind
        self.latency = latency
        self.downWindows = downWindows
        self.rate = rate
    }

    /// Applies a change: the one statement of what each change does to a channel's settings,
    /// whether it stands at the top of a file (lowering) or comes as a timed event (``ChannelState``).
    public mutating func apply(_ change: ChannelChange) {
        switch change {
        case .latency(let latency): self.latency = latency
        case .down(let window): downWindows.append(window)
        case .rate(let rate): self.rate = rate
        case .jitter(let jitter, let seed):
            self.jitter = jitter
            jitterSeed = seed
        case .bounce(let person): if !bouncing.contains(person) { bouncing.append(person) }
        }
    }
}

/// An outage `A..B`: the channel is down from A (inclusive) to B (exclusive).
public struct DownWindow: Sendable, Equatable {
    public var from: SimInstant
    public var until: SimInstant
    public init(from: SimInstant, until: SimInstant) {
        self.from = from
        self.until = until
    }
    public func contains(_ t: SimInstant) -> Bool { from <= t && t < until }
}

/// A channel's capacity: at most `count` sends in each whole `window` of the clock.
public struct Rate: Sendable, Equatable {
    public var count: Int
    public var window: SimDuration
    public init(count: Int, window: SimDuration) {
        self.count = count
        self.window = window
    }
}

/// A change to a channel, at top level or as a timed event.
public enum ChannelChange: Sendable, Equatable {
    case latency(SimDuration)
    case down(DownWindow)
    case rate(Rate?)
    /// Extension: `channel CH jitter D seed N`.
    case jitter(SimDuration, seed: UInt64)
    /// Extension: `channel CH bounce NAME`.
    case bounce(PersonID)
}

extension ScenarioPlan {
    /// The stretch of virtual time the plan names: from its first event (0 with a load) to the
    /// latest of its `end at`, events, timed checks and loads' ends. What follows the last of these
    /// (fallbacks, retries, arrivals) comes after it; estimates that need the run's length add room.
    public var plannedSpan: (first: SimInstant, last: SimInstant) {
        var first = events.first?.time ?? .start
        var last = endAt ?? .start
        if let event = events.last { last = max(last, event.time) }
        for check in checks { if let time = check.time { last = max(last, time) } }
        for load in loads {
            first = .start
            last = max(last, .start + load.from + load.over)
        }
        return (first, max(first, last))
    }
}

/// One expectation, ready for the engine.
public struct PlannedCheck: Sendable, Equatable {
    /// The check's index in the plan (the language keeps a side table from it to the source line).
    public var id: Int
    /// `at T expect …` checks read T; untimed (`expect …`) checks read the whole run or its final state.
    public var time: SimInstant?
    public var condition: Condition

    public init(id: Int, time: SimInstant?, condition: Condition) {
        self.id = id
        self.time = time
        self.condition = condition
    }

    public enum Condition: Sendable, Equatable {
        case delivery(DeliveryCheck)
        case bubble(PersonID, Int)
        case unread(PersonID, Int)
        /// v3: `NAME bubble at least N` / `at most N` (at T, or the final state).
        case bubbleBound(PersonID, Bound)
        /// v3: `NAME unread at least N` / `at most N` (at T, or the final state).
        case unreadBound(PersonID, Bound)
        case inbox(PersonID, InboxView, ThreadID, lists: Bool)
        case canSee(PersonID, ThreadID, Bool)
        /// v3 `NAME sees|cannot see "text"`: whether the person may see the one message posted so
        /// far whose text contains the string (none or several matching: the check fails).
        case seesText(PersonID, String, Bool)
        /// The people expected (a team stands for its members at the check's moment, v2).
        case participants(ThreadID, [Member])
        case error(String)
        case backlog(ChannelKind, Int)
        /// Extension: sends on the channel not yet arrived (waiting, retrying or in flight).
        case pending(ChannelKind, Int)
        case delayAtMost(ChannelKind, SimDuration)
        /// v2: untimed, the largest backlog of the run; with `at T`, the backlog at T.
        case backlogBound(ChannelKind, Bound)
        /// v2: the nearest-rank `percent`-th percentile of the channel's delays is at most the limit.
        case delayPercentile(ChannelKind, percent: Int, atMost: SimDuration)
        /// v2: every person of `kind` (nil: every person) gets at most `max` deliveries on the
        /// channel, over the run or, with `per`, in any window `[x, x+D)` (sliding, v3).
        case perPerson(ChannelKind, kind: PersonKind?, max: Int, per: SimDuration?)
        /// Issue 23 `chat wait p50|p95|p99|max at most D` (percent nil: max): untimed over the
        /// chats taken so far, nearest rank (none taken: it holds).
        case chatWait(percent: Int?, atMost: SimDuration)
        /// Issue 23 `chats waiting at most|at least N` (untimed: the largest queue once an instant
        /// was over; timed: the queue at T) and `chats waiting N` (the final length, or at T).
        case chatsWaiting(DeliveryCheck.Count)
        /// Issue 23 `at most N chats abandoned` (so far: at T, or over the run).
        case chatsAbandoned(DeliveryCheck.Count)
        /// Issue 23 `NAME handles at most N chats [per D]`: untimed; takes and assignments, in
        /// sliding windows `[x, x+D)` with `per`.
        case chatsHandled(PersonID, atMost: Int, per: SimDuration?)

        /// Whether it reads live chat as work (so the run keeps a ``ChatDesk``).
        public var isChatCheck: Bool {
            switch self {
            case .chatWait, .chatsWaiting, .chatsAbandoned, .chatsHandled: true
            default: false
            }
        }
    }

    /// `at most N` or `at least N`.
    public enum Bound: Sendable, Equatable {
        case atMost(Int)
        case atLeast(Int)
        public func admits(_ n: Int) -> Bool {
            switch self {
            case .atMost(let k): n <= k
            case .atLeast(let k): n >= k
            }
        }
    }
}

/// The Messenger views of a user.
public enum InboxView: String, Sendable, Equatable, CaseIterable {
    case `internal`, open, closed, items
}

/// `[no | N | at least N | at most N] CHANNEL [to NAME] ["text"] [before T | after T]`.
public struct DeliveryCheck: Sendable, Equatable {
    public enum Count: Sendable, Equatable {
        case exactly(Int)
        case atLeast(Int)
        case atMost(Int)
        public func admits(_ n: Int) -> Bool {
            switch self {
            case .exactly(let k): n == k
            case .atLeast(let k): n >= k
            case .atMost(let k): n <= k
            }
        }
    }
    public enum Window: Sendable, Equatable {
        case before(SimInstant)
        case after(SimInstant)
    }
    public var count: Count
    public var channel: ChannelKind
    public var recipient: PersonID?
    public var text: String?
    public var window: Window?

    public init(count: Count, channel: ChannelKind, recipient: PersonID? = nil, text: String? = nil, window: Window? = nil) {
        self.count = count
        self.channel = channel
        self.recipient = recipient
        self.text = text
        self.window = window
    }
}

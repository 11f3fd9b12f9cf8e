/// What a run will cost, estimated from a file's numbers before anything is generated, so that a
/// file that cannot finish in bounded memory and time is refused up front with the figure, instead
/// of running for hours or until the machine runs out of memory: a `load` line's (``init(_:fanOut:)``),
/// and the file's own messages' (``MessagesCost``), summed.
///
/// The figures are measured upper estimates for this engine (see docs/limits.md): a message costs
/// about 100 bytes while a run holds it (its table row, its sort key, the oracle's bookkeeping for
/// a load's own recipients), a person about 200 (actor, state, name), a conversation about 200 plus
/// its members; each person's presence changes on average every 52.5 minutes of the load's
/// duration. Fan-out (``FanOut``) is counted per delivery: a message reaching one recipient.
public struct LoadCost: Sendable, Equatable {
    public var bytes: Int
    /// Generated events: presence changes plus messages (deliveries and views follow from these).
    public var events: Int
    /// Deliveries: a message reaching one recipient (a (message, recipient) pair; a user's push
    /// and fallback email follow from it, at most two more).
    public var deliveries = 0
    /// Of ``deliveries``, those to users who get every customer message (`customer-messages all`).
    public var everyCustomerMessageDeliveries = 0
    /// How many users may get every customer message (for the figure's explanation).
    public var everyCustomerMessageUsers = 0

    /// The most memory a run may be estimated to need: 3 GiB.
    public static let bytesMax = 3 << 30
    /// The most events the loads of one run may generate: 200 million (about ten times the largest
    /// standard workload; at a microsecond or two an event, minutes of wall time).
    public static let eventsMax = 200_000_000
    /// The most deliveries (a message reaching one recipient) a run may be estimated to make: 200
    /// million, five times the largest standard workload's (huge: about 38 million); with each
    /// user's fallback email, minutes of wall time (a run just inside, 91 million to users with
    /// `customer-messages all`: 182 million deliveries with the emails, three minutes).
    public static let deliveriesMax = 200_000_000

    static let bytesPerMessage = 100
    static let bytesPerPerson = 200
    static let bytesPerConversation = 264
    static let presencePauseMeanMilliseconds = 52 * 60_000 + 30_000
    /// A delivery beyond a load's own recipients: the oracle's (message, recipient) slot, five
    /// bytes kept for the whole run, twice for its arrays' growth (measured: 9 bytes).
    static let bytesPerDelivery = 10
    /// A user's delivery waiting for its fallback deadline: the timer, 64 bytes, in a queue lane
    /// that holds up to twice its live timers and doubles as it grows, and the user's own entry of
    /// the message, 12 bytes (measured: 92 bytes with every deadline waiting to the end, 113 in a
    /// steady stream, 267 just past a doubling of the lane).
    static let bytesPerWaitingDeadline = 300
    /// A thread with unread messages for a user who is not its member (`customer-messages all`):
    /// 12 bytes in the user's list, twice for its growth (measured: 14 bytes).
    static let bytesPerUnreadThread = 24

    /// A load's cost from its numbers alone: no fan-out, as if every setting were the default.
    public init(users: Int, customers: Int, conversations: Int, messages: Int, over: SimDuration) {
        let people = users + customers
        bytes = messages * Self.bytesPerMessage + people * Self.bytesPerPerson + conversations * Self.bytesPerConversation
        // Presence changes: people × duration / mean pause, computed without overflow.
        let perPerson = over.milliseconds / Int64(Self.presencePauseMeanMilliseconds) + 1
        let (presence, overflow) = Int64(people).multipliedReportingOverflow(by: perPerson)
        events = overflow || presence > Int64(Int.max / 2) ? Int.max / 2 : Int(presence) + messages
    }

    /// A load's cost with what the file's settings let its messages fan out to: its own
    /// recipients, the users who get every customer message, and the deadlines waiting at once.
    /// `existingUsers`: with `users from TEAM|everyone`, how many users that gives (then `users` is 0).
    public init(
        users: Int, existingUsers: Int? = nil, customers: Int, conversations: Int, messages: Int, over: SimDuration,
        from: SimDuration = .zero, shape: LoadShape = .flat, fanOut: FanOut
    ) {
        self.init(users: users, customers: customers, conversations: conversations, messages: messages, over: over)
        guard messages > 0, conversations > 0, over > .zero else { return }
        let spread = LoadSpread(
            users: existingUsers ?? users, existing: existingUsers != nil, customers: customers,
            conversations: conversations, messages: messages, shape: shape)
        let everyone = Double(fanOut.everyCustomerMessageUsers)
        let own = Double(messages) * spread.recipients
        let customerMessages = Double(messages) * spread.customerShare
        let extra = customerMessages * everyone
        let total = own + extra
        // The deadlines waiting at once: the deliveries of the busiest stretch as long as a
        // deadline's window; at least one customer message's whole fan-out.
        let waiting = min(total, max(total * Self.busiestShare(of: fanOut.deadlineWindow, from: from, over: over, shape: shape), everyone + 8))
        let unreadThreads = everyone * min(customerMessages, spread.customerConversations)
        deliveries = Self.clamped(total)
        everyCustomerMessageDeliveries = Self.clamped(extra)
        everyCustomerMessageUsers = fanOut.everyCustomerMessageUsers
        bytes = Self.clamped(
            Double(bytes) + extra * Double(Self.bytesPerDelivery) + waiting * Double(Self.bytesPerWaitingDeadline)
                + unreadThreads * Double(Self.bytesPerUnreadThread))
    }

    /// A lowered load's cost (``LoadSpec``), under `fanOut`.
    public init(_ load: LoadSpec, fanOut: FanOut) {
        self.init(
            users: load.userCount, existingUsers: load.existingUsers?.count, customers: load.customerCount,
            conversations: load.conversationCount, messages: load.messageCount, over: load.over, from: load.from,
            shape: load.shape, fanOut: fanOut)
    }

    public init(bytes: Int, events: Int, deliveries: Int = 0) {
        self.bytes = bytes
        self.events = events
        self.deliveries = deliveries
    }

    public static func + (a: Self, b: Self) -> Self {
        var sum = Self(
            bytes: clamped(Double(a.bytes) + Double(b.bytes)), events: min(Int.max / 2, a.events + b.events),
            deliveries: clamped(Double(a.deliveries) + Double(b.deliveries)))
        sum.everyCustomerMessageDeliveries = clamped(Double(a.everyCustomerMessageDeliveries) + Double(b.everyCustomerMessageDeliveries))
        sum.everyCustomerMessageUsers = max(a.everyCustomerMessageUsers, b.everyCustomerMessageUsers)
        return sum
    }

    /// Whether a run of this cost stays within ``bytesMax``, ``eventsMax`` and ``deliveriesMax``.
    public var isWithinLimits: Bool { bytes <= Self.bytesMax && events <= Self.eventsMax && deliveries <= Self.deliveriesMax }

    /// The largest share of a load's messages that can fall within `window`: with `shape workday`,
    /// at the curve's peak weight.
    static func busiestShare(of window: SimDuration, from: SimDuration, over: SimDuration, shape: LoadShape) -> Double {
        switch shape {
        case .flat:
            return min(1, Double(window.milliseconds) / Double(over.milliseconds))
        case .workday:
            let weight = WorkdayCurve.weightIntegral(from: from.milliseconds, length: over.milliseconds)
            return min(1, Double(window.milliseconds) * Double(WorkdayCurve.weightMax) / Double(max(1, weight)))
        }
    }

    /// A figure in whole units, saturated well below `Int.max` (so that sums cannot overflow).
    static func clamped(_ value: Double) -> Int {
        value >= Double(Int.max / 4) ? Int.max / 4 : Int(value.rounded(.up))
    }
}

/// What a `load` line will cost to run, estimated from its numbers before anything is generated,
/// so that a line that cannot finish in bounded memory and time is refused up front with the
/// figure, instead of running for hours or until the machine runs out of memory.
///
/// The figures are measured upper estimates for this engine (see docs/limits.md): a message costs
/// about 100 bytes while a run holds it (its table row, its sort key, the oracle's bookkeeping), a
/// person about 200 (actor, state, name), a conversation about 200 plus its members; each person's
/// presence changes on average every 52.5 minutes of the load's duration.
public struct LoadCost: Sendable, Equatable {
    public var bytes: Int
    /// Generated events: presence changes plus messages (deliveries and views follow from these).
    public var events: Int

    /// The most memory the loads of one run may be estimated to need: 3 GiB.
    public static let bytesMax = 3 << 30
    /// The most events the loads of one run may generate: 200 million (about ten times the largest
    /// standard workload; at a microsecond or two an event, minutes of wall time).
    public static let eventsMax = 200_000_000

    static let bytesPerMessage = 100
    static let bytesPerPerson = 200
    static let bytesPerConversation = 264
    static let presencePauseMeanMilliseconds = 52 * 60_000 + 30_000

    public init(users: Int, customers: Int, conversations: Int, messages: Int, over: SimDuration) {
        let people = users + customers
        bytes = messages * Self.bytesPerMessage + people * Self.bytesPerPerson + conversations * Self.bytesPerConversation
        // Presence changes: people × duration / mean pause, computed without overflow.
        let perPerson = over.milliseconds / Int64(Self.presencePauseMeanMilliseconds) + 1
        let (presence, overflow) = Int64(people).multipliedReportingOverflow(by: perPerson)
        events = overflow || presence > Int64(Int.max / 2) ? Int.max / 2 : Int(presence) + messages
    }

    public init(bytes: Int, events: Int) {
        self.bytes = bytes
        self.events = events
    }

    public static func + (a: Self, b: Self) -> Self {
        Self(bytes: a.bytes + b.bytes, events: min(Int.max / 2, a.events + b.events))
    }

    /// Whether a run of this cost stays within ``bytesMax`` and ``eventsMax``.
    public var isWithinLimits: Bool { bytes <= Self.bytesMax && events <= Self.eventsMax }
}

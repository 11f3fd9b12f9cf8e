/// What a run reports for one channel: deliveries, the busiest second, the largest backlog, the
/// largest delay, and the sends still pending at the end.
public struct ChannelStatistics: Sendable, Equatable {
    public var channel: ChannelKind
    public var deliveries = 0
    /// The second (`floor(arrival / 1s)`) with the most deliveries; the earliest on a tie.
    public var busiestSecond: SimInstant?
    public var busiestSecondCount = 0
    public var backlogMax = 0
    public var delayMax = SimDuration.zero
    /// Attempts that failed because the channel was down.
    public var failedAttempts = 0
    /// Sends that failed for good because the recipient bounces (extension).
    public var bounced = 0
    /// Sends not yet arrived when the run ended (filled in at the end).
    public var pending = 0
    /// The delay p50, p95 and p99 (nearest rank) of the deliveries, empty with none (filled in at
    /// the end, v2).
    public var delayPercentiles: [SimDuration] = []
    /// The people with the most deliveries on the channel (at most ``topRecipientCount``), most
    /// first, and how many each (ties: declared first; filled in at the end, v2).
    public var topRecipients: [(person: PersonID, count: Int)] = []
    public static let topRecipientCount = 10
    /// The person with the most deliveries on the channel, and how many.
    public var mostDeliveries: (person: PersonID, count: Int)? { topRecipients.first }

    private var currentSecond: Int64 = -1
    private var currentSecondCount = 0

    public init(channel: ChannelKind) { self.channel = channel }

    mutating func recordDelivery(arrival: SimInstant, due: SimInstant) {
        deliveries += 1
        let second = arrival.milliseconds / 1_000
        if second != currentSecond {
            currentSecond = second
            currentSecondCount = 0
        }
        currentSecondCount += 1
        if currentSecondCount > busiestSecondCount {
            busiestSecondCount = currentSecondCount
            busiestSecond = SimInstant(milliseconds: second * 1_000)
        }
        let delay = arrival - due
        if delay > delayMax { delayMax = delay }
    }

    mutating func recordBacklog(_ backlog: Int) {
        if backlog > backlogMax { backlogMax = backlog }
    }

    public static func == (a: Self, b: Self) -> Bool {
        a.channel == b.channel && a.deliveries == b.deliveries && a.busiestSecond == b.busiestSecond
            && a.busiestSecondCount == b.busiestSecondCount && a.backlogMax == b.backlogMax
            && a.delayMax == b.delayMax && a.failedAttempts == b.failedAttempts && a.pending == b.pending
            && a.bounced == b.bounced && a.delayPercentiles == b.delayPercentiles
            && a.topRecipients.map(\.person) == b.topRecipients.map(\.person)
            && a.topRecipients.map(\.count) == b.topRecipients.map(\.count)
    }
}

/// One message that reached one person over one channel: a line of the trace.
public struct Delivery: Sendable, Equatable {
    /// The arrival: the send's success plus the channel's latency then.
    public var time: SimInstant
    public var channel: ChannelKind
    public var recipient: PersonID
    public var message: MessageID
    /// The moment the rules called for the delivery.
    public var due: SimInstant
    /// How many messages it covers: more than 1 only for a batched fallback email.
    public var batch: Int32

    public init(time: SimInstant, channel: ChannelKind, recipient: PersonID, message: MessageID, due: SimInstant, batch: Int32 = 1) {
        self.time = time
        self.channel = channel
        self.recipient = recipient
        self.message = message
        self.due = due
        self.batch = batch
    }
}

/// One message on its way to one person over one channel.
public struct Send: Sendable, Equatable {
    public var message: MessageID
    public var recipient: PersonID
    public var channel: ChannelKind
    /// The moment the rules called for this delivery; a delivery's delay is measured from here.
    public var due: SimInstant
    /// How many attempts have failed because the channel was down.
    public var failures: Int32 = 0
    /// How many messages a batched fallback email covers (v2 `email-batch`); 1 for any other send.
    public var batch: Int32 = 1

    public init(message: MessageID, recipient: PersonID, channel: ChannelKind, due: SimInstant) {
        self.message = message
        self.recipient = recipient
        self.channel = channel
        self.due = due
    }
}

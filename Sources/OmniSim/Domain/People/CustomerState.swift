/// One customer's presence in the live chat widget: the logic behind ``CustomerActor``.
public struct CustomerState: Sendable, Equatable {
    public private(set) var isInChat = false

    public init() {}

    public mutating func joinChat() { isInChat = true }
    public mutating func leaveChat() { isInChat = false }

    /// The channel a message posted now reaches this customer on: chat if in the widget, else email.
    public var channelForMessage: ChannelKind { isInChat ? .chat : .email }
}

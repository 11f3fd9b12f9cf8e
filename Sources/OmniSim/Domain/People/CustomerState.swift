/// One customer's presence in the live chat widget: the logic behind ``CustomerActor``.
public struct CustomerState: Sendable, Equatable {
    public private(set) var isInChat = false

    public init() {}

    public mutating func joinChat() { isInChat = true }
    public mutating func leaveChat() { isInChat = false }
}

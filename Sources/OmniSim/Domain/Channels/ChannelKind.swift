/// The omni-channel service's channels, in the order reports list them.
public enum ChannelKind: Int, CaseIterable, Sendable, Comparable {
    /// The in-app Messenger inbox of a user.
    case messenger
    /// Email, to users (the fallback) and customers.
    case email
    /// The live chat widget of a customer.
    case chat
    /// Mobile push: a stub that records what it would send.
    case push

    /// The channel's name: its identifier in traces and reports. (The language's words for it,
    /// plurals included, are the language's: `ChannelKind+Words.swift` there.)
    public var name: String {
        switch self {
        case .messenger: "messenger"
        case .email: "email"
        case .chat: "chat"
        case .push: "push"
        }
    }

    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
}

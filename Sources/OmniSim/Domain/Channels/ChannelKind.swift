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

    /// The channel's name in scenario files and traces.
    public var name: String {
        switch self {
        case .messenger: "messenger"
        case .email: "email"
        case .chat: "chat"
        case .push: "push"
        }
    }

    /// Looks a channel up by its singular or plural word (`email`, `emails`, `push`, `pushes`).
    public init?(word: String) {
        switch word {
        case "messenger", "messengers": self = .messenger
        case "email", "emails": self = .email
        case "chat", "chats": self = .chat
        case "push", "pushes": self = .push
        default: return nil
        }
    }

    /// Every word `init(word:)` accepts, for "did you mean" suggestions.
    public static let words = ["messenger", "email", "chat", "push", "messengers", "emails", "chats", "pushes"]

    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
}

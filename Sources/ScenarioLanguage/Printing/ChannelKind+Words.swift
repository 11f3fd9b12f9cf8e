public import OmniSim

extension ChannelKind {
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

    /// The channel's word in a check: `email`, or with a count other than one `emails`, `pushes`.
    func word(plural: Bool) -> String {
        guard plural else { return name }
        return self == .push ? "pushes" : name + "s"
    }
}

public import OmniSim

extension ChannelKind {
    /// Looks a channel up by its singular or plural word (`email`, `emails`, `push`, `pushes`).
    public init?(word: String) {
        guard let channel = Self.allCases.first(where: { $0.name == word || $0.plural == word }) else { return nil }
        self = channel
    }

    /// Every word `init(word:)` accepts, for "did you mean" suggestions: each channel's name, then
    /// each plural.
    public static let words = allCases.map(\.name) + allCases.map(\.plural)

    /// The channels' names for a message: `'messenger', 'email', 'chat' or 'push'`.
    static var namesListed: String {
        let quoted = allCases.map { "'\($0.name)'" }
        return quoted.dropLast().joined(separator: ", ") + " or " + (quoted.last ?? "")
    }

    /// The channel's word in a check: `email`, or with a count other than one `emails`, `pushes`.
    func word(plural: Bool) -> String { plural ? self.plural : name }

    /// The plural, as checks write it (`2 pushes`): an exhaustive switch, so a new channel has one.
    var plural: String {
        switch self {
        case .messenger: "messengers"
        case .email: "emails"
        case .chat: "chats"
        case .push: "pushes"
        }
    }
}

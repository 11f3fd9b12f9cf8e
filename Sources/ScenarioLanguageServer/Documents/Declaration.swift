public import ScenarioLanguage

/// A name a scenario declares, and where: a person, a team, an item, a conversation (declared by
/// the event that starts or drafts it), or a load (declaring the people and conversations it makes).
public struct Declaration: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case user, customer, team, ticket, task, project, conversation
        case customerConversation = "customer conversation"
        case load

        var isPerson: Bool { self == .user || self == .customer }
        var isThread: Bool { [.ticket, .task, .project, .conversation, .customerConversation].contains(self) }
        var isItem: Bool { self == .ticket || self == .task || self == .project }

        /// The protocol's `SymbolKind` for a document outline.
        var symbolKind: Int {
            switch self {
            case .user, .customer: 13  // Variable
            case .team: 3  // Namespace
            case .ticket, .task, .project: 5  // Class
            case .conversation, .customerConversation: 2  // Module
            case .load: 24  // Event
            }
        }

        /// The protocol's `CompletionItemKind`.
        var completionKind: Int {
            switch self {
            case .user, .customer: 6  // Variable
            case .team: 9  // Module
            case .ticket, .task, .project: 7  // Class
            case .conversation, .customerConversation: 22  // Struct
            case .load: 23  // Event
            }
        }
    }

    public var kind: Kind
    public var name: String
    /// Where the name is written in its declaration.
    public var range: SourceRange
    /// For a load: what the names it makes start with (`peak.` for `load peak …`, "" unnamed).
    var loadPrefix: String?
}

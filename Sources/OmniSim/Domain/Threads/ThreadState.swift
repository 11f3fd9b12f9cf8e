/// One thread slot: a direct conversation (possibly a draft) or an item, with its members in
/// membership order. The logic behind ``ThreadActor``.
///
/// Every mutating method checks all of its rules before it changes anything, so a rejected event
/// leaves the thread as it was.
public struct ThreadState: Sendable {
    public enum Kind: Sendable, Equatable {
        case userConversation
        case customerConversation
        case item(ItemKind)
    }

    public enum Lifecycle: Sendable, Equatable {
        /// Nobody has started or drafted a thread under this name yet.
        case unused
        /// Drafted but not sent: no participants, invisible. A team listed is resolved when it is sent.
        case draft(author: PersonID, listed: [Member])
        /// A cancelled draft: invisible, but its name stays taken.
        case cancelled
        /// Started (or an item): visible to its members.
        case live
    }

    public let id: ThreadID
    public internal(set) var kind: Kind?
    public internal(set) var lifecycle: Lifecycle = .unused
    /// The membership list as written and changed: people and teams (v2), in membership order.
    public internal(set) var listed: [Member] = []
    /// Participants (conversation) or followers (item), in membership order: ``listed`` resolved
    /// against the teams now (kept current: the driver refreshes a thread when a team it lists changes).
    public internal(set) var members: [PersonID] = []
    public internal(set) var isClosed = false
    /// v3: the item this conversation is on (`starts … on ITEM`, `links`), if any.
    public internal(set) var item: ThreadID?
    /// v3: the item's followers, who are members of this conversation through it, in the item's
    /// order (its customers left out of a user conversation). Members after the conversation's own.
    public internal(set) var itemFollowers: [PersonID] = []
    public internal(set) var messageCount: Int32 = 0

    public init(id: ThreadID) { self.id = id }

    /// An item declared at top level, its teams resolved against `teams` as they start.
    public init(item: ItemDeclaration, teams: TeamRoster) {
        self.id = item.thread
        self.kind = .item(item.kind)
        self.lifecycle = .live
        for follower in item.followers where !listed.contains(follower) { listed.append(follower) }
        members = teams.resolve(listed)
    }

    public var isItem: Bool { if case .item = kind { true } else { false } }
    /// Matched, not compared: `==` would copy the lifecycle (and retain a draft's list) on every call.
    @inline(__always)
    public var isLive: Bool { if case .live = lifecycle { true } else { false } }

    @inline(__always)
    public func isMember(_ person: PersonID) -> Bool { members.contains(person) }

    /// The rule for viewing, stated once: `person` may view the thread when it is live and they take
    /// part in it (for an item: follow it). ``checkViewer(_:cast:)`` says why not; the actor's fast
    /// path asks this, inlined, without copying the state.
    @inline(__always)
    public func mayView(_ person: PersonID, seesAllCustomerThreads: Bool = false) -> Bool {
        isLive && (isMember(person) || (seesAllCustomerThreads && reachedByAll))
    }

    /// Whether `customer-messages all` reaches this thread: a customer conversation or an item.
    @inline(__always)
    public var reachedByAll: Bool { isItem || kind == .customerConversation }

    /// What a posted message needs: its number and its recipients, fixed at posting.
    public struct Posting: Sendable, Equatable {
        public var number: Int32
        /// The thread's members at posting, in membership order (shared storage, not a copy).
        public var members: [PersonID]
        public var author: PersonID
        /// An internal note: users only.
        public var isNote: Bool
        /// Whether the thread is a user conversation (for the oracle).
        public var inUserConversation: Bool
        /// Who its text mentions and why (v2), in the order of the mentions, teams resolved at posting.
        public var mentions: [Mention] = []
        /// The users its mentions made members (v2), in order.
        public var addedByMention: [PersonID] = []

        /// How the message mentions `person`, if it does (the first mention of them).
        @inline(__always)
        public func mention(of person: PersonID) -> Mention? {
            if mentions.isEmpty { return nil }
            return mentions.first { $0.person == person }
        }

        /// Whether `member` receives the message: not its author, and a user if it is a note.
        @inline(__always)
        public func isRecipient(_ member: PersonID, cast: Cast) -> Bool {
            member != author && (!isNote || cast.isUser(member))
        }

        /// The recipients in membership order (allocates; the engine iterates `members` instead).
        public func recipients(cast: Cast) -> [PersonID] { members.filter { isRecipient($0, cast: cast) } }
    }
}

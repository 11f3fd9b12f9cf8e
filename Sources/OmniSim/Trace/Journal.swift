/// A person-by-person record of why things happened: every delivery, what was seen and when, the
/// unread count and bubble after each change, push and chat-or-email decisions at posting, and
/// every fallback decision with the rule that made it. Kept only when asked for (`explain`, the
/// HTML timeline), and capped, so that a large run never pays for it by default.
public struct Journal: Sendable {
    /// Whom to record.
    public enum Scope: Sendable, Equatable {
        case person(PersonID)
        case everyone
    }

    public struct Entry: Sendable, Equatable {
        public enum Kind: String, Sendable, Equatable {
            case delivery, seen, unread, push, channelChoice = "channel", fallback, view, presence, rejected
            /// Something the person did: started, drafted, sent, wrote, added, closed…
            case action
        }
        public var time: SimInstant
        public var person: PersonID
        public var kind: Kind
        public var channel: ChannelKind?
        public var message: MessageID?
        /// The explanation in words, with the rule that applied.
        public var text: String
        /// For a `.fallback` entry: what the deadline decided.
        public var decision: FallbackDecision? = nil
    }

    public let scope: Scope
    public let entryCountMax: Int
    public private(set) var entries: [Entry] = []
    /// Entries not kept because of the cap.
    public private(set) var dropped = 0

    public init(scope: Scope, entryCountMax: Int = 200_000) {
        self.scope = scope
        self.entryCountMax = entryCountMax
    }

    @inline(__always)
    func records(_ person: PersonID) -> Bool {
        switch scope {
        case .everyone: true
        case .person(let id): id == person
        }
    }

    /// Adds `entry` at `index` of ``entries`` (an event's own entry goes before what it caused).
    mutating func insert(_ entry: Entry, at index: Int) {
        guard records(entry.person) else { return }
        guard entries.count < entryCountMax, index <= entries.count else {
            dropped += 1
            return
        }
        entries.insert(entry, at: index)
    }

    mutating func add(_ entry: Entry) {
        guard records(entry.person) else { return }
        guard entries.count < entryCountMax else {
            dropped += 1
            return
        }
        entries.append(entry)
    }
}

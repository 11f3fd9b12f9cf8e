public import OmniSim

/// A parsed scenario file: its statements in file order, each with its source range.
public struct ScenarioAST: Sendable {
    public var statements: [Statement]
}

/// A name as written (without a leading `@`), with where it was written.
public struct Name: Sendable, Hashable {
    public var text: String
    public var range: SourceRange
}

/// One line of a scenario.
public struct Statement: Sendable {
    public var kind: Kind
    /// The whole statement (for diagnostics that concern it as a whole).
    public var range: SourceRange

    public enum Kind: Sendable {
        case scenario(title: String)
        case people(PersonKind, [Name])
        /// `team NAME [MEMBERS]` (v2).
        case team(Name, members: [Name])
        case mobile([Name])
        /// `set NAME …`; a nil name is `set everyone …`.
        case setting(Name?, SettingChange)
        /// v3 `set customers …`: every customer's default.
        case customersSetting(SettingChange)
        /// v3 `admin NAMES`.
        case admins([Name])
        /// Issue 23 `chat routing R`.
        case chatRouting(ChatRouting)
        /// Issue 23 `customers wait at most D` (nil: `customers wait forever`).
        case customerPatience(SimDuration?)
        /// Issue 23 `chat NAME handled in D` (what a chat load writes back for each chat).
        case chatHandling(Name, SimDuration)
        case channel(ChannelKind, ChannelChange)
        /// Extension: `channel CH bounce NAME`.
        case channelBounce(ChannelKind, Name)
        case item(ItemKind, Name, title: String, followers: [Name])
        case endAt(SimInstant)
        case event(time: SimInstant, EventNode)
        /// `at T expect …` (time given) or `expect …` (nil time).
        case expectation(time: SimInstant?, CheckNode)
        case load(LoadNode)
    }
}

/// `load seed S users U customers K conversations C messages M over D`.
public struct LoadNode: Sendable, Hashable {
    public var seed: UInt64
    public var users: Int
    public var customers: Int
    public var conversations: Int
    public var messages: Int
    public var over: SimDuration
    /// v2: `load NAME …` (its people and conversations are `NAME.u1`, `NAME.k1`, `NAME.c1`…).
    public var name: Name?
    /// v2: `from T`.
    public var from: SimDuration = .zero
    /// v2: `shape flat|workday`.
    public var shape: LoadShape = .flat
    /// v2: `users from TEAM|everyone` (nil name: everyone).
    public var usersFrom: UsersFrom?
    /// Issue 23: a chat load (`chats R per D handled in D [fixed] agents N|users from …`).
    public var chat: ChatLoad?

    /// A chat load's own fields.
    public struct ChatLoad: Sendable, Hashable {
        /// `chats R per D`: R chats per D on average (a Poisson stream; with `shape workday`, at the
        /// curve's peak).
        public var rate: Int
        public var per: SimDuration
        /// `handled in D [fixed]`: the mean (exponential) or the fixed handling time.
        public var handling: SimDuration
        public var fixed: Bool
        /// `agents N` (0 with `users from`).
        public var agents: Int
    }

    /// Where `users from` takes the load's users.
    public enum UsersFrom: Sendable, Hashable {
        case everyone
        case team(Name)
    }

    public init(seed: UInt64, users: Int, customers: Int, conversations: Int, messages: Int, over: SimDuration) {
        self.seed = seed
        self.users = users
        self.customers = customers
        self.conversations = conversations
        self.messages = messages
        self.over = over
    }
}

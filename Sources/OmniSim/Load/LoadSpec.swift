/// How a load spreads its events over time (contract v2).
public enum LoadShape: String, Sendable, Equatable, CaseIterable {
    /// v1: message instants uniform over the duration, presence every 15–90 minutes, everyone as
    /// busy as everyone else, and readers within 2 minutes.
    case flat
    /// A working week (see ``WorkdayCurve``), heavy-tailed activity and reading delays.
    case workday
}

/// A `load` line, lowered: which people and threads it owns and what to generate from its seed.
public struct LoadSpec: Sendable, Equatable {
    public var seed: UInt64
    /// `u1` is `firstUser`, `u2` the next id, …; likewise `k1…` and `c1…`.
    public var firstUser: PersonID
    public var userCount: Int
    public var firstCustomer: PersonID
    public var customerCount: Int
    public var firstThread: ThreadID
    public var conversationCount: Int
    public var messageCount: Int
    public var over: SimDuration
    /// The load line's place among the file's timed lines: generated events at the same instant as a
    /// file event run in file order of the two lines.
    public var sourceIndex: Int
    /// v2: when the load starts (`from T`): its presence and messages fall in `[from, from + over)`.
    public var from: SimDuration = .zero
    /// v2: how its messages, presence and readers are spread (`shape workday`).
    public var shape: LoadShape = .flat
    /// v2: `users from TEAM|everyone`: existing users the load's conversations and views use instead
    /// of generated ones (then `firstUser`/`userCount` are unused). The load changes nothing of
    /// their presence; it takes them to be at work, so each reads a message of theirs in time.
    public var existingUsers: [PersonID]?

    public init(
        seed: UInt64, firstUser: PersonID, userCount: Int, firstCustomer: PersonID, customerCount: Int,
        firstThread: ThreadID, conversationCount: Int, messageCount: Int, over: SimDuration, sourceIndex: Int
    ) {
        self.seed = seed
        self.firstUser = firstUser
        self.userCount = userCount
        self.firstCustomer = firstCustomer
        self.customerCount = customerCount
        self.firstThread = firstThread
        self.conversationCount = conversationCount
        self.messageCount = messageCount
        self.over = over
        self.sourceIndex = sourceIndex
    }
}

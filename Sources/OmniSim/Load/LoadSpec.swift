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

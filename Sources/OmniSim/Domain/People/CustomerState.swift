/// One customer's presence in the live chat widget, their own settings and what reached them by
/// chat: the logic behind ``CustomerActor``.
///
/// Contract v3 ("Customers' own settings"): a customer may view a conversation in the widget
/// (`views`), which marks the chat messages of that thread seen, now and as they arrive while the
/// view lasts; with `email-after D` a message that reached them by chat is emailed at t + D if it
/// is still unseen then. Pure and synchronous, like ``UserState``:
///
///     var kim = CustomerState(settings: UserSettings(emailAfter: .minutes(5)))
///     kim.joinChat()
///     kim.receive(m1, in: q1, deadline: .start + .minutes(5))   // chat chosen at posting
///     kim.arriveByChat(m1, in: q1)     // false: not viewing q1, unseen
///     kim.view(q1).seen                // 1
///     kim.deadlineReached(m1, customers: UserSettings())   // .seen: no email
///
/// Without a view or a setting of theirs nothing is kept: v2's customer exactly.
public struct CustomerState: Sendable, Equatable {
    public private(set) var isInChat = false
    /// The conversation they view in the widget (only while they are in it).
    public private(set) var viewing: ThreadID?
    /// Their own settings (`email`, `email-after`, `email-batch`; the language refuses others):
    /// each wins over `set customers`, and `set everyone` never reaches them.
    public var settings: UserSettings
    /// Chat messages arrived and unseen, counted by thread, in the order the threads first had one
    /// (a customer takes part in few threads: a short list, no hash).
    private var unseenByThread: [ThreadCount] = []
    /// Chat messages awaiting their fallback deadline (or their batch), in posting order.
    private var pending: [PendingChat] = []

    private struct ThreadCount: Sendable, Equatable {
        var thread: ThreadID
        var count: Int
    }

    private struct PendingChat: Sendable, Equatable {
        var message: MessageID
        var thread: ThreadID
        var state: ReadState
        /// Its fallback email waits in a batch: kept, so that a view still marks it seen, until the
        /// batch goes out (``releaseBatched(_:)``).
        var batched = false
    }

    private enum ReadState: Sendable, Equatable {
        case inFlight, unseen, seen
    }

    public init(settings: UserSettings = UserSettings()) {
        self.settings = settings
    }

    /// Chat messages arrived unseen, over every thread.
    public var unseenChats: Int { unseenByThread.reduce(0) { $0 + $1.count } }

    /// How many chat messages wait for their deadline (or for their batch to go out).
    var waitingCount: Int { pending.count }

    // MARK: Presence and views

    public mutating func joinChat() { isInChat = true }

    /// Leaves the widget, which ends a view; returns the thread that was viewed, if one was.
    @discardableResult
    public mutating func leaveChat() -> ThreadID? {
        isInChat = false
        defer { viewing = nil }
        return viewing
    }

    /// Views `thread` in the widget (joining it if needed): every chat message of it that has
    /// arrived is seen, and later ones are seen as they arrive while the view lasts. Returns how many
    /// became seen and the thread viewed before, if another.
    @discardableResult
    public mutating func view(_ thread: ThreadID) -> (seen: Int, ended: ThreadID?) {
        isInChat = true
        let before = viewing
        viewing = thread
        return (markSeen(thread), before == thread ? nil : before)
    }

    /// Stops viewing `thread` (they stay in the widget); false when they were not viewing it.
    @discardableResult
    public mutating func stopViewing(_ thread: ThreadID) -> Bool {
        guard viewing == thread else { return false }
        viewing = nil
        return true
    }

    /// Whether a chat message of `thread` arriving now is seen: in the widget, viewing it.
    @inline(__always)
    public func isViewing(_ thread: ThreadID) -> Bool { isInChat && viewing == thread }

    /// Every arrived, unseen chat message of `thread` becomes seen; returns how many.
    private mutating func markSeen(_ thread: ThreadID) -> Int {
        guard let index = unseenByThread.firstIndex(where: { $0.thread == thread }) else { return 0 }
        let seen = unseenByThread.remove(at: index).count
        for slot in pending.indices where pending[slot].thread == thread && pending[slot].state == .unseen {
            pending[slot].state = .seen
        }
        return seen
    }

    // MARK: Messages

    /// Their settings in force: their own, else `customers` (`set customers …`), else none: email
    /// on, no fallback, no batching.
    public func resolved(over customers: UserSettings) -> CustomerSettings {
        CustomerSettings(
            email: settings.email ?? customers.email ?? true,
            emailAfter: settings.emailAfter ?? customers.emailAfter,
            emailBatch: settings.emailBatch ?? customers.emailBatch ?? .zero)
    }

    /// A message reaches them by chat (chosen at posting) with a fallback `deadline`: kept until
    /// it comes. Without a deadline nothing is kept before it arrives.
    public mutating func receive(_ message: MessageID, in thread: ThreadID, deadline: SimInstant?) {
        guard deadline != nil else { return }
        pending.append(PendingChat(message: message, thread: thread, state: .inFlight))
    }

    /// The chat delivery of `message` arrives. Returns whether it was seen at arrival.
    @discardableResult
    public mutating func arriveByChat(_ message: MessageID, in thread: ThreadID) -> Bool {
        let seen = isViewing(thread)
        if let slot = pending.lastIndex(where: { $0.message == message }), pending[slot].state == .inFlight {
            pending[slot].state = seen ? .seen : .unseen
        }
        if !seen {
            if let index = unseenByThread.firstIndex(where: { $0.thread == thread }) {
                unseenByThread[index].count += 1
            } else {
                unseenByThread.append(ThreadCount(thread: thread, count: 1))
            }
        }
        return seen
    }

    /// The fallback deadline of `message` has come: ``NotificationPolicy/atDeadline(_:customer:batchOpen:)``
    /// decides (settings read only for an unseen message; one not yet arrived is unseen). Batched,
    /// it stays kept until its batch goes out; otherwise it is done with.
    public mutating func deadlineReached(_ message: MessageID, customers: UserSettings, batchOpen: Bool = false) -> FallbackDecision {
        guard let slot = pending.firstIndex(where: { $0.message == message }) else {
            return NotificationPolicy.atDeadline(.seen, customer: resolved(over: customers), batchOpen: batchOpen)
        }
        let read: NotificationPolicy.ReadState = pending[slot].state == .seen ? .seen : .unseen
        let decision = NotificationPolicy.atDeadline(read, customer: resolved(over: customers), batchOpen: batchOpen)
        if case .batched = decision { pending[slot].batched = true } else { pending.remove(at: slot) }
        return decision
    }

    /// A batch of their fallback emails goes out: for each of `messages`, whether it has been seen
    /// by now (a seen one is dropped from the batch). They are done with afterwards.
    public mutating func releaseBatched(_ messages: [MessageID]) -> [Bool] {
        let seen = messages.map { message -> Bool in
            guard let slot = pending.firstIndex(where: { $0.message == message && $0.batched }) else { return false }
            return pending.remove(at: slot).state == .seen  // one still in flight has not arrived: unseen
        }
        return seen
    }
}

/// A customer's settings in force at one moment (contract v3): their own, else `set customers`.
public struct CustomerSettings: Sendable, Equatable {
    /// `email off` stops only the widget fallback; a customer not in the widget is emailed anyway.
    public var email: Bool
    /// nil: no fallback (v2 exactly).
    public var emailAfter: SimDuration?
    public var emailBatch: SimDuration

    public init(email: Bool = true, emailAfter: SimDuration? = nil, emailBatch: SimDuration = .zero) {
        self.email = email
        self.emailAfter = emailAfter
        self.emailBatch = emailBatch
    }
}

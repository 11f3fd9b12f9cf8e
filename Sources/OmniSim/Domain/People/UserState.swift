/// One user's presence, settings and read state: the logic behind ``UserActor``.
///
/// Pure and synchronous: every method takes what it needs and returns what follows, so the rules
/// can be tested without a simulation. Each message the user receives gets a *receipt* — a number
/// counting up from 0 — that its Messenger delivery and its fallback deadline carry, so that no
/// per-message lookup is ever hashed.
public struct UserState: Sendable {
    public private(set) var isLoggedIn = false
    /// The thread the user is viewing, while logged in.
    public private(set) var viewing: ThreadID?
    public var hasMobile: Bool
    /// The user's own settings (each wins over `set everyone`).
    public var settings: UserSettings
    /// Arrived, unseen messages over all threads.
    public private(set) var unread = 0

    /// The state of each receipt from `receiptBase` on, until its fallback deadline has passed.
    private var receipts: [Receipt] = []
    private var receiptHead = 0
    private var receiptBase = 0
    /// Arrived unseen receipts by thread (a user takes part in few threads: a short list beats a hash).
    private var unseenByThread: [(thread: ThreadID, receipts: [Int])] = []

    private enum Receipt: UInt8, Sendable {
        case inFlight, unseen, seen, decided
    }

    public init(settings: UserSettings = .init(), hasMobile: Bool = false) {
        self.settings = settings
        self.hasMobile = hasMobile
    }

    /// What the rules decide for this user when a message is posted at `now`.
    public struct Reception: Sendable, Equatable {
        /// Identifies this message for this user in ``arrive(_:in:)`` and ``deadlineReached(_:everyone:)``.
        public var receipt: Int
        /// Push at posting: the user has the app, push on, and is not logged in.
        public var push: Bool
        /// When the email fallback is decided (email-after is read at posting).
        public var deadline: SimInstant
    }

    public mutating func logIn() { isLoggedIn = true }

    public mutating func logOut() {
        isLoggedIn = false
        viewing = nil
    }

    /// Stops viewing `thread` if the user is viewing it (when they leave or are removed from it).
    public mutating func stopViewing(_ thread: ThreadID) {
        if viewing == thread { viewing = nil }
    }

    /// Views `thread` (logging in if needed): every arrived message of it is seen. Returns how many
    /// messages became seen.
    @discardableResult
    public mutating func view(_ thread: ThreadID) -> Int {
        isLoggedIn = true
        viewing = thread
        guard let index = unseenByThread.firstIndex(where: { $0.thread == thread }) else { return 0 }
        let unseen = unseenByThread.remove(at: index).receipts
        for receipt in unseen {
            let slot = receipt - receiptBase + receiptHead
            if slot >= receiptHead, slot < receipts.count, receipts[slot] == .unseen { receipts[slot] = .seen }
        }
        unread -= unseen.count
        return unseen.count
    }

    /// A message is posted to this user at `now`: fixes push and the fallback deadline.
    public mutating func receive(at now: SimInstant, everyone: UserSettings) -> Reception {
        let resolved = settings.resolved(over: everyone)
        let receipt = receiptBase + receipts.count - receiptHead
        receipts.append(.inFlight)
        return Reception(receipt: receipt, push: hasMobile && resolved.push && !isLoggedIn, deadline: now + resolved.emailAfter)
    }

    /// The Messenger delivery of `receipt` arrives. Returns whether it was seen at arrival.
    @discardableResult
    public mutating func arrive(_ receipt: Int, in thread: ThreadID) -> Bool {
        let seen = isLoggedIn && viewing == thread
        let slot = receipt - receiptBase + receiptHead
        if slot >= receiptHead, slot < receipts.count, receipts[slot] == .inFlight {
            receipts[slot] = seen ? .seen : .unseen
        }
        if !seen {
            if let index = unseenByThread.firstIndex(where: { $0.thread == thread }) {
                unseenByThread[index].receipts.append(receipt)
            } else {
                unseenByThread.append((thread, [receipt]))
            }
            unread += 1
        }
        return seen
    }

    /// The fallback deadline of `receipt` has come. Returns whether an email falls due now: the
    /// message is still unseen (not yet arrived counts as unseen) and email is on.
    public mutating func deadlineReached(_ receipt: Int, everyone: UserSettings) -> FallbackDecision {
        let slot = receipt - receiptBase + receiptHead
        let seen = slot >= receiptHead && slot < receipts.count && receipts[slot] == .seen
        if slot >= receiptHead && slot < receipts.count { receipts[slot] = .decided }
        // Deadlines usually come in receipt order: drop the decided prefix.
        while receiptHead < receipts.count, receipts[receiptHead] == .decided {
            receiptHead += 1
            receiptBase += 1
        }
        if receiptHead == receipts.count {
            receipts.removeAll(keepingCapacity: true)
            receiptHead = 0
        } else if receiptHead >= 256, receiptHead * 2 >= receipts.count {
            receipts.removeFirst(receiptHead)
            receiptHead = 0
        }
        if seen { return .seen }
        return settings.resolved(over: everyone).email ? .sendEmail : .emailOff
    }

    /// The bubble: `unread` with the bubble setting on, 0 with it off.
    public func bubble(everyone: UserSettings) -> Int {
        settings.resolved(over: everyone).bubble ? unread : 0
    }
}

/// What the email fallback decided at a deadline.
public enum FallbackDecision: Sendable, Equatable {
    case sendEmail
    case seen
    case emailOff
}

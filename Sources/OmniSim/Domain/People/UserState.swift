/// One user's presence, settings and read state: the logic behind ``UserActor``.
///
/// Pure and synchronous: every method takes what it needs and returns what follows, so the rules
/// can be tested without a simulation. Messages whose fallback deadline has not passed are kept in
/// posting order (deadlines almost always come in that order too), so no lookup is ever hashed.
public struct UserState: Sendable {
    // Laid out in the order a delivery reads them, the overflow lists (rarely read) last, the
    // counts in 32 bits: 176 bytes, 208 with the actor object's header and fields.
    public private(set) var isLoggedIn = false
    public var hasMobile: Bool
    /// The thread the user is viewing, while logged in.
    public private(set) var viewing: ThreadID?
    private var unreadCount: Int32 = 0
    private var quietUnreadCount: Int32 = 0
    /// The user's own settings (each wins over `set everyone`).
    public var settings: UserSettings

    /// Arrived, unseen messages over all threads.
    public var unread: Int { Int(unreadCount) }
    /// Of those, the ones that notify nothing (customer messages under `customer-messages none`):
    /// they count in `unread`, never in the bubble.
    public var quietUnread: Int { Int(quietUnreadCount) }

    /// How many messages wait for their deadline (or for their batch to go out).
    var waitingCount: Int { pending.count }
    /// Arrived, unseen messages by thread (a user takes part in few threads: a short flat list beats
    /// a hash, and counts beat lists of messages: a view only needs how many it makes seen).
    private var unreadByThread = UnreadByThread()
    /// Messages awaiting their fallback deadline, in posting order.
    private var pending = SmallQueue<PendingMessage>()

    private struct PendingMessage: Sendable {
        var message: MessageID
        var thread: ThreadID
        var state: ReadState
        /// Notifies nothing (fixed at posting): no bubble, no push, no fallback deadline.
        var quiet = false
        /// Its fallback email waits in a batch: it stays here, so views keep marking it seen,
        /// until the batch goes out (``releaseBatched(_:)``).
        var batched = false
    }

    private enum ReadState: UInt8, Sendable {
        case inFlight, unseen, seen, decided
    }

    public init(settings: UserSettings = .init(), hasMobile: Bool = false) {
        self.settings = settings
        self.hasMobile = hasMobile
    }

    /// What the rules decide for this user when a message is posted at `now`.
    public struct Reception: Sendable, Equatable {
        /// Push at posting: the user has the app, push on, and is not logged in.
        public var push: Bool
        /// When the email fallback is decided (email-after is read at posting).
        public var deadline: SimInstant
        /// Whether the Messenger delivery, when it arrived at posting, was seen at once.
        public var seen = false
        /// Whether the message notifies the user at all (false: a customer message under
        /// `customer-messages none`: no push, no bubble, and no fallback deadline to set).
        public var notifies = true
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
        return markSeen(thread)
    }

    /// Reads `thread` on the mobile app: every arrived message of it is seen now. The user is not
    /// logged in by it, and what they view in the app does not change: later messages are not seen
    /// at arrival because of it. Returns how many messages became seen.
    @discardableResult
    public mutating func viewOnMobile(_ thread: ThreadID) -> Int { markSeen(thread) }

    /// Every arrived, unseen message of `thread` becomes seen; returns how many.
    private mutating func markSeen(_ thread: ThreadID) -> Int {
        guard let removed = unreadByThread.remove(thread) else { return 0 }
        let seen = Int(removed.count)
        quietUnreadCount -= removed.quiet
        pending.updateEach { message in
            if message.thread == thread && message.state == .unseen { message.state = .seen }
        }
        unreadCount -= removed.count
        return seen
    }

    /// `message` is posted to this user at `now`: fixes push and the fallback deadline. With
    /// `arrivedNow` its Messenger delivery has arrived too (a channel without latency or queue).
    public mutating func receive(
        _ message: MessageID, in thread: ThreadID, at now: SimInstant, everyone: UserSettings, arrivedNow: Bool = false,
        fromCustomer: Bool = false
    ) -> Reception {
        let resolved = settings.resolved(over: everyone)
        let quiet = fromCustomer && resolved.customerMessages == .none
        var reception = Reception(
            push: !quiet && hasMobile && resolved.push && !isLoggedIn, deadline: now + resolved.emailAfter, notifies: !quiet)
        if arrivedNow && isLoggedIn && viewing == thread {
            // Seen as it arrives: nothing is left to wait for. Its deadline decides `.seen`
            // (``deadlineReached(_:everyone:batchOpen:)`` finds no message waiting), and the
            // driver, told by `seen`, decides so without asking (`TimerEvent.fallbackSeen`).
            reception.seen = true
            return reception
        }
        pending.append(PendingMessage(message: message, thread: thread, state: .inFlight, quiet: quiet))
        if arrivedNow { reception.seen = arrive(message, in: thread) }
        return reception
    }

    /// The Messenger delivery of `message` arrives. Returns whether it was seen at arrival.
    @discardableResult
    public mutating func arrive(_ message: MessageID, in thread: ThreadID) -> Bool {
        let seen = isLoggedIn && viewing == thread
        var quiet = false
        if let slot = pendingSlot(of: message), pending[slot].state == .inFlight {
            quiet = pending[slot].quiet
            // A quiet message has no deadline to wait for: it is done with once it has arrived.
            pending[slot].state = quiet ? .decided : seen ? .seen : .unseen
            if quiet { pending.removeFirst { $0.state == .decided } }
        }
        if !seen {
            unreadByThread.add(thread, quiet: quiet)
            unreadCount += 1
            quietUnreadCount += quiet ? 1 : 0
        }
        return seen
    }

    /// The fallback deadline of `message` has come. Returns whether an email falls due now: the
    /// message is still unseen (not yet arrived counts as unseen) and email is on. A message no
    /// longer waiting was seen as it arrived (``receive(_:in:at:everyone:arrivedNow:fromCustomer:)``
    /// keeps nothing of it): `.seen`.
    ///
    /// With batching (`email-batch` over 0s, read now, or `batchOpen`: a batch of this thread is
    /// open and the email joins it) an email that falls due is `.batched`: the message stays here
    /// until ``releaseBatched(_:)``, so that a later view still marks it seen.
    public mutating func deadlineReached(_ message: MessageID, everyone: UserSettings, batchOpen: Bool = false) -> FallbackDecision {
        guard let slot = pendingSlot(of: message, fromFront: true) else { return .seen }
        let resolved = settings.resolved(over: everyone)
        let seen = pending[slot].state == .seen
        let decision: FallbackDecision =
            seen ? .seen : !resolved.email ? .emailOff : batchOpen || resolved.emailBatch > .zero ? .batched(resolved.emailBatch) : .sendEmail
        if case .batched = decision {
            pending[slot].batched = true
        } else {
            pending[slot].state = .decided
            pending.removeFirst { $0.state == .decided }
        }
        return decision
    }

    /// A batch of this user's fallback emails goes out: for each of `messages`, whether it has been
    /// seen by now (a seen one is dropped from the batch). They are done with afterwards.
    public mutating func releaseBatched(_ messages: [MessageID]) -> [Bool] {
        let seen = messages.map { message -> Bool in
            guard let slot = pendingSlot(of: message, fromFront: true), pending[slot].batched else { return false }
            let wasSeen = pending[slot].state == .seen  // one still in flight has not arrived: unseen
            pending[slot].state = .decided
            return wasSeen
        }
        pending.removeFirst { $0.state == .decided }
        return seen
    }

    /// The bubble: `unread` less the messages that notify nothing, with the bubble setting on; 0 with it off.
    public func bubble(everyone: UserSettings) -> Int {
        settings.resolved(over: everyone).bubble ? unread - quietUnread : 0
    }

    /// Where `message` waits for its deadline: arrivals look from the newest end, deadlines from the oldest.
    @inline(__always)
    private func pendingSlot(of message: MessageID, fromFront: Bool = false) -> Int? {
        fromFront ? pending.firstPosition { $0.message == message } : pending.lastPosition { $0.message == message }
    }
}

/// What the email fallback decided at a deadline.
public enum FallbackDecision: Sendable, Equatable {
    case sendEmail
    case seen
    case emailOff
    /// Unseen with email on, and batched (v2 `email-batch`): the email joins the thread's open batch,
    /// or opens one that goes out after the given time.
    case batched(SimDuration)
}

/// A user's arrived, unseen messages counted by thread: the first four threads inline in the user's
/// state (large load: 91% of arrivals find the user with unread messages in fewer than four
/// threads; a separate buffer would be one more cache miss, and a uniqueness check, per delivery),
/// any others in an array. Order carries no meaning.
struct UnreadByThread: Sendable {
    struct Entry: Sendable {
        var thread: Int32 = -1
        var count: Int32 = 0
        var quiet: Int32 = 0
    }

    /// How many threads are counted inline.
    private static let inlineCapacity = 4
    /// Inline entries; a free one has thread -1. Read and written as four `Entry`s in a row (a
    /// homogeneous tuple is laid out as its elements in order, like `MemberSample`'s).
    private var inline: (Entry, Entry, Entry, Entry) = (Entry(), Entry(), Entry(), Entry())
    private var more: [Entry] = []

    /// One more unseen message in `thread` (`quiet`: one that notifies nothing).
    mutating func add(_ thread: ThreadID, quiet: Bool) {
        let id = thread.index, q: Int32 = quiet ? 1 : 0
        let added = withUnsafeMutableBytes(of: &inline) { bytes -> Bool in
            let entries = bytes.bindMemory(to: Entry.self)
            var free = -1
            for index in 0..<Self.inlineCapacity {
                if entries[index].thread == id {
                    entries[index].count += 1
                    entries[index].quiet += q
                    return true
                }
                if free < 0 && entries[index].thread < 0 { free = index }
            }
            // Not inline: counted in `more` if it is there (it went there while the inline
            // entries were full), else in a free inline entry.
            if !more.isEmpty, let index = more.firstIndex(where: { $0.thread == id }) {
                more[index].count += 1
                more[index].quiet += q
                return true
            }
            guard free >= 0 else { return false }
            entries[free] = Entry(thread: id, count: 1, quiet: q)
            return true
        }
        if !added { more.append(Entry(thread: id, count: 1, quiet: q)) }
    }

    /// Takes `thread`'s counts away (its messages were seen); nil when it has none.
    mutating func remove(_ thread: ThreadID) -> (count: Int32, quiet: Int32)? {
        let id = thread.index
        let inlineCounts = withUnsafeMutableBytes(of: &inline) { bytes -> (count: Int32, quiet: Int32)? in
            let entries = bytes.bindMemory(to: Entry.self)
            for index in 0..<Self.inlineCapacity where entries[index].thread == id {
                defer { entries[index] = Entry() }
                return (entries[index].count, entries[index].quiet)
            }
            return nil
        }
        if let inlineCounts { return inlineCounts }
        guard !more.isEmpty, let index = more.firstIndex(where: { $0.thread == id }) else { return nil }
        let entry = more[index]
        more.swapAt(index, more.count - 1)
        more.removeLast()
        // An empty list gives its buffer back, so that asking it again reads the shared empty array
        // (always cached) rather than a buffer of this user's (a miss on most deliveries).
        if more.isEmpty { more = [] }
        return (entry.count, entry.quiet)
    }
}

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
    /// v3: counts the user's views and app posts, so that a `view-timeout` timer set at one knows
    /// whether the view was renewed since.
    public private(set) var viewStamp: UInt32 = 0
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
        viewStamp &+= 1
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

    /// Whether the user is viewing `thread` now (logged in, with it open).
    @inline(__always)
    public func isViewing(_ thread: ThreadID) -> Bool { isLoggedIn && viewing == thread }

    /// `message` is posted to this user: what ``NotificationPolicy`` calls for, as the user stands
    /// now, and the read state kept for it (``receive(_:in:as:arrivedNow:)``). Returns the policy's
    /// notice and whether the message was seen as it arrived.
    @inline(__always)
    public mutating func receive(
        _ message: MessageID, _ posted: NotificationPolicy.Posted, everyone: UserSettings, arrivedNow: Bool = false
    ) -> (notice: NotificationPolicy.Notice, seen: Bool) {
        let notice = NotificationPolicy.atPosting(posted, to: self, everyone: everyone)
        return (notice, receive(message, in: posted.thread, as: notice, arrivedNow: arrivedNow))
    }

    /// `message` is posted to this user, as ``NotificationPolicy/atPosting(_:to:everyone:)``
    /// decided (`notice`); with `arrivedNow` its Messenger delivery has arrived too (a channel
    /// without latency or queue). Returns whether it was seen as it arrived.
    ///
    /// It is kept (in posting order) while its deadline or its arrival still needs to know of it:
    /// one that waits for a deadline, or one that notifies nothing (counted quiet when it arrives).
    /// One seen as it arrives is not kept at all: its deadline, told so, is answered without
    /// asking the user again (`TimerEvent.fallbackSeen`).
    public mutating func receive(
        _ message: MessageID, in thread: ThreadID, as notice: NotificationPolicy.Notice, arrivedNow: Bool = false
    ) -> Bool {
        if arrivedNow && isViewing(thread) { return true }
        if notice.deadline != nil || !notice.notifies {
            pending.append(PendingMessage(message: message, thread: thread, state: .inFlight, quiet: !notice.notifies))
        }
        return arrivedNow ? arrive(message, in: thread) : false
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

    /// The fallback deadline of `message` has come: how it stands (``NotificationPolicy/ReadState``;
    /// not yet arrived is unseen, and one no longer kept was seen as it arrived), and where it is
    /// kept, for ``deadlineDecided(_:_:)``.
    @inline(__always)
    public func readState(atDeadlineOf message: MessageID) -> (read: NotificationPolicy.ReadState, slot: Int?) {
        guard let slot = pendingSlot(of: message, fromFront: true) else { return (.seen, nil) }
        return (pending[slot].state == .seen ? .seen : .unseen, slot)
    }

    /// The fallback deadline of `message` has come: ``NotificationPolicy/atDeadline(_:settings:batchOpen:)``
    /// decides from how it stands (settings read only if it is unseen), and the message is kept or
    /// done with accordingly. `batchOpen`: a batch of its thread is open for this user.
    @inline(__always)
    public mutating func deadlineReached(_ message: MessageID, everyone: UserSettings, batchOpen: Bool = false) -> FallbackDecision {
        let (read, slot) = readState(atDeadlineOf: message)
        let decision = NotificationPolicy.atDeadline(read, settings: settings.resolved(over: everyone), batchOpen: batchOpen)
        deadlineDecided(at: slot, decision)
        return decision
    }

    /// The deadline decided `decision` for the message kept at `slot`: batched, it stays kept (a
    /// later view still marks it seen) until ``releaseBatched(_:)``; otherwise it is done with.
    @inline(__always)
    public mutating func deadlineDecided(at slot: Int?, _ decision: FallbackDecision) {
        guard let slot else { return }
        if case .batched = decision {
            pending[slot].batched = true
        } else {
            pending[slot].state = .decided
            pending.removeFirst { $0.state == .decided }
        }
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

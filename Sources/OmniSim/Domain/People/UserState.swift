/// One user's presence, settings and read state: the logic behind ``UserActor``.
///
/// Pure and synchronous: every method takes what it needs and returns what follows, so the rules
/// can be tested without a simulation.
public struct UserState: Sendable {
    public private(set) var isLoggedIn = false
    /// The thread the user is viewing, while logged in.
    public private(set) var viewing: ThreadID?
    public var hasMobile: Bool
    /// The user's own settings (each wins over `set everyone`).
    public var settings: UserSettings
    /// Arrived, unseen messages over all threads.
    public private(set) var unread = 0

    /// Arrived messages whose fallback deadline has not passed yet: `true` once seen.
    private var awaitingDeadline: [MessageID: Bool] = [:]
    /// Messages whose deadline passed before they arrived (rare: a latency longer than email-after).
    private var deadlinePassed: Set<MessageID> = []
    /// Arrived unseen messages by thread, so that viewing a thread sees them all.
    private var unseenByThread: [ThreadID: [MessageID]] = [:]

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
        guard let unseen = unseenByThread.removeValue(forKey: thread) else { return 0 }
        for message in unseen where awaitingDeadline[message] != nil {
            awaitingDeadline[message] = true
        }
        unread -= unseen.count
        return unseen.count
    }

    /// A message is posted to this user at `now`: fixes push and the fallback deadline.
    public func receive(at now: SimInstant, everyone: UserSettings) -> Reception {
        let resolved = settings.resolved(over: everyone)
        return Reception(push: hasMobile && resolved.push && !isLoggedIn, deadline: now + resolved.emailAfter)
    }

    /// The Messenger delivery of `message` arrives. Returns whether it was seen at arrival.
    @discardableResult
    public mutating func arrive(_ message: MessageID, in thread: ThreadID) -> Bool {
        let seen = isLoggedIn && viewing == thread
        if !deadlinePassed.isEmpty, deadlinePassed.remove(message) != nil {
            // Its fallback is decided already; only the read state matters now.
        } else {
            awaitingDeadline[message] = seen
        }
        if !seen {
            unseenByThread[thread, default: []].append(message)
            unread += 1
        }
        return seen
    }

    /// The fallback deadline of `message` has come. Returns whether an email falls due now:
    /// the message is still unseen (not yet arrived counts as unseen) and email is on.
    public mutating func deadlineReached(_ message: MessageID, everyone: UserSettings) -> FallbackDecision {
        let seen: Bool
        if let state = awaitingDeadline.removeValue(forKey: message) {
            seen = state
        } else {
            deadlinePassed.insert(message)
            seen = false
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

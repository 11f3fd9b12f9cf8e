/// One agent of a ``ChatDesk``: a user, in declaration order. Users start logged out, with no
/// chat-capacity (unlimited) and no open chat.
///
/// An agent is *free* while logged in and under capacity. ``freeSince`` is the moment they last
/// became free (logging in, their open chats dropping below capacity, capacity raised); a take that
/// still leaves room does not change it.
public struct ChatAgent: Sendable, Equatable {
    public internal(set) var loggedIn = false
    /// `chat-capacity`; nil is unlimited.
    public internal(set) var capacity: Int?
    /// Chats open for this agent (taken or assigned, still a member, not closed). May exceed
    /// ``capacity`` (a capacity lowered, a reopen); then the agent is not free.
    public internal(set) var openChats = 0
    /// While free, when they last became free; nil while not free.
    public internal(set) var freeSince: SimInstant?

    /// Logged-in time and the part of it with at least one open chat, up to ``accountedUntil``
    /// (for utilisation).
    var loggedInTime: Int64 = 0
    var busyTime: Int64 = 0
    var accountedUntil = SimInstant.start

    public init() {}

    /// Whether another chat fits under capacity.
    public var hasRoom: Bool { capacity.map { openChats < $0 } ?? true }

    /// Logged in and under capacity.
    public var isFree: Bool { loggedIn && hasRoom }

    /// Adds the time since ``accountedUntil`` to the logged-in and busy totals (call before any
    /// change of presence or open chats).
    mutating func account(until now: SimInstant) {
        let span = now.milliseconds - accountedUntil.milliseconds
        if loggedIn {
            loggedInTime += span
            if openChats > 0 { busyTime += span }
        }
        accountedUntil = now
    }

    /// The share of logged-in time with at least one open chat, up to `end`; nil if never logged in.
    func utilisation(until end: SimInstant) -> Double? {
        var copy = self
        copy.account(until: max(end, accountedUntil))
        return copy.loggedInTime > 0 ? Double(copy.busyTime) / Double(copy.loggedInTime) : nil
    }
}

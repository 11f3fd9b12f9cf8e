/// Where in an instant something runs. The contract's same-instant rule: sends released by a rate
/// window, then scenario events in file order, then timers in the order they were set, then checks.
public enum Phase: UInt8, Comparable, Sendable {
    case windowRelease = 0
    case scenarioEvent = 1
    case timer = 2
    case check = 3

    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
}

/// A timer is data in the queue, never a sleeping task.
public enum TimerEvent: Sendable {
    /// A rate window opens on a channel: its waiting sends go out.
    case windowOpens(ChannelKind)
    /// A send in flight arrives (its latency has passed).
    case arrival(Send)
    /// The pause after a failed attempt ends: the send falls due again.
    case retry(Send)
    /// The email-fallback deadline of one message for one user.
    case fallbackDeadline(MessageID, PersonID)
    /// The email-fallback deadline of a message its user saw as it arrived, at posting: decided
    /// `.seen` without asking the user, who keeps nothing of the message (one cache miss fewer per
    /// such deadline; the decision, its instant and its place among the timers are the same).
    case fallbackSeen(MessageID, PersonID)
    /// A batch of fallback emails goes out (v2 `email-batch`), by its id.
    case batchDue(Int)
}

/// One entry of the ``EventQueue``.
public struct ScheduledTimer: Sendable, Comparable {
    public let time: SimInstant
    public let phase: Phase
    let sequence: UInt64
    public let event: TimerEvent

    /// The total order of the queue.
    var key: Key { Key(time: time.milliseconds, phase: phase.rawValue, sequence: sequence) }

    public static func < (a: Self, b: Self) -> Bool { a.key < b.key }
    /// Two entries are the same when they have the same key (the sequence number is unique).
    public static func == (a: Self, b: Self) -> Bool { a.key == b.key }

    struct Key: Comparable {
        let time: Int64
        let phase: UInt8
        let sequence: UInt64
        static func < (a: Key, b: Key) -> Bool {
            if a.time != b.time { return a.time < b.time }
            if a.phase != b.phase { return a.phase < b.phase }
            return a.sequence < b.sequence
        }
    }
}

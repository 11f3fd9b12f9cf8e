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

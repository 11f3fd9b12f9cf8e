/// A point on the virtual clock: the time since the scenario's start, in milliseconds.
///
///     let t = SimInstant.start + .minutes(1)
///     t.description   // "1m"
public struct SimInstant: Hashable, Comparable, Sendable {
    /// Milliseconds since the scenario's start.
    public var milliseconds: Int64

    public init(milliseconds: Int64) { self.milliseconds = milliseconds }

    /// The scenario's start, time 0.
    public static let start = SimInstant(milliseconds: 0)

    public static func < (a: Self, b: Self) -> Bool { a.milliseconds < b.milliseconds }
    public static func + (a: Self, b: SimDuration) -> Self { .init(milliseconds: a.milliseconds + b.milliseconds) }
    public static func - (a: Self, b: Self) -> SimDuration { .init(milliseconds: a.milliseconds - b.milliseconds) }

    /// The duration since the start.
    public var sinceStart: SimDuration { .init(milliseconds: milliseconds) }
}

extension SimInstant: CustomStringConvertible {
    /// The instant written as the language writes times: `10h5m`, `0s`.
    public var description: String { sinceStart.description }
}

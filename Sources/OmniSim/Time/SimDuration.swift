/// A length of virtual time, in whole milliseconds (the contract's finest unit).
///
/// A duration is never a point in time: that is ``SimInstant``.
///
///     let fallback = SimDuration.minutes(1)
///     fallback.description   // "1m"
public struct SimDuration: Hashable, Comparable, Sendable {
    /// The length in milliseconds; never negative for durations the language produces.
    public var milliseconds: Int64

    public init(milliseconds: Int64) { self.milliseconds = milliseconds }

    public static let zero = SimDuration(milliseconds: 0)
    public static func milliseconds(_ n: Int64) -> Self { .init(milliseconds: n) }
    public static func seconds(_ n: Int64) -> Self { .init(milliseconds: n * 1_000) }
    public static func minutes(_ n: Int64) -> Self { .init(milliseconds: n * 60_000) }
    public static func hours(_ n: Int64) -> Self { .init(milliseconds: n * 3_600_000) }

    public static func < (a: Self, b: Self) -> Bool { a.milliseconds < b.milliseconds }
    public static func + (a: Self, b: Self) -> Self { .init(milliseconds: a.milliseconds + b.milliseconds) }
}

extension SimDuration: CustomStringConvertible {
    /// The duration in the language's own notation, days included: `0s`, `250ms`, `1m30s`, `2h`,
    /// `10h5m`, `3d9h10s`. Every report, diagnostic and `explain` line writes durations and times
    /// this way (traces and metrics write milliseconds).
    public var description: String { written(daysToo: true) }

    /// The duration in hours at most (`81h10s`, not `3d9h10s`): the form `omnisim expand` writes its
    /// `at` times in, so that a v1 `load` line expands to the same statements, byte for byte.
    public var descriptionInHours: String { written(daysToo: false) }

    /// The one writer of durations: units from days (or hours) down to milliseconds, zero units left out.
    private func written(daysToo: Bool) -> String {
        var rest = milliseconds
        if rest == 0 { return "0s" }
        var text = rest < 0 ? "-" : ""
        rest = abs(rest)
        let units: [(Int64, String)] = [(86_400_000, "d"), (3_600_000, "h"), (60_000, "m"), (1_000, "s"), (1, "ms")]
        for (size, name) in units.dropFirst(daysToo ? 0 : 1) where rest >= size {
            text += "\(rest / size)\(name)"
            rest %= size
        }
        return text
    }
}

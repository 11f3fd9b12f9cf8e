/// Where in an instant something runs. The contract's same-instant rule: sends released by a rate
/// window, then scenario events in file order, then timers in the order they were set, then checks.
public enum Phase: UInt8, Comparable, Sendable {
    case windowRelease = 0
    case scenarioEvent = 1
    case timer = 2
    case check = 3

    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
}

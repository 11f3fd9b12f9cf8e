/// A set of channels, one bit per ``ChannelKind`` (by its raw value), iterated in channel order:
/// what a message calls for now, what the oracle expects or saw of one (message, recipient).
///
///     var now: ChannelSet = [.messenger]
///     now.insert(.push)
///     for channel in now { … }   // messenger, then push
public struct ChannelSet: Sendable, Hashable, Sequence, ExpressibleByArrayLiteral {
    public private(set) var rawValue: UInt8

    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// The set of one channel (no array made, as a literal would).
    @inline(__always)
    public init(_ channel: ChannelKind) { rawValue = Self.bit(channel) }

    public init(arrayLiteral channels: ChannelKind...) {
        rawValue = 0
        for channel in channels { insert(channel) }
    }

    /// Every channel there is.
    public static var all: ChannelSet { ChannelSet(rawValue: ChannelKind.allCases.reduce(0) { $0 | bit($1) }) }

    /// The most channels a set holds (its bits). `ChannelKind` may have at most this many cases:
    /// `ChannelTableTests` checks it, so a case too many fails a test, never a run.
    public static let capacity = UInt8.bitWidth

    public var isEmpty: Bool { rawValue == 0 }

    @inline(__always)
    public func contains(_ channel: ChannelKind) -> Bool { rawValue & Self.bit(channel) != 0 }

    @inline(__always)
    public mutating func insert(_ channel: ChannelKind) { rawValue |= Self.bit(channel) }

    @inline(__always)
    public mutating func remove(_ channel: ChannelKind) { rawValue &= ~Self.bit(channel) }

    @inline(__always)
    private static func bit(_ channel: ChannelKind) -> UInt8 { 1 << UInt8(channel.rawValue) }

    @inline(__always)
    public func makeIterator() -> Iterator { Iterator(bits: rawValue) }

    /// The channels of a set, lowest raw value first: its bits, taken one by one.
    public struct Iterator: IteratorProtocol {
        var bits: UInt8

        @inline(__always)
        public mutating func next() -> ChannelKind? {
            guard bits != 0 else { return nil }
            let index = bits.trailingZeroBitCount
            bits &= bits &- 1
            // Every bit set is a channel's raw value (``bit(_:)``), so this always finds one; by raw
            // value, not through `allCases` (an array built on every call).
            guard let channel = ChannelKind(rawValue: index) else { preconditionFailure("no channel has raw value \(index)") }
            return channel
        }
    }
}

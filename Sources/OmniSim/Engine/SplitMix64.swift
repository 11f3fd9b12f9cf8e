/// A small, fast, seeded random number generator (SplitMix64): the same seed gives the same
/// numbers on every machine. Used for `load` and for tests; never seeded from the clock.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `0..<bound` (bound > 0), by Lemire's multiply-shift (bias below 2^-32 for our bounds).
    public mutating func below(_ bound: Int) -> Int {
        Int((UInt128(next()) &* UInt128(UInt64(bound))) >> 64)
    }

    /// A number in `range`.
    public mutating func within(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.upperBound - range.lowerBound + 1)
    }
}

/// The working week that `load … shape workday` follows (contract v2, "Load, shaped"): day 0 is a
/// Monday starting at 0h, and each hour of the week has a weight out of ``weightMax``:
///
/// | hours                                   | weight |
/// |-----------------------------------------|--------|
/// | Mon–Fri 10h–12h and 14h–16h (the peaks)  | 160    |
/// | Mon–Fri 9h–10h, 12h–14h, 16h–17h         | 120    |
/// | Mon–Fri 7h–9h and 17h–20h                | 30     |
/// | Mon–Fri 20h–7h                           | 3      |
/// | Sat–Sun 8h–20h                           | 6      |
/// | Sat–Sun 20h–8h                           | 2      |
///
/// Over a whole week, weekdays 9h–17h hold 560 of 670.7 weight-hours: 83.5% of the messages
/// (the contract asks for at least 75%). Message instants are drawn uniformly and kept with
/// probability weight/``weightMax``; presence is in with the same probability at each check.
/// Integer arithmetic only, so every machine draws the same.
public enum WorkdayCurve {
    public static let weightMax = 160

    /// The weight of the hour of the week that `milliseconds` (absolute virtual time) falls in.
    public static func weight(at milliseconds: Int64) -> Int {
        let hourOfWeek = Int((milliseconds / 3_600_000) % 168)
        let day = hourOfWeek / 24, hour = hourOfWeek % 24
        if day >= 5 { return (8..<20).contains(hour) ? 6 : 2 }
        switch hour {
        case 10..<12, 14..<16: return 160
        case 9..<17: return 120
        case 7..<9, 17..<20: return 30
        default: return 3
        }
    }

    /// Whether weekday 9h–17h holds `milliseconds`.
    public static func isWorkingHour(_ milliseconds: Int64) -> Bool {
        let hourOfWeek = Int((milliseconds / 3_600_000) % 168)
        return hourOfWeek / 24 < 5 && (9..<17).contains(hourOfWeek % 24)
    }

    /// How long a logged-in recipient takes to read a message: one of nine spans from 5 s to 30 min
    /// (5–10 s, 10–20 s, … 640 s–21 min 20 s, then to 30 min), picked uniformly, then uniformly within
    /// it: about log-uniform, median 2 min, about 6 reads in 10 after the 1-minute fallback deadline.
    static let readingDelayEdges: [Int64] = [5, 10, 20, 40, 80, 160, 320, 640, 1_280, 1_800].map { $0 * 1_000 }

    static func readingDelay(_ random: inout SplitMix64) -> Int64 {
        let span = random.below(readingDelayEdges.count - 1)
        let low = readingDelayEdges[span], high = readingDelayEdges[span + 1]
        return low + Int64(random.below(Int(high - low)))
    }

    /// A heavy-tailed pick among `count` (Zipf-like with exponent 1/2: the person of rank r is
    /// picked with probability about proportional to 1/√r): a power-of-two octave of ranks
    /// (1, 2–3, 4–7, …) is chosen with weight √(its first rank) times its size's share, then a rank
    /// uniformly within it, scattered over `0..<count` by a fixed stride so that the busiest are not
    /// the first declared. Among 8,000 people the busiest is picked about 45 times as often as the
    /// average, and the busiest 1% get about a tenth of the picks. Integer arithmetic only.
    static func busyPick(_ count: Int, _ random: inout SplitMix64) -> Int {
        guard count > 1 else { return 0 }
        let (weights, total) = octaveWeights(count)
        var draw = random.below(total), octave = 0
        while draw >= weights[octave] {
            draw -= weights[octave]
            octave += 1
        }
        let low = 1 << octave, high = min(1 << (octave + 1), count + 1)
        let rank = low + random.below(high - low) - 1
        return Int((Int64(rank) &* Int64(stride(for: count))) % Int64(count))
    }

    /// The weight of each octave of ranks of ``busyPick(_:_:)`` among `count`, and their sum.
    private static func octaveWeights(_ count: Int) -> (weights: [Int], total: Int) {
        let octaves = Int.bitWidth - count.leadingZeroBitCount
        var weights: [Int] = []
        weights.reserveCapacity(octaves)
        var total = 0
        for octave in 0..<octaves {
            // √(2^octave) × 1000, then the octave's size over its full size (the last is partial).
            let root = (octave % 2 == 0 ? 1_000 : 1_414) << (octave / 2)
            let weight = (root * octaveSize(octave, count)) >> octave
            weights.append(weight)
            total += weight
        }
        return (weights, total)
    }

    private static func octaveSize(_ octave: Int, _ count: Int) -> Int { min(1 << (octave + 1), count + 1) - (1 << octave) }

    /// How many equally busy choices ``busyPick(_:_:)`` among `count` is worth: 1 / Σ p² over its
    /// picks (a uniform pick is worth `count`; this one about 4·count / ln count: 4,216 of 10,000).
    /// What the spread of a busy pick's share of something is measured against (``LoadCost``).
    static func busyPickEffectiveCount(_ count: Int) -> Double {
        guard count > 1 else { return 1 }
        let (weights, total) = octaveWeights(count)
        var sumOfSquares = 0.0
        for (octave, weight) in weights.enumerated() {
            let share = Double(weight) / Double(total)
            sumOfSquares += share * share / Double(octaveSize(octave, count))
        }
        return 1 / sumOfSquares
    }

    /// The weights over `[start, start + length)` (milliseconds), summed: weight × milliseconds
    /// (a whole week holds 6,707 weight-hours). Whole weeks are counted at once.
    static func weightIntegral(from start: Int64, length: Int64) -> Int64 {
        let hour: Int64 = 3_600_000, week = 168 * hour
        let weekTotal = (0..<168).reduce(Int64(0)) { $0 + Int64(weight(at: Int64($1) * hour)) } * hour
        var total = length / week * weekTotal
        var time = start
        let end = start + length % week
        while time < end {
            let next = min(end, (time / hour + 1) * hour)
            total += Int64(weight(at: time)) * (next - time)
            time = next
        }
        return total
    }

    /// A stride coprime with `count` (so that scattering is a permutation).
    static func stride(for count: Int) -> Int {
        var stride = 2_654_435_761 % count
        if stride == 0 { stride = 1 }
        while gcd(stride, count) != 1 { stride += 1 }
        return stride
    }

    private static func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? a : gcd(b, a % b) }
}

public import OmniSim

/// The canonical spelling of durations and times in a scenario file, read like a clock: the
/// largest unit first, each unit once, from the largest part that is not zero down to the smallest
/// (a zero between them written, as a clock shows `9h0m40s`; zeros before and after left out):
/// `90s` → `1m30s`, `0h5m` → `5m`, `9h0m40s` stays, `0ms` → `0s`; milliseconds only when there are
/// some (`1m250ms`). Days stay days: a duration written with `d` is spelt with `d` (`1d9h30m`), one
/// written without is spelt in hours (`48h` stays `48h`), so the formatter never changes how the
/// writer counts.
public enum DurationSpelling {
    /// `duration` spelt canonically, with days when `days`.
    public static func spelling(of duration: SimDuration, days: Bool) -> String {
        let total = duration.milliseconds
        if total <= 0 { return "0s" }
        let sizes: [(Int64, String)] = (days ? [(86_400_000, "d")] : []) + [(3_600_000, "h"), (60_000, "m"), (1_000, "s")]
        var rest = total / 1_000 * 1_000
        var parts: [(Int64, String)] = []
        for (size, name) in sizes {
            parts.append((rest / size, name))
            rest %= size
        }
        var text = ""
        if let first = parts.firstIndex(where: { $0.0 != 0 }), let last = parts.lastIndex(where: { $0.0 != 0 }) {
            text = parts[first...last].map { "\($0.0)\($0.1)" }.joined()
        }
        if total % 1_000 != 0 { text += "\(total % 1_000)ms" }
        return text
    }

    /// The canonical spelling of a word of the language when it is a duration, a relative time
    /// (`+90s`) or an outage window (`10m..15m`); nil for any other word (names never start with a
    /// digit, so no name is ever taken for a duration).
    public static func canonical(_ word: String) -> String? {
        if word.hasPrefix("+") { return canonicalDuration(String(word.dropFirst())).map { "+" + $0 } }
        if let spelt = canonicalDuration(word) { return spelt }
        let parts = word.split(separator: "..", omittingEmptySubsequences: false)
        guard parts.count == 2, let from = canonicalDuration(String(parts[0])), let until = canonicalDuration(String(parts[1]))
        else { return nil }
        return "\(from)..\(until)"
    }

    private static func canonicalDuration(_ word: String) -> String? {
        guard let first = word.utf8.first, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first),
              let duration = DurationSyntax.parse(word)
        else { return nil }
        return spelling(of: duration, days: word.contains("d"))
    }
}

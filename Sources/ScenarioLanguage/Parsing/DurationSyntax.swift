public import OmniSim

/// Reads the language's durations: one or more `<integer><unit>`, units `d` (24h), `h`, `m`, `s`, `ms`.
public enum DurationSyntax {
    /// The longest duration accepted: 1,000 years. Longer ones are refused (see docs/limits.md).
    public static let durationMax = SimDuration.hours(24 * 365 * 1_000)
    /// ``durationMax`` in words, for diagnostics.
    static let durationMaxText = "1,000 years (8760000h)"

    /// The duration `text` spells, or nil if it is not one (or is longer than ``durationMax``).
    public static func parse(_ text: String) -> SimDuration? {
        var text = text
        // The bytes in place (no array per duration: every `at` line has one).
        return text.withUTF8 { parse(bytes: $0) }
    }

    private static func parse(bytes chars: UnsafeBufferPointer<UInt8>) -> SimDuration? {
        var i = 0
        var total: Int64 = 0
        guard !chars.isEmpty else { return nil }
        while i < chars.count {
            var number: Int64 = 0
            let start = i
            while i < chars.count, chars[i] >= 0x30, chars[i] <= 0x39 {
                number = number * 10 + Int64(chars[i] - 0x30)
                if number > durationMax.milliseconds { return nil }
                i += 1
            }
            guard i > start, i < chars.count else { return nil }
            let unit: Int64
            switch chars[i] {
            case UInt8(ascii: "d"): unit = 86_400_000; i += 1
            case UInt8(ascii: "h"): unit = 3_600_000; i += 1
            case UInt8(ascii: "s"): unit = 1_000; i += 1
            case UInt8(ascii: "m"):
                if i + 1 < chars.count, chars[i + 1] == UInt8(ascii: "s") {
                    unit = 1; i += 2
                } else {
                    unit = 60_000; i += 1
                }
            default: return nil
            }
            let (product, overflow) = number.multipliedReportingOverflow(by: unit)
            guard !overflow else { return nil }
            total += product
            if total > durationMax.milliseconds { return nil }
        }
        return SimDuration(milliseconds: total)
    }

    /// Why `text` is not a duration: too long, or not written as one.
    static func problem(with text: String) -> DiagnosticMessage {
        let bytes = Array(text.utf8)
        var i = 0
        var wellFormed = !bytes.isEmpty
        while wellFormed && i < bytes.count {
            let start = i
            while i < bytes.count, bytes[i] >= 0x30, bytes[i] <= 0x39 { i += 1 }
            guard i > start, i < bytes.count else { wellFormed = false; break }
            switch bytes[i] {
            case UInt8(ascii: "d"), UInt8(ascii: "h"), UInt8(ascii: "s"): i += 1
            case UInt8(ascii: "m"): i += (i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "s")) ? 2 : 1
            default: wellFormed = false
            }
        }
        return wellFormed ? .durationTooLong(text, limit: durationMaxText) : .invalidDuration(text)
    }
}

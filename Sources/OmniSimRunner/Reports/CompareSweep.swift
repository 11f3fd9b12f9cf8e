import Foundation
import OmniSim
import ScenarioLanguage

/// `omnisim compare FILE --sweep "TEMPLATE" [--target "CHECK"]`: one variant per value of the
/// template's one `{…}`, over whole numbers or durations:
///
///     {1..4}              1, 2, 3, 4
///     {0..10 step 5}      0, 5, 10
///     {30s..2m step 30s}  30s, 1m, 1m30s, 2m (a duration range needs its step)
///     {1,2,4,8}           1, 2, 4, 8 (in the order written)
///
/// `try CompareSweep.parse("set everyone chat-capacity {1..4}")` gives four values; each makes the
/// statements of ``statements(for:)`` (the template with the value in place, split at `;` as
/// `--variant` splits). At most ``valueCountMax`` values; a brace inside double quotes is text.
public struct CompareSweep: Sendable, Equatable {
    /// One value of the sweep.
    public struct Value: Sendable, Equatable, Comparable {
        /// As put in the template: `3`, `1m30s`.
        public var text: String
        /// The number, or the duration in milliseconds: what "smallest" compares.
        public var magnitude: Int64

        public static func < (a: Self, b: Self) -> Bool { a.magnitude < b.magnitude }
    }

    public typealias Problem = CompareVariant.Problem

    /// The most values one sweep may have.
    public static let valueCountMax = 100

    /// The template before and after its `{…}`.
    public var prefix: String
    public var suffix: String
    public var values: [Value]

    /// The statements of the variant for `value`.
    public func statements(for value: Value) throws(Problem) -> [String] {
        try CompareVariant.splitStatements(prefix + value.text + suffix, option: "--sweep")
    }

    /// Reads a `--sweep` template.
    public static func parse(_ template: String) throws(Problem) -> Self {
        let shown = Quoting.visible(template)
        var braces: [String.Index] = []
        var closes: [String.Index] = []
        var quoted = false
        for index in template.indices {
            switch template[index] {
            case "\"": quoted.toggle()
            case "{" where !quoted: braces.append(index)
            case "}" where !quoted: closes.append(index)
            default: break
            }
        }
        guard !quoted else { throw Problem(description: "'--sweep \(shown)' leaves a double quote open") }
        guard braces.count == 1, closes.count == 1, braces[0] < closes[0] else {
            throw Problem(description: "'--sweep \(shown)' needs exactly one '{…}' of values, as in 'set everyone chat-capacity {1..4}'")
        }
        let inner = String(template[template.index(after: braces[0])..<closes[0]]).trimmingSpaces
        let values = try inner.contains("..") ? range(inner, shown: shown) : list(inner, shown: shown)
        guard values.count <= valueCountMax else {
            throw Problem(description: "'--sweep \(shown)' has \(values.count) values; a sweep takes at most \(valueCountMax)")
        }
        // Two rows of one value would be the same run, and "the smallest meeting" ambiguous.
        for (index, value) in values.enumerated() where values[..<index].contains(where: { $0.magnitude == value.magnitude }) {
            throw Problem(description: "'--sweep \(shown)' gives the value \(value.text) twice; each value is one row")
        }
        return Self(prefix: String(template[..<braces[0]]), suffix: String(template[template.index(after: closes[0])...]), values: values)
    }

    /// A value's kind and magnitude: a whole number, or a duration.
    private static func value(_ text: String, shown: String) throws(Problem) -> (value: Value, isDuration: Bool) {
        if let number = Int64(text), number >= 0 { return (Value(text: "\(number)", magnitude: number), false) }
        if let duration = DurationSyntax.parse(text) { return (Value(text: duration.description, magnitude: duration.milliseconds), true) }
        if !text.isEmpty, text.allSatisfy({ $0.isASCII && $0.isNumber }) {
            throw Problem(description: "'--sweep \(shown)': '\(Quoting.visible(text))' is too large; a value is at most \(Int64.max)")
        }
        throw Problem(description: "'--sweep \(shown)': '\(Quoting.visible(text))' is neither a whole number nor a duration")
    }

    private static func list(_ inner: String, shown: String) throws(Problem) -> [Value] {
        var values: [Value] = []
        var kinds: Set<Bool> = []
        for item in inner.split(separator: ",", omittingEmptySubsequences: false) {
            let (value, isDuration) = try value(item.trimmingSpaces, shown: shown)
            values.append(value)
            kinds.insert(isDuration)
        }
        guard kinds.count == 1 else {
            throw Problem(description: "'--sweep \(shown)' mixes whole numbers and durations")
        }
        return values
    }

    private static func range(_ inner: String, shown: String) throws(Problem) -> [Value] {
        var bounds = inner
        var stepText: String?
        if let step = inner.range(of: " step ") {
            bounds = String(inner[..<step.lowerBound])
            stepText = inner[step.upperBound...].trimmingSpaces
        }
        let ends = bounds.components(separatedBy: "..").map(\.trimmingSpaces)
        guard ends.count == 2 else {
            throw Problem(description: "'--sweep \(shown)': a range reads '{A..B}' or '{A..B step S}'")
        }
        let (low, lowIsDuration) = try value(ends[0], shown: shown)
        let (high, highIsDuration) = try value(ends[1], shown: shown)
        let step = try stepText.map { text throws(Problem) in try value(text, shown: shown) }
        guard lowIsDuration == highIsDuration, step.map({ $0.isDuration == lowIsDuration }) ?? true else {
            throw Problem(description: "'--sweep \(shown)' mixes whole numbers and durations")
        }
        guard step != nil || !lowIsDuration else {
            throw Problem(description: "'--sweep \(shown)': a range of durations needs its step, as in '{30s..2m step 30s}'")
        }
        let stride = step?.value.magnitude ?? 1
        guard stride > 0 else { throw Problem(description: "'--sweep \(shown)': the step must be more than 0") }
        guard low.magnitude <= high.magnitude else {
            throw Problem(description: "'--sweep \(shown)': the range goes down (\(low.text) is more than \(high.text))")
        }
        guard (high.magnitude - low.magnitude) / stride < Int64(valueCountMax) else {
            throw Problem(description: "'--sweep \(shown)' has more than \(valueCountMax) values; a sweep takes at most \(valueCountMax)")
        }
        return Swift.stride(from: low.magnitude, through: high.magnitude, by: Int(stride)).map { magnitude in
            Value(text: lowIsDuration ? SimDuration(milliseconds: magnitude).description : "\(magnitude)", magnitude: magnitude)
        }
    }
}

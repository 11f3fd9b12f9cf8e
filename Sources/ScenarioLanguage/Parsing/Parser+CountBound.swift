import OmniSim

extension Parser {
    /// `at least N` or `at most N` after `bubble`/`unread` (v3: `expect jonas unread at most 3`),
    /// or nil when a plain count follows.
    static func countBound(_ r: inout LineReader) throws(Diagnostic) -> PlannedCheck.Bound? {
        guard r.accept("at") else { return nil }
        let bound = try r.choice(["least", "most"], what: "word")
        let n = try r.integer("a number")
        return bound == "least" ? .atLeast(n) : .atMost(n)
    }
}

extension PlannedCheck.Bound {
    /// `at most 3`, `at least 2`.
    var words: String {
        switch self {
        case .atMost(let n): "at most \(n)"
        case .atLeast(let n): "at least \(n)"
        }
    }
}

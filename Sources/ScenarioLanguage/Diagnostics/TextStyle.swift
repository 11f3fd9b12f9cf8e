/// How rendered text marks its key words: plain, or coloured for a terminal. Colour is decided where
/// the text is made — the word `error:` of a diagnostic, `PASS` and `FAIL` of a report — never by
/// searching finished text, so a quoted source line or a message that contains those words is
/// never coloured.
public struct TextStyle: Sendable {
    /// Wraps a word that reads as success (`PASS`).
    public var success: @Sendable (String) -> String
    /// Wraps a word that reads as failure (`FAIL`, `error:`).
    public var failure: @Sendable (String) -> String

    public init(success: @escaping @Sendable (String) -> String, failure: @escaping @Sendable (String) -> String) {
        self.success = success
        self.failure = failure
    }

    /// No marks: what files, pipes and tests get.
    public static let plain = TextStyle(success: { $0 }, failure: { $0 })

    /// ANSI colours: green for success, red for failure.
    public static let terminal = TextStyle(
        success: { "\u{1B}[32m\($0)\u{1B}[0m" }, failure: { "\u{1B}[31m\($0)\u{1B}[0m" })
}

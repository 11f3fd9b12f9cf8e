/// A token of one line: a bare word (keyword, name, number, duration, time, rate, range), a
/// string literal with its escapes resolved, or a comma.
public struct Token: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case word
        case string
        case comma
    }
    public var kind: Kind
    /// The word as written, or the string's value.
    public var text: String
    public var range: SourceRange
}

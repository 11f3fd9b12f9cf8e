/// The lexer as tools outside the language see it (the language server, the formatter's tests):
/// one line's tokens, exactly as the parser gets them.
public enum ScenarioLexer {
    /// The tokens of `line` (line `number`, 1-based), or the diagnostic the parser would give it.
    /// Columns count characters, as every ``SourceRange`` does.
    public static func tokens(of line: Substring, number: Int) throws(Diagnostic) -> [Token] {
        try Lexer.tokens(of: line, number: number)
    }

    /// Where the comment of `line` starts (the `#` after its last token), in characters from the
    /// start of the line, or nil when it has none.
    public static func commentStart(of line: Substring, after tokens: [Token]) -> Int? {
        let characters = Array(line)
        let from = max(0, (tokens.last?.range.end.column ?? 1) - 1)
        guard from <= characters.count else { return nil }
        return characters[from...].firstIndex(of: "#")
    }
}

/// Lays a scenario file out canonically (`omnisim fmt`, the language server's formatting).
///
/// Token by token, driven by the lexer, so it keeps working for statements added to the language
/// later: each statement on its own line from the first column, one space between tokens, `, `
/// between listed names, durations spelt canonically (``DurationSpelling``), strings as written,
/// a trailing comment one space after its statement, comment lines kept, runs of blank lines made
/// one, no blank lines at the ends, `\n` line ends. Statement order and every comment stay. The
/// layout round-trips: formatting a formatted file changes nothing, and it runs the same (the
/// tokens the parser sees differ only in how durations are spelt).
///
///     ScenarioFormatter.layout("user  alice ,bob\nat 90s alice logs in   # early\n")
///     // "user alice, bob\nat 1m30s alice logs in # early\n"
public enum ScenarioFormatter {
    /// The canonical layout of `file`, or every diagnostic of the file when it has errors (a file
    /// that does not compile is never formatted: what it means is not known).
    public static func format(_ file: SourceFile) throws(ScenarioFileError) -> String {
        _ = try ScenarioCompiler.compile(file)
        return layout(file)
    }

    /// The canonical layout of `file`'s text, without checking that it compiles. A text with a line
    /// that does not lex (an unterminated string, a stray carriage return) is returned as it is:
    /// where its tokens are is not known.
    public static func layout(_ file: SourceFile) -> String {
        var output = ""
        output.reserveCapacity(file.text.utf8.count + 64)
        var pendingBlank = false
        for (offset, line) in file.lines.enumerated() {
            guard let laid = layout(line: line, number: offset + 1) else { return file.text }
            if laid.isEmpty {
                pendingBlank = !output.isEmpty
                continue
            }
            if pendingBlank { output += "\n" }
            pendingBlank = false
            output += laid
            output += "\n"
        }
        return output
    }

    /// Lays out the text of a file reported under a made-up name (tests, standard input).
    public static func layout(_ text: String) -> String {
        layout(SourceFile(path: "<text>", text: text))
    }

    /// One line laid out, without its line end ("" for a blank line), or nil when it does not lex.
    static func layout(line: Substring, number: Int) -> String? {
        guard let tokens = try? Lexer.tokens(of: line, number: number) else { return nil }
        let characters = Array(line)
        var text = ""
        for (index, token) in tokens.enumerated() {
            if index > 0 && token.kind != .comma { text += " " }
            switch token.kind {
            case .comma: text += ","
            case .word: text += DurationSpelling.canonical(token.text) ?? token.text
            case .string: text += String(characters[slice(token.range, in: characters.count)])
            }
        }
        if let start = ScenarioLexer.commentStart(of: line, after: tokens) {
            let comment = trimmed(Substring(String(characters[start...])))
            text += text.isEmpty ? comment : " " + comment
        }
        return text
    }

    /// The characters of `range` (1-based columns), clamped to the line.
    private static func slice(_ range: SourceRange, in count: Int) -> Range<Int> {
        let from = min(max(0, range.start.column - 1), count)
        return from..<min(max(from, range.end.column - 1), count)
    }

    /// `line` without leading or trailing spaces and tabs.
    private static func trimmed(_ line: Substring) -> String {
        let blank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = line.firstIndex(where: { !blank($0) }), let last = line.lastIndex(where: { !blank($0) }) else { return "" }
        return String(line[first...last])
    }
}

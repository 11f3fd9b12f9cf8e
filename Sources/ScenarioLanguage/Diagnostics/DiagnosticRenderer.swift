/// Renders diagnostics as the Swift compiler does:
///
///     typo.scenario:3:13: error: unknown event 'strats'; did you mean 'starts'?
///     3 | at 0s alice strats conversation c1 with bob "hi"
///       |             ^~~~~~
///
/// What is echoed is bounded and inert: control characters from the file are shown as escapes
/// (`\u{1B}`), a long line is cut to a window around the caret, a long message is cut, and a file
/// shows at most ``diagnosticsShownMax`` diagnostics, then how many more it has.
public enum DiagnosticRenderer {
    /// The most diagnostics shown for one file.
    public static let diagnosticsShownMax = 50
    /// The most characters of a source line echoed (a window around the caret).
    static let echoedLineMax = 160
    /// The most characters of a message shown.
    static let messageMax = 400

    public static func render(_ diagnostic: Diagnostic, in file: SourceFile, style: TextStyle = .plain) -> String {
        let start = diagnostic.range.start
        var message = Quoting.visible(diagnostic.message.text)
        if message.count > messageMax { message = String(message.prefix(messageMax)) + "…" }
        let severity = diagnostic.severity == .error ? style.failure("error:") : "\(diagnostic.severity.rawValue):"
        var text = "\(Quoting.visible(file.path)):\(start.line):\(start.column): \(severity) \(message)\n"
        let gutter = String(start.line)
        let pad = String(repeating: " ", count: gutter.count)
        let (line, indent, length) = echo(file.line(start.line), diagnostic.range)
        text += "\(gutter) | \(line)\n"
        text += "\(pad) | \(indent)^\(String(repeating: "~", count: length - 1))\n"
        return text
    }

    /// Every diagnostic of a file, up to ``diagnosticsShownMax``, then a line saying how many more.
    public static func render(_ error: ScenarioFileError, style: TextStyle = .plain) -> String {
        var text = error.diagnostics.prefix(diagnosticsShownMax).map { render($0, in: error.file, style: style) }.joined()
        let more = error.diagnostics.count - diagnosticsShownMax + error.omittedCount
        if more > 0 {
            text += "\(Quoting.visible(error.file.path)): \(style.failure("error:")) … and \(more) more \(more == 1 ? "error" : "errors") in this file\n"
        }
        return text
    }

    /// The line as shown (escaped, and cut to a window around the range), the caret's indent, and
    /// the caret run's length, all in shown characters. A tab before the caret stays a tab so the
    /// caret lines up under it.
    static func echo(_ line: Substring, _ range: SourceRange) -> (line: String, indent: String, length: Int) {
        let shown = line.map { Quoting.visible(String($0)) }
        let first = min(max(0, range.start.column - 1), shown.count)
        let last = range.end.line == range.start.line ? max(first + 1, range.end.column - 1) : max(first + 1, shown.count)
        // The window: the start of the line, or a little before the caret when the caret is far in.
        let from = first > echoedLineMax / 2 ? first - 20 : 0
        var to = from, width = 0
        while to < shown.count, to <= first || width + shown[to].count <= echoedLineMax {
            width += shown[to].count
            to += 1
        }
        let prefix = from > 0 ? "…" : "", suffix = to < shown.count ? "…" : ""
        let indent = (from..<first).map { shown[$0] == "\t" ? "\t" : String(repeating: " ", count: shown[$0].count) }
        let caretWidth = (first..<min(last, max(to, first + 1))).reduce(0) { $0 + ($1 < shown.count ? shown[$1].count : 1) }
        return (prefix + shown[from..<to].joined() + suffix, (prefix.isEmpty ? "" : " ") + indent.joined(), max(1, caretWidth))
    }
}

/// Renders diagnostics as the Swift compiler does:
///
///     typo.scenario:3:13: error: unknown event 'strats'; did you mean 'starts'?
///     3 | at 0s alice strats conversation c1 with bob "hi"
///       |             ^~~~~~
public enum DiagnosticRenderer {
    public static func render(_ diagnostic: Diagnostic, in file: SourceFile) -> String {
        let start = diagnostic.range.start
        var text = "\(file.path):\(start.line):\(start.column): \(diagnostic.severity.rawValue): \(diagnostic.message)\n"
        let line = file.line(start.line)
        let gutter = String(start.line)
        let pad = String(repeating: " ", count: gutter.count)
        text += "\(gutter) | \(line)\n"
        let length = diagnostic.range.end.line == start.line
            ? max(1, diagnostic.range.end.column - start.column) : max(1, line.count - start.column + 1)
        let indent = String(line.prefix(max(0, start.column - 1)).map { $0 == "\t" ? "\t" : " " })
        text += "\(pad) | \(indent)^\(String(repeating: "~", count: length - 1))\n"
        return text
    }

    public static func render(_ error: ScenarioFileError) -> String {
        error.diagnostics.map { render($0, in: error.file) }.joined()
    }
}

/// A scenario file's text, split into lines, with the path it is reported under.
public struct SourceFile: Sendable {
    /// The path diagnostics print (as given on the command line).
    public let path: String
    public let text: String
    /// The file's lines without their line ends; `lines[0]` is line 1. A line ends at `\n` or `\r\n`
    /// (split on bytes: Swift's `Character` holds `\r\n` as one character, so splitting on "\n"
    /// characters would leave a CRLF file as one long line). A lone `\r` stays in its line, where the
    /// lexer reports it.
    public let lines: [Substring]

    public init(path: String, text: String) {
        self.path = path
        self.text = text
        var lines: [Substring] = []
        let utf8 = text.utf8
        var start = utf8.startIndex
        var index = start
        while index != utf8.endIndex {
            if utf8[index] == 0x0A {
                var end = index
                if end > start, utf8[utf8.index(before: end)] == 0x0D { end = utf8.index(before: end) }
                lines.append(text[start..<end])
                start = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        if start != utf8.endIndex || lines.isEmpty { lines.append(text[start..<utf8.endIndex]) }
        self.lines = lines
    }

    /// The text of line `number` (1-based), or "" past the end.
    public func line(_ number: Int) -> Substring {
        number >= 1 && number <= lines.count ? lines[number - 1] : ""
    }
}

/// A position in a source file: 1-based line and column (columns count characters).
///
/// Stored in 32 bits each (every name and statement of a parsed file carries two of these, so they
/// are a good part of the front end's memory); a file's lines and columns never come near 2^31
/// (the parser refuses files of more than a few million lines), and a larger value is clamped,
/// never a crash.
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    private var storedLine: Int32
    private var storedColumn: Int32
    public var line: Int {
        get { Int(storedLine) }
        set { storedLine = Int32(clamping: newValue) }
    }
    public var column: Int {
        get { Int(storedColumn) }
        set { storedColumn = Int32(clamping: newValue) }
    }
    public init(line: Int, column: Int) {
        storedLine = Int32(clamping: line)
        storedColumn = Int32(clamping: column)
    }
    public static func < (a: Self, b: Self) -> Bool { (a.line, a.column) < (b.line, b.column) }
    public var description: String { "\(line):\(column)" }
}

/// A run of characters on one line: from `start` up to (not including) `end`.
public struct SourceRange: Sendable, Hashable, CustomStringConvertible {
    public var start: SourceLocation
    public var end: SourceLocation
    public init(start: SourceLocation, end: SourceLocation) {
        self.start = start
        self.end = end
    }
    /// The whole of `line` from `column` on, or a one-character range.
    public init(line: Int, column: Int, length: Int = 1) {
        self.start = SourceLocation(line: line, column: column)
        self.end = SourceLocation(line: line, column: column + max(length, 1))
    }
    public var description: String { "\(start)" }
}

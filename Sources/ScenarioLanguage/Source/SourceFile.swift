/// A scenario file's text, split into lines, with the path it is reported under.
public struct SourceFile: Sendable {
    /// The path diagnostics print (as given on the command line).
    public let path: String
    public let text: String
    /// The file's lines without their line ends; `lines[0]` is line 1. A line ends at `\n` or `\r\n`
    /// (split on bytes: Swift's `Character` holds `\r\n` as one character, so splitting on "\n"
    /// characters would leave a CRLF file as one long line). A lone `\r` stays in its line, where the
    /// lexer reports it.
    public let lines: SourceLines

    public init(path: String, text: String) {
        self.path = path
        self.text = text
        self.lines = SourceLines(text)
    }

    /// The text of line `number` (1-based), or "" past the end.
    public func line(_ number: Int) -> Substring {
        number >= 1 && number <= lines.count ? lines[number - 1] : ""
    }
}

/// A file's lines, each a slice of its text made when asked for: the file keeps one offset per
/// line (8 bytes, where a `Substring` each would be 32: with a million-line file, 8 MB, not 32).
public struct SourceLines: RandomAccessCollection, Sendable {
    private let text: String
    /// Where each line starts, in UTF-8 bytes from the start of the text.
    private let starts: [Int]
    /// Whether the text's last byte ends its last line (`\n`), or the text just stops.
    private let endsWithNewline: Bool

    init(_ text: String) {
        self.text = text
        var starts = [0]
        var offset = 0
        for byte in text.utf8 {
            offset += 1
            if byte == 0x0A { starts.append(offset) }
        }
        // A text that ends with a line end has no empty line after it (but an empty text has one line).
        endsWithNewline = offset > 0 && starts.last == offset
        if endsWithNewline { starts.removeLast() }
        self.starts = starts
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { starts.count }

    /// Line `position + 1`, without its line end.
    public subscript(position: Int) -> Substring {
        let utf8 = text.utf8
        let start = starts[position]
        let terminated = position + 1 < starts.count || endsWithNewline
        var end = position + 1 < starts.count ? starts[position + 1] - 1 : utf8.count - (endsWithNewline ? 1 : 0)
        let startIndex = utf8.index(utf8.startIndex, offsetBy: start)
        // `\r\n` ends a line; a lone `\r` (not before `\n`) stays.
        if terminated, end > start, utf8[utf8.index(startIndex, offsetBy: end - start - 1)] == 0x0D { end -= 1 }
        // Cut on the UTF-8 view: a line's ends are Character boundaries already (just after `\n`,
        // just before `\r\n` or `\n`, or the text's ends), so nothing needs rounding.
        return Substring(utf8[startIndex..<utf8.index(startIndex, offsetBy: end - start)])
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

/// A scenario file's text, split into lines, with the path it is reported under.
public struct SourceFile: Sendable {
    /// The path diagnostics print (as given on the command line).
    public let path: String
    public let text: String
    /// The file's lines without their line breaks; `lines[0]` is line 1.
    public let lines: [Substring]

    public init(path: String, text: String) {
        self.path = path
        self.text = text
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last?.isEmpty == true && lines.count > 1 { lines.removeLast() }
        self.lines = lines.map { $0.last == "\r" ? $0.dropLast() : $0 }
    }

    /// The text of line `number` (1-based), or "" past the end.
    public func line(_ number: Int) -> Substring {
        number >= 1 && number <= lines.count ? lines[number - 1] : ""
    }
}

/// A position in a source file: 1-based line and column (columns count characters).
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
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

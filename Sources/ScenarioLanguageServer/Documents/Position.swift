import ScenarioLanguage

/// A place in a document as the protocol counts: a 0-based line and a 0-based offset in UTF-16
/// code units within it (the protocol's default encoding).
public struct Position: Sendable, Hashable, Comparable {
    public var line: Int
    public var character: Int

    public init(line: Int, character: Int) {
        self.line = line
        self.character = character
    }

    public static func < (a: Self, b: Self) -> Bool { (a.line, a.character) < (b.line, b.character) }

    init?(_ json: JSON?) {
        guard let line = json?["line"]?.integer, let character = json?["character"]?.integer, line >= 0, character >= 0
        else { return nil }
        self.init(line: line, character: character)
    }

    var json: JSON { ["line": .integer(line), "character": .integer(character)] }
}

/// A run of a document between two ``Position``s, the end excluded.
public struct TextRange: Sendable, Hashable {
    public var start: Position
    public var end: Position

    public init(start: Position, end: Position) {
        self.start = start
        self.end = end
    }

    init?(_ json: JSON?) {
        guard let start = Position(json?["start"]), let end = Position(json?["end"]) else { return nil }
        self.init(start: start, end: end)
    }

    var json: JSON { ["start": start.json, "end": end.json] }
}

/// Converts between the language's columns (1-based, in characters) and the protocol's (0-based,
/// in UTF-16 code units) on one line's text.
enum Columns {
    /// The UTF-16 offset of 1-based character `column` of `line` (past the end: the line's end).
    static func utf16Offset(ofColumn column: Int, in line: Substring) -> Int {
        if line.utf8.allSatisfy({ $0 < 0x80 }) { return min(max(0, column - 1), line.utf8.count) }
        return line.prefix(max(0, column - 1)).utf16.count
    }

    /// The 1-based character column at UTF-16 `offset` of `line` (inside a character: that
    /// character; past the end: just past the last character).
    static func column(ofUTF16Offset offset: Int, in line: Substring) -> Int {
        if line.utf8.allSatisfy({ $0 < 0x80 }) { return min(max(0, offset), line.utf8.count) + 1 }
        var units = 0, column = 1
        for character in line {
            let width = character.utf16.count
            if units + width > offset { return column }
            units += width
            column += 1
        }
        return column
    }

    /// `range` of `file` as the protocol counts.
    static func range(_ range: SourceRange, in file: SourceFile) -> TextRange {
        TextRange(start: position(range.start, in: file), end: position(range.end, in: file))
    }

    static func position(_ location: SourceLocation, in file: SourceFile) -> Position {
        let line = max(1, location.line)
        return Position(line: line - 1, character: utf16Offset(ofColumn: location.column, in: file.line(line)))
    }
}

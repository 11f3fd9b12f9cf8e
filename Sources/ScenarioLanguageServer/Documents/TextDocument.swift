/// An open document: its text as the editor has it, kept in step with each change the editor sends.
///
/// Lines end at `\n` or `\r\n`, as the scenario language reads them, and positions count UTF-16
/// code units, as the protocol does. A position past a line's end is the line's end; past the last
/// line, the document's end (editors race ahead; a change is never refused for it).
public struct TextDocument: Sendable {
    public let uri: String
    public private(set) var version: Int
    public private(set) var text: String

    public init(uri: String, version: Int, text: String) {
        self.uri = uri
        self.version = version
        self.text = text
    }

    /// Replaces `range` (nil: the whole text) with `newText`, and takes `version`.
    public mutating func apply(_ newText: String, in range: TextRange?, version: Int) {
        self.version = version
        guard let range else {
            text = newText
            return
        }
        let from = index(of: range.start)
        let to = max(from, index(of: range.end))
        text.replaceSubrange(from..<to, with: newText)
    }

    /// The index in ``text`` of `position`.
    func index(of position: Position) -> String.Index {
        let utf8 = text.utf8
        var lineStart = utf8.startIndex
        for _ in 0..<position.line {
            guard let newline = utf8[lineStart...].firstIndex(of: 0x0A) else { return text.endIndex }
            lineStart = utf8.index(after: newline)
        }
        let lineEnd = utf8[lineStart...].firstIndex(of: 0x0A) ?? utf8.endIndex
        var end = lineEnd
        // `\r\n`: the line's text stops before the `\r`.
        if end > lineStart, utf8[utf8.index(before: end)] == 0x0D, end != utf8.endIndex { end = utf8.index(before: end) }
        // Whole scalars, counted in UTF-16 units: never between the two halves of a surrogate pair.
        let scalars = text.unicodeScalars
        var index = lineStart, units = 0
        while index < end {
            let width = scalars[index].utf16.count
            if units + width > position.character { break }
            units += width
            index = scalars.index(after: index)
        }
        return index
    }

    /// The position just past the text's last character.
    var endPosition: Position {
        let utf8 = text.utf8
        var line = 0, lastStart = utf8.startIndex
        var index = utf8.startIndex
        while let newline = utf8[index...].firstIndex(of: 0x0A) {
            line += 1
            index = utf8.index(after: newline)
            lastStart = index
        }
        return Position(line: line, character: text[lastStart...].utf16.count)
    }
}

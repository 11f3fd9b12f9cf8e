extension SourceFile {
    /// A file with more lines than a scenario may have, refused before it is parsed.
    public struct TooManyLines: Error, Sendable, CustomStringConvertible {
        public var name: String
        public var lines: Int
        public var description: String {
            "\(Quoting.quoted(name)) has \(lines) lines; scenario files are limited to \(Parser.statementCountMax) (use a 'load' line for large workloads)"
        }
    }

    /// A scenario file's bytes as a ``SourceFile`` reported under `name`. Throws ``TooManyLines``
    /// (counted on the bytes, before any splitting) or a ``ScenarioFileError`` at the first line
    /// that is not UTF-8.
    public static func decode(_ bytes: [UInt8], name: String) throws -> SourceFile {
        let lineCount = bytes.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
        if lineCount > Parser.statementCountMax { throw TooManyLines(name: name, lines: lineCount) }
        if let text = String(validating: bytes, as: UTF8.self) { return SourceFile(path: name, text: text) }
        let file = SourceFile(path: name, text: String(decoding: bytes, as: UTF8.self))
        throw ScenarioFileError(file: file, diagnostics: [notUTF8(in: bytes)])
    }

    /// The first line that is not valid UTF-8, pointed at where its first bad byte shows.
    private static func notUTF8(in bytes: [UInt8]) -> Diagnostic {
        var line = 1
        var start = 0
        for (offset, byte) in bytes.enumerated() where byte == 0x0A || offset == bytes.count - 1 {
            let end = byte == 0x0A ? offset : offset + 1
            if String(validating: bytes[start..<end], as: UTF8.self) == nil {
                let repaired = Array(String(decoding: bytes[start..<end], as: UTF8.self))
                let column = (repaired.firstIndex(of: "\u{FFFD}") ?? 0) + 1
                return Diagnostic(.notUTF8, at: SourceRange(line: line, column: column))
            }
            line += 1
            start = offset + 1
        }
        return Diagnostic(.notUTF8, at: SourceRange(line: 1, column: 1))
    }
}

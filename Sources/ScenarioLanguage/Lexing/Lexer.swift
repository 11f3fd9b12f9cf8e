/// Splits one line into tokens. `#` starts a comment outside strings; strings take `\"`, `\\`, `\n`.
enum Lexer {
    /// The line's length limit; longer lines are refused rather than parsed (see docs/limits.md).
    static let lineLengthMax = 65_536

    static func tokens(of line: Substring, number: Int) throws(Diagnostic) -> [Token] {
        if line.utf8.count > lineLengthMax {
            throw Diagnostic(.lineTooLong(limit: lineLengthMax), at: SourceRange(line: number, column: 1))
        }
        // Nearly every line is ASCII: lexed byte by byte, where a column is a byte. Any other line
        // takes the general path below, column by Character; both give the same tokens.
        if let tokens = try asciiTokens(of: line, number: number) { return tokens }
        return try generalTokens(of: line, number: number)
    }

    /// The tokens of any line, column by Character.
    static func generalTokens(of line: Substring, number: Int) throws(Diagnostic) -> [Token] {
        var tokens: [Token] = []
        let chars = Array(line)
        var i = 0
        func range(_ from: Int, _ to: Int) -> SourceRange {
            SourceRange(start: .init(line: number, column: from + 1), end: .init(line: number, column: to + 1))
        }
        // A lone carriage return anywhere, comments included: a file with `\r` line ends would
        // otherwise be one line, and one that starts with a comment would run nothing.
        if line.utf8.contains(0x0D), let column = chars.firstIndex(where: { $0.unicodeScalars.contains("\r") }) {
            throw Diagnostic(.loneCarriageReturn, at: range(column, column + 1))
        }
        while i < chars.count {
            let c = chars[i]
            if c == " " || c == "\t" {
                i += 1
            } else if let problem = Self.forbidden(c) {
                throw Diagnostic(problem, at: range(i, i + 1))
            } else if c == "#" {
                break
            } else if c == "," {
                tokens.append(Token(kind: .comma, text: ",", range: range(i, i + 1)))
                i += 1
            } else if c == "\"" {
                let start = i
                var value = ""
                i += 1
                var closed = false
                while i < chars.count {
                    let d = chars[i]
                    if d == "\"" { closed = true; i += 1; break }
                    if let problem = Self.forbidden(d) { throw Diagnostic(problem, at: range(i, i + 1)) }
                    if d == "\\" {
                        guard i + 1 < chars.count else { break }
                        switch chars[i + 1] {
                        case "\"": value.append("\"")
                        case "\\": value.append("\\")
                        case "n": value.append("\n")
                        default:
                            throw Diagnostic(.unknownEscape(String(chars[i + 1])), at: range(i, i + 2))
                        }
                        i += 2
                    } else {
                        value.append(d)
                        i += 1
                    }
                }
                guard closed else { throw Diagnostic(.unterminatedString, at: range(start, start + 1)) }
                tokens.append(Token(kind: .string, text: value, range: range(start, i)))
            } else {
                let start = i
                while i < chars.count, !" \t,\"#".contains(chars[i]), Self.forbidden(chars[i]) == nil { i += 1 }
                tokens.append(Token(kind: .word, text: String(chars[start..<i]), range: range(start, i)))
            }
        }
        return tokens
    }

    /// The tokens of an ASCII line, or nil when the line is not ASCII (or not stored contiguously).
    static func asciiTokens(of line: Substring, number: Int) throws(Diagnostic) -> [Token]? {
        let result = line.utf8.withContiguousStorageIfAvailable { bytes -> Result<[Token], Diagnostic>? in
            for byte in bytes where byte >= 0x80 { return nil }
            do throws(Diagnostic) {
                return .success(try asciiTokens(bytes, number: number))
            } catch {
                return .failure(error)
            }
        }
        switch result {
        case .some(.some(.success(let tokens))): return tokens
        case .some(.some(.failure(let diagnostic))): throw diagnostic
        default: return nil
        }
    }

    private static func asciiTokens(_ bytes: UnsafeBufferPointer<UInt8>, number: Int) throws(Diagnostic) -> [Token] {
        func range(_ from: Int, _ to: Int) -> SourceRange {
            SourceRange(start: .init(line: number, column: from + 1), end: .init(line: number, column: to + 1))
        }
        if let column = bytes.firstIndex(of: 0x0D) { throw Diagnostic(.loneCarriageReturn, at: range(column, column + 1)) }
        var tokens: [Token] = []
        var i = 0
        let count = bytes.count
        while i < count {
            let c = bytes[i]
            switch c {
            case UInt8(ascii: " "), UInt8(ascii: "\t"):
                i += 1
            case UInt8(ascii: "#"):
                return tokens
            case UInt8(ascii: ","):
                tokens.append(Token(kind: .comma, text: ",", range: range(i, i + 1)))
                i += 1
            case UInt8(ascii: "\""):
                let start = i
                i += 1
                var value: [UInt8] = []
                var closed = false
                while i < count {
                    let d = bytes[i]
                    if d == UInt8(ascii: "\"") { closed = true; i += 1; break }
                    if d == UInt8(ascii: "\\") {
                        guard i + 1 < count else { break }
                        switch bytes[i + 1] {
                        case UInt8(ascii: "\""): value.append(UInt8(ascii: "\""))
                        case UInt8(ascii: "\\"): value.append(UInt8(ascii: "\\"))
                        case UInt8(ascii: "n"): value.append(0x0A)
                        default:
                            throw Diagnostic(.unknownEscape(String(UnicodeScalar(bytes[i + 1]))), at: range(i, i + 2))
                        }
                        i += 2
                    } else {
                        value.append(d)
                        i += 1
                    }
                }
                guard closed else { throw Diagnostic(.unterminatedString, at: range(start, start + 1)) }
                tokens.append(Token(kind: .string, text: String(decoding: value, as: UTF8.self), range: range(start, i)))
            default:
                let start = i
                while i < count {
                    let d = bytes[i]
                    if d == UInt8(ascii: " ") || d == UInt8(ascii: "\t") || d == UInt8(ascii: ",") || d == UInt8(ascii: "\"")
                        || d == UInt8(ascii: "#") { break }
                    i += 1
                }
                tokens.append(Token(
                    kind: .word, text: String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self),
                    range: range(start, i)))
            }
        }
        return tokens
    }

    /// Characters that are never part of a statement: a carriage return that does not end a line
    /// (`\r\n` line ends are taken off before lexing) and a byte order mark.
    static func forbidden(_ c: Character) -> DiagnosticMessage? {
        switch c {
        case "\r": .loneCarriageReturn
        case "\u{FEFF}": .byteOrderMark
        default: nil
        }
    }
}

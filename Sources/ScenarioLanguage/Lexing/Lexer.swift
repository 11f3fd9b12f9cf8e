/// Splits one line into tokens. `#` starts a comment outside strings; strings take `\"`, `\\`, `\n`.
enum Lexer {
    /// The line's length limit; longer lines are refused rather than parsed (see docs/limits.md).
    static let lineLengthMax = 65_536

    static func tokens(of line: Substring, number: Int) throws(Diagnostic) -> [Token] {
        if line.utf8.count > lineLengthMax {
            throw Diagnostic(.lineTooLong(limit: lineLengthMax), at: SourceRange(line: number, column: 1))
        }
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

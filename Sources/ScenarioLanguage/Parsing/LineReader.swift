import OmniSim

/// A cursor over one line's tokens, with the small readers every statement is made of. Each reader
/// throws a located ``Diagnostic`` when the line does not have what it needs.
struct LineReader {
    let tokens: [Token]
    let lineNumber: Int
    /// The line, for its length in characters when a diagnostic points past its end (counted only then).
    let line: Substring
    private(set) var index = 0

    init(tokens: [Token], lineNumber: Int, line: Substring) {
        self.tokens = tokens
        self.lineNumber = lineNumber
        self.line = line
    }

    var atEnd: Bool { index >= tokens.count }
    var peek: Token? { atEnd ? nil : tokens[index] }
    func peek(ahead: Int) -> Token? { index + ahead < tokens.count ? tokens[index + ahead] : nil }
    var peekWord: String? { peek.flatMap { $0.kind == .word ? $0.text : nil } }

    /// Where a missing token would be: the current token, or just past the end of the line.
    var here: SourceRange {
        peek?.range ?? SourceRange(line: lineNumber, column: max(1, (tokens.last?.range.end.column ?? line.count + 1)))
    }

    mutating func advance() -> Token? {
        defer { index += 1 }
        return peek
    }

    func fail(_ message: DiagnosticMessage, at range: SourceRange? = nil) -> Diagnostic {
        Diagnostic(message, at: range ?? here)
    }

    func expected(_ what: String) -> Diagnostic {
        fail(.expected(what, found: peek.map { $0.kind == .string ? "\"\($0.text)\"" : $0.text }))
    }

    /// Consumes the word `keyword` if it is next.
    mutating func accept(_ keyword: String) -> Bool {
        guard peekWord == keyword else { return false }
        index += 1
        return true
    }

    /// Consumes `keyword`, or fails with a suggestion when the word there looks like a typo of it.
    mutating func expect(_ keyword: String) throws(Diagnostic) {
        if accept(keyword) { return }
        if let word = peekWord, EditDistance.suggestion(for: word, among: [keyword]) != nil {
            throw fail(.unknownKeyword(word, expected: "word", suggestion: keyword))
        }
        throw expected("'\(keyword)'")
    }

    /// Consumes one of `choices` and returns it; a near miss gets "did you mean", and with `listing`
    /// an unknown word gets the list of choices.
    mutating func choice(_ choices: [String], what: String, listing: Bool = false) throws(Diagnostic) -> String {
        guard let word = peekWord else {
            if choices.count <= 3 {
                throw expected(choices.map { "'\($0)'" }.joined(separator: choices.count == 2 ? " or " : ", "))
            }
            throw expected("a \(what)")
        }
        guard choices.contains(word) else {
            let suggestion = EditDistance.suggestion(for: word, among: choices)
            if listing { throw fail(.unknownKeyword(word, expected: what, suggestion: suggestion, among: choices)) }
            throw fail(.unknownKeyword(word, expected: what, suggestion: suggestion))
        }
        index += 1
        return word
    }

    mutating func expectEnd() throws(Diagnostic) {
        if let token = peek { throw fail(.extraInput(token.kind == .string ? "\"\(token.text)\"" : token.text)) }
    }

    mutating func name(_ what: String) throws(Diagnostic) -> Name {
        guard let token = peek, token.kind == .word else { throw expected(what) }
        index += 1
        return try Self.validName(token)
    }

    static func validName(_ token: Token) throws(Diagnostic) -> Name {
        var text = Substring(token.text)
        if text.first == "@" { text = text.dropFirst() }
        if token.text.utf8.contains(where: { $0 >= 0x80 }), let offset = token.text.firstIndex(where: { !$0.isASCII }) {
            let column = token.range.start.column + token.text.distance(from: token.text.startIndex, to: offset)
            throw Diagnostic(.nonASCIIName(String(token.text[offset])), at: SourceRange(line: token.range.start.line, column: column))
        }
        if text == "everyone" { throw Diagnostic(.everyoneIsKeyword, at: token.range) }
        // ASCII only (checked above), so bytes are characters: a letter, then letters, digits, `_.-`.
        let utf8 = text.utf8
        guard let first = utf8.first, isLetter(first),
              utf8.allSatisfy({ isLetter($0) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || $0 == UInt8(ascii: "_")
                  || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-") })
        else { throw Diagnostic(.invalidName(token.text), at: token.range) }
        return Name(text: String(text), range: token.range)
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
    }

    /// One or more names separated by commas and/or spaces, up to the end, a string, or a `stop` word.
    mutating func names(_ what: String, stop: Set<String> = [], stopBeforeItem: Bool = false) throws(Diagnostic) -> [Name] {
        var names: [Name] = []
        while let token = peek {
            if token.kind == .comma { index += 1; continue }
            if token.kind == .string || stop.contains(token.text) || (stopBeforeItem && !names.isEmpty && itemClauseFollows) { break }
            names.append(try name(what))
        }
        if names.isEmpty { throw expected(what) }
        return names
    }

    /// v3 `… with LIST on ITEM ["text"]`: whether `on ITEM` comes next and ends the line's names,
    /// that is an item's name and then the text or the line's end follow `on`. So a person named
    /// `on` (a name before v3) is still read as a name: `with on "hi"`, `with on, bob "hi"`.
    var itemClauseFollows: Bool {
        guard let on = peek, on.kind == .word, on.text == "on", peek(ahead: 1)?.kind == .word else { return false }
        return peek(ahead: 2).map { $0.kind == .string } ?? true
    }

    mutating func string(_ what: String) throws(Diagnostic) -> String {
        guard let token = peek, token.kind == .string else { throw expected(what) }
        index += 1
        return token.text
    }

    mutating func integer(_ what: String, max limit: Int = 1_000_000_000) throws(Diagnostic) -> Int {
        guard let token = peek, token.kind == .word, token.text.allSatisfy(\.isASCII), token.text.allSatisfy(\.isNumber)
        else { throw expected(what) }
        guard let value = Int(token.text), value <= limit else {
            throw fail(.numberTooLarge(token.text, limit: limit))
        }
        index += 1
        return value
    }

    mutating func duration(_ what: String = "a duration") throws(Diagnostic) -> SimDuration {
        guard let token = peek, token.kind == .word else { throw expected(what) }
        guard token.text.first?.isNumber == true else { throw expected(what) }
        guard let duration = DurationSyntax.parse(token.text) else { throw fail(DurationSyntax.problem(with: token.text)) }
        index += 1
        return duration
    }
}

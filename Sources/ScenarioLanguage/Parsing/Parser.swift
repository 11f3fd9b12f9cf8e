import OmniSim

/// Parses a scenario file into a ``ScenarioAST``. Each line is one statement; a line with an error
/// gets a diagnostic and the parser goes on with the next, so one run shows every syntax error.
public struct Parser {
    static let statementKeywords = [
        "scenario", "user", "users", "customer", "customers", "mobile", "set", "channel", "ticket", "task",
        "project", "end", "at", "expect", "load", "team", "admin", "chat",
    ]

    /// The largest number of statements a file may have (see docs/limits.md).
    public static let statementCountMax = 1_000_000

    private var statementCount = 0
    private var diagnostics: [Diagnostic] = []
    /// Diagnostics past the ones kept, counted (a file of a million bad lines keeps a few).
    private var omittedCount = 0
    /// The time of the previous `at` line, which `+D` counts from.
    private var previousAt = SimInstant.start
    /// The time of the previous timed event: events go forward in time, timed checks may not.
    private var previousEventAt = SimInstant.start

    /// Parses `file`, returning its statements and every diagnostic found.
    public static func parse(_ file: SourceFile) -> (ScenarioAST, [Diagnostic]) {
        let (ast, diagnostics, _) = parseCounting(file)
        return (ast, diagnostics)
    }

    /// Parses `file` into a ``ScenarioAST``, keeping the first
    /// ``DiagnosticRenderer/diagnosticsShownMax`` diagnostics and counting the rest.
    static func parseCounting(_ file: SourceFile) -> (ScenarioAST, [Diagnostic], omitted: Int) {
        var collected = StatementList()
        // At most a statement a line: reserved once, so that the list never grows by copying.
        collected.statements.reserveCapacity(min(file.lines.count, statementCountMax))
        let (diagnostics, omitted) = parse(file, into: &collected)
        return (ScenarioAST(statements: collected.statements), diagnostics, omitted)
    }

    /// Parses `file`, handing each statement to `sink` as soon as its line is parsed (so the
    /// statements need not all be held: ``Lowering`` lowers each as it comes). Returns the first
    /// ``DiagnosticRenderer/diagnosticsShownMax`` diagnostics and how many more there were.
    static func parse(_ file: SourceFile, into sink: inout some StatementSink) -> ([Diagnostic], omitted: Int) {
        var parser = Parser()
        // Refuse a file with too many lines before parsing any of it (a quick count, not a parse).
        if file.lines.count > statementCountMax {
            let diagnostic = Diagnostic(.tooMany("lines", limit: statementCountMax), at: SourceRange(line: statementCountMax + 1, column: 1))
            return ([diagnostic], 0)
        }
        for (offset, line) in file.lines.enumerated() {
            if parser.statementCount >= statementCountMax {
                parser.diagnostics.append(Diagnostic(
                    .tooMany("statements", limit: statementCountMax), at: SourceRange(line: offset + 1, column: 1)))
                break
            }
            if let statement = parser.parseLine(line, number: offset + 1) {
                parser.statementCount += 1
                sink.take(statement)
            }
        }
        return (parser.diagnostics, parser.omittedCount)
    }

    /// The event of an `at T EVENT` line parsed before, again, with its names' ranges (for a
    /// diagnostic found only once the whole file is known). Nil if the line holds no event.
    static func reparsedEvent(_ line: Substring, number: Int) -> EventNode? {
        var parser = Parser()
        parser.statementCount = 1  // past the first statement: `scenario` rules do not apply
        guard case .event(_, let node)? = parser.parseLine(line, number: number)?.kind else { return nil }
        return node
    }

    private mutating func parseLine(_ line: Substring, number: Int) -> Statement? {
        do throws(Diagnostic) {
            let tokens = try Lexer.tokens(of: line, number: number)
            guard let first = tokens.first else { return nil }
            var reader = LineReader(tokens: tokens, lineNumber: number, line: line)
            let kind = try statement(&reader)
            try reader.expectEnd()
            let last = tokens[tokens.count - 1].range.end
            return Statement(kind: kind, range: SourceRange(start: first.range.start, end: last))
        } catch {
            if diagnostics.count < DiagnosticRenderer.diagnosticsShownMax { diagnostics.append(error) } else { omittedCount += 1 }
            return nil
        }
    }

    private mutating func statement(_ r: inout LineReader) throws(Diagnostic) -> Statement.Kind {
        guard let first = r.peek, first.kind == .word else { throw r.expected("a statement") }
        guard Self.statementKeywords.contains(first.text) else {
            let suggestion = EditDistance.suggestion(for: first.text, among: Self.statementKeywords)
            throw r.fail(.unknownStatement(first.text, suggestion: suggestion))
        }
        _ = r.advance()
        switch first.text {
        case "scenario":
            guard statementCount == 0 else { throw r.fail(.scenarioNotFirst(), at: first.range) }
            return .scenario(title: try r.string("a title in quotes"))
        case "user", "users": return .people(.user, try r.names("a user name"))
        case "customers" where Self.isCustomerPatience(r):
            return .customerPatience(try Self.customerPatience(&r))
        case "customer", "customers": return .people(.customer, try r.names("a customer name"))
        case "admin": return .admins(try r.names("a user name"))
        case "chat" where r.peekWord != "routing" && r.peek(ahead: 1)?.text == "handled":
            let name = try r.name("a chat's name")
            try r.expect("handled")
            try r.expect("in")
            return .chatHandling(name, try r.duration("a handling time"))
        case "chat": return .chatRouting(try Self.chatRouting(&r))
        case "mobile": return .mobile(try r.names("a user name"))
        case "team":
            let name = try r.name("a team name")
            return .team(name, members: r.atEnd ? [] : try r.names("a user name"))
        case "set": return try Self.setting(&r)
        case "channel": return try Self.channel(&r)
        case "ticket", "task", "project": return try Self.item(ItemKind(rawValue: first.text) ?? .ticket, &r)
        case "end":
            try r.expect("at")
            return .endAt(SimInstant.start + (try r.duration("a time")))
        case "at":
            let timeRange = r.peek?.range
            let time = try atTime(&r)
            // Timed checks may stand anywhere (the agenda takes them in time order); events may not.
            if r.accept("expect") { return .expectation(time: time, try Self.check(&r)) }
            if time < previousEventAt {
                throw r.fail(.atTimeBackwards(time.description, previous: previousEventAt.description), at: timeRange)
            }
            previousEventAt = time
            return .event(time: time, try Self.event(&r))
        case "expect": return .expectation(time: nil, try Self.check(&r))
        default: return .load(try Self.load(&r))
        }
    }

    /// `T` or `+T` (from the previous `at` line, check or event).
    private mutating func atTime(_ r: inout LineReader) throws(Diagnostic) -> SimInstant {
        guard let token = r.peek, token.kind == .word else { throw r.expected("a time") }
        let time: SimInstant
        if token.text.hasPrefix("+") {
            guard let delta = DurationSyntax.parse(String(token.text.dropFirst())) else {
                throw r.fail(DurationSyntax.problem(with: String(token.text.dropFirst())))
            }
            // Checked where the sum is formed: relative times add up, and past the limit the
            // engine's sums (a deadline, a retry) could overflow.
            guard delta.milliseconds <= DurationSyntax.durationMax.milliseconds - previousAt.milliseconds else {
                throw r.fail(.timeTooLate(token.text, limit: DurationSyntax.durationMaxText), at: token.range)
            }
            time = previousAt + delta
        } else {
            time = SimInstant.start + (try r.duration("a time"))
        }
        if token.text.hasPrefix("+") { _ = r.advance() }
        previousAt = time
        return time
    }

    /// Every setting a `set` line may name.
    static let settingWords = [
        "bubble", "email", "push", "email-after", "customer-messages", "email-batch", "mention-email", "view-timeout",
        "chat-capacity",
    ]

    /// `set NAME|everyone bubble|email|push on|off`, `set NAME|everyone email-after D`,
    /// `set NAME|everyone customer-messages all|mine|none`, or `set NAME|everyone mention-email now|normal`.
    static func setting(_ r: inout LineReader) throws(Diagnostic) -> Statement.Kind {
        if r.accept("customers") { return .customersSetting(try settingChange(&r)) }
        let target = r.accept("everyone") ? nil : try r.name("a user name, 'everyone' or 'customers'")
        let change = try settingChange(&r)
        return .setting(target, change)
    }

    static func settingChange(_ r: inout LineReader) throws(Diagnostic) -> SettingChange {
        let key = try r.choice(settingWords, what: "setting", listing: true)
        if key == "email-after" { return .emailAfter(try r.duration()) }
        if key == "email-batch" { return .emailBatch(try r.duration()) }
        if key == "view-timeout" { return .viewTimeout(r.accept("none") ? nil : try r.duration("a duration or 'none'")) }
        if key == "chat-capacity" { return .chatCapacity(r.accept("unlimited") ? nil : try r.integer("a number of chats or 'unlimited'")) }
        if key == "customer-messages" {
            let scope = try r.choice(CustomerMessages.allCases.map(\.rawValue), what: "scope", listing: true)
            return .customerMessages(CustomerMessages(rawValue: scope) ?? .mine)
        }
        if key == "mention-email" {
            let when = try r.choice(MentionEmail.allCases.map(\.rawValue), what: "value", listing: true)
            return .mentionEmail(MentionEmail(rawValue: when) ?? .normal)
        }
        let on = try r.choice(["on", "off"], what: "value") == "on"
        switch key {
        case "bubble": return .bubble(on)
        case "email": return .email(on)
        default: return .push(on)
        }
    }

    /// `chat routing broadcast|first-free|least-busy` (after `chat`).
    static func chatRouting(_ r: inout LineReader) throws(Diagnostic) -> ChatRouting {
        try r.expect("routing")
        let word = try r.choice(ChatRouting.allCases.map(\.name), what: "routing", listing: true)
        return ChatRouting.allCases.first { $0.name == word } ?? .broadcast
    }

    /// Whether a top-level `customers …` line is issue 23's patience rather than v2's declaration
    /// of customers (who may be named `wait`, `at`, `most` or `forever`): only the whole line
    /// `customers wait forever`, or `customers wait at most D…` with D starting with a digit (a
    /// duration, checked as one: no name starts with a digit). `customers wait at lou` declares
    /// three customers, as in v2.
    static func isCustomerPatience(_ r: LineReader) -> Bool {
        func word(_ ahead: Int) -> String? { r.peek(ahead: ahead).flatMap { $0.kind == .word ? $0.text : nil } }
        guard word(0) == "wait" else { return false }
        if word(1) == "forever" { return r.peek(ahead: 2) == nil }
        // A name starts with a letter, so no v2 declaration has a digit here.
        guard word(1) == "at", word(2) == "most", let duration = word(3) else { return false }
        return duration.first?.isASCII == true && duration.first?.isNumber == true
    }

    /// `customers wait at most D | forever` (after `customers`).
    static func customerPatience(_ r: inout LineReader) throws(Diagnostic) -> SimDuration? {
        try r.expect("wait")
        if r.accept("forever") { return nil }
        try r.expect("at")
        try r.expect("most")
        return try r.duration("a duration or 'forever'")
    }

    /// `channel CH latency D | down A..B | rate N/s|m|h | rate none`.
    static func channel(_ r: inout LineReader) throws(Diagnostic) -> Statement.Kind {
        let kind = try channelKind(&r)
        if r.accept("bounce") { return .channelBounce(kind, try r.name("a person's name")) }
        return .channel(kind, try channelChange(&r))
    }

    static func channelKind(_ r: inout LineReader) throws(Diagnostic) -> ChannelKind {
        guard let word = r.peekWord else { throw r.expected("a channel (\(ChannelKind.namesListed))") }
        guard let kind = ChannelKind(word: word) else {
            throw r.fail(.unknownChannel(word, suggestion: EditDistance.suggestion(for: word, among: ChannelKind.words)))
        }
        _ = r.advance()
        return kind
    }

    static func channelChange(_ r: inout LineReader) throws(Diagnostic) -> ChannelChange {
        switch try r.choice(["latency", "down", "rate", "jitter", "bounce"], what: "channel setting") {
        case "latency":
            return .latency(try r.duration())
        case "jitter":
            let jitter = try r.duration()
            var seed: UInt64 = 0
            if r.accept("seed") {
                guard let word = r.peekWord, let value = UInt64(word) else { throw r.expected("a seed (a whole number)") }
                _ = r.advance()
                seed = value
            }
            return .jitter(jitter, seed: seed)
        case "down":
            guard let token = r.peek, token.kind == .word else { throw r.expected("an outage window 'A..B'") }
            let parts = token.text.split(separator: "..", omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 2 else { throw r.fail(.invalidDuration(token.text)) }
            guard let from = DurationSyntax.parse(parts[0]) else { throw r.fail(DurationSyntax.problem(with: parts[0])) }
            guard let until = DurationSyntax.parse(parts[1]) else { throw r.fail(DurationSyntax.problem(with: parts[1])) }
            guard from < until else { throw r.fail(.emptyDownWindow(token.text)) }
            _ = r.advance()
            return .down(DownWindow(from: .start + from, until: .start + until))
        default:
            return .rate(try rate(&r))
        }
    }

    static func rate(_ r: inout LineReader) throws(Diagnostic) -> Rate? {
        guard let token = r.peek, token.kind == .word else { throw r.expected("a rate such as '100/s'") }
        _ = r.advance()
        if token.text == "none" { return nil }
        let parts = token.text.split(separator: "/", omittingEmptySubsequences: false)
        let windows: [Substring: SimDuration] = ["s": .seconds(1), "m": .minutes(1), "h": .hours(1)]
        guard parts.count == 2, parts[0].allSatisfy(\.isNumber), let count = Int(parts[0]), count >= 1,
              count <= 1_000_000_000, let window = windows[parts[1]]
        else { throw r.fail(.invalidRate(token.text), at: token.range) }
        return Rate(count: count, window: window)
    }

    /// `ticket|task|project NAME ["title"] [followers NAMES]`.
    static func item(_ kind: ItemKind, _ r: inout LineReader) throws(Diagnostic) -> Statement.Kind {
        let name = try r.name("an item name")
        let title = r.peek?.kind == .string ? try r.string("a title") : ""
        var followers: [Name] = []
        if !r.atEnd {
            try r.expect("followers")
            followers = try r.names("a follower's name")
        }
        return .item(kind, name, title: title, followers: followers)
    }
}

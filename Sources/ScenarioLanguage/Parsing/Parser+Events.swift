import OmniSim

extension Parser {
    static let eventVerbs = [
        "logs", "joins", "leaves", "views", "starts", "drafts", "sends", "cancels", "writes", "notes", "emails",
        "adds", "removes", "follows", "unfollows", "closes", "reopens", "stops", "takes", "links", "sets",
    ]
    static let timedKeywords = ["set", "channel", "mobile", "expect", "chat", "customers"]

    /// The event of an `at T` line: `set`, `channel`, `mobile`, or `NAME verb …`.
    static func event(_ r: inout LineReader) throws(Diagnostic) -> EventNode {
        guard let first = r.peek, first.kind == .word else { throw r.expected("an event") }
        switch first.text {
        case "set":
            _ = r.advance()
            switch try setting(&r) {
            case .setting(let target, let change): return .setting(target, change)
            case .customersSetting(let change): return .customersSetting(change)
            default: throw r.expected("a setting")
            }
        case "chat" where r.peek(ahead: 1)?.text == "routing":
            _ = r.advance()
            return .chatRouting(try chatRouting(&r))
        case "customers" where r.peek(ahead: 1)?.text == "wait":
            _ = r.advance()
            return .customerPatience(try customerPatience(&r))
        case "channel":
            _ = r.advance()
            switch try channel(&r) {
            case .channel(let kind, let change): return .channel(kind, change)
            case .channelBounce(let kind, let name): return .channelBounce(kind, name)
            default: throw r.expected("a channel")
            }
        case "mobile":
            _ = r.advance()
            return .mobile(try r.names("a user name"))
        default:
            break
        }
        let subjectToken = first
        let subject = try r.name("a person's name")
        guard let verb = r.peekWord, eventVerbs.contains(verb) else {
            // `at 5m expct email …`: the first word, not the second, is the likely typo.
            if let keyword = EditDistance.suggestion(for: subjectToken.text, among: timedKeywords) {
                throw r.fail(.unknownEvent(subjectToken.text, suggestion: keyword), at: subjectToken.range)
            }
            // `at 5m starts conversation …`: an event word where the person should be.
            if eventVerbs.contains(subjectToken.text) {
                throw r.fail(.eventNeedsPerson(subjectToken.text), at: subjectToken.range)
            }
            guard let word = r.peekWord else { throw r.expected("an event after '\(subject.text)'") }
            throw r.fail(.unknownEvent(word, suggestion: Self.eventWordSuggestion(for: word)))
        }
        _ = r.advance()
        return try personEvent(subject, verb: verb, &r)
    }

    /// The event word nearest to a misspelt `word`, from ``eventVerbs`` — the table the parser
    /// accepts event words from, so a word added to it is suggested too.
    static func eventWordSuggestion(for word: String) -> String? {
        EditDistance.suggestion(for: word, among: eventVerbs)
    }

    /// `team NAME` after `to`/`from` (v2); a thread named `team` stays a thread when nothing follows.
    private static func teamTarget(_ r: inout LineReader) throws(Diagnostic) -> Name? {
        guard r.peekWord == "team", r.peek(ahead: 1) != nil else { return nil }
        _ = r.advance()
        return try r.name("a team name")
    }

    private static func personEvent(_ subject: Name, verb: String, _ r: inout LineReader) throws(Diagnostic) -> EventNode {
        switch verb {
        case "logs":
            return try r.choice(["in", "out"], what: "word") == "in" ? .logIn(subject) : .logOut(subject)
        case "joins":
            try r.expect("chat")
            return .joinChat(subject)
        case "leaves":
            try r.expect("chat")
            return .leaveChat(subject)
        case "views":
            let thread = try r.name("a thread name")
            if r.accept("on") {
                try r.expect("mobile")
                return .viewOnMobile(subject, thread: thread)
            }
            return .view(subject, thread: thread)
        case "starts", "drafts":
            // v3: `internal conversation` is a user conversation, written as OneDesk's help says it.
            let isCustomer = r.accept("customer")
            let isInternal = !isCustomer && r.accept("internal")
            if !r.accept("conversation") {
                // `starts internl conversation`: before the kind is given, the likely typo is of a kind.
                let words = isCustomer || isInternal ? ["conversation"] : ["conversation", "customer", "internal"]
                if let word = r.peekWord, let suggestion = EditDistance.suggestion(for: word, among: words) {
                    throw r.fail(.unknownKeyword(word, expected: "word", suggestion: suggestion))
                }
                throw r.expected("'conversation'")
            }
            let thread = try r.name("a conversation name")
            let with = r.accept("with") ? try r.names("a participant's name", stopBeforeItem: true) : []
            let item = r.accept("on") ? try r.name("an item name") : nil
            if verb == "drafts" { return .draft(author: subject, thread: thread, isCustomer: isCustomer, with: with, on: item) }
            let text = try r.string("the message text in quotes")
            return .start(author: subject, thread: thread, isCustomer: isCustomer, with: with, on: item, text: text)
        case "stops":
            try r.expect("viewing")
            return .stopViewing(subject, thread: try r.name("a thread name"))
        case "takes":
            return .take(subject, thread: try r.name("a customer conversation's name"))
        case "links":
            let thread = try r.name("a conversation name")
            try r.expect("to")
            return .link(by: subject, thread: thread, item: try r.name("an item name"))
        case "sets":
            let target: SetTarget
            if r.accept("everyone") {
                target = .everyone
            } else if r.accept("customers") {
                target = .customers
            } else {
                target = .person(try r.name("a person's name, 'everyone' or 'customers'"))
            }
            return .sets(by: subject, target: target, try settingChange(&r))
        case "sends":
            let thread = try r.name("a draft's name")
            return .send(author: subject, thread: thread, text: try r.string("the message text in quotes"))
        case "cancels": return .cancel(author: subject, thread: try r.name("a draft's name"))
        case "writes":
            try r.expect("to")
            let thread = try r.name("a thread name")
            return .write(author: subject, thread: thread, text: try r.string("the message text in quotes"), route: .app)
        case "emails":
            let thread = try r.name("a thread name")
            return .write(author: subject, thread: thread, text: try r.string("the message text in quotes"), route: .email)
        case "notes":
            let thread = try r.name("an item name")
            return .note(author: subject, thread: thread, text: try r.string("the note text in quotes"))
        case "adds":
            let people = try r.names("a person's name", stop: ["to"])
            try r.expect("to")
            if let team = try teamTarget(&r) { return .joinTeam(by: subject, people: people, team: team) }
            return .add(by: subject, people: people, thread: try r.name("a thread name"))
        case "removes":
            let people = try r.names("a person's name", stop: ["from"])
            try r.expect("from")
            if let team = try teamTarget(&r) { return .leaveTeam(by: subject, people: people, team: team) }
            return .remove(by: subject, people: people, thread: try r.name("a thread name"))
        case "follows": return .follow(subject, thread: try r.name("an item name"))
        case "unfollows": return .unfollow(subject, thread: try r.name("an item name"))
        case "closes": return .close(subject, thread: try r.name("a conversation name"))
        default: return .reopen(subject, thread: try r.name("a conversation name"))
        }
    }
}

import OmniSim

extension Parser {
    /// The check of an `expect` line.
    static func check(_ r: inout LineReader) throws(Diagnostic) -> CheckNode {
        guard let first = r.peek, first.kind == .word else { throw r.expected("a check") }
        if first.text.first == "-", first.text.dropFirst().first?.isNumber == true {
            throw r.fail(.negativeCount(first.text), at: first.range)
        }
        if first.text == "error" {
            _ = r.advance()
            return .error(try r.string("the error text in quotes"))
        }
        if let channel = ChannelKind(word: first.text) {
            if channel == .chat, let chatCheck = try chatCheck(&r) { return chatCheck }
            if r.peek(ahead: 1)?.text == "backlog" {
                _ = r.advance(); _ = r.advance()
                if r.accept("at") {
                    let bound = try r.choice(["most", "least"], what: "word")
                    let n = try r.integer("a number")
                    return .backlogBound(channel, bound == "most" ? .atMost(n) : .atLeast(n))
                }
                return .backlog(channel, try r.integer("a number"))
            }
            if r.peek(ahead: 1)?.text == "pending" {
                _ = r.advance(); _ = r.advance()
                return .pending(channel, try r.integer("a number"))
            }
            if r.peek(ahead: 1)?.text == "delay" {
                _ = r.advance(); _ = r.advance()
                if let word = r.peekWord, word.hasPrefix("p"), word.dropFirst().allSatisfy(\.isNumber), word.count > 1 {
                    guard let percent = Int(word.dropFirst()), [50, 90, 95, 99].contains(percent) else {
                        throw r.fail(.unknownPercentile(word))
                    }
                    _ = r.advance()
                    try r.expect("at")
                    try r.expect("most")
                    return .delayPercentile(channel, percent: percent, atMost: try r.duration())
                }
                try r.expect("at")
                try r.expect("most")
                return .delayAtMost(channel, try r.duration())
            }
        }
        if first.text == "no" || first.text == "at" || first.text.first?.isNumber == true || ChannelKind(word: first.text) != nil {
            return try delivery(&r)
        }
        let subject = try r.name("a check")
        let checkWords = ["bubble", "unread", "inbox", "can", "cannot", "sees", "participants", "followers", "handles"]
        if !(r.peekWord.map(checkWords.contains) ?? false) {
            // `expect emial to bob`: the first word is the likely typo, of a channel.
            if let channel = EditDistance.suggestion(for: subject.text, among: ChannelKind.words) {
                throw r.fail(.unknownChannel(subject.text, suggestion: channel), at: subject.range)
            }
        }
        let word = try r.choice(checkWords, what: "check")
        switch word {
        case "bubble":
            if let bound = try countBound(&r) { return .bubbleBound(subject, bound) }
            return .bubble(subject, try r.integer("a number"))
        case "unread":
            if let bound = try countBound(&r) { return .unreadBound(subject, bound) }
            return .unread(subject, try r.integer("a number"))
        case "inbox":
            let view = InboxView(rawValue: try r.choice(InboxView.allCases.map(\.rawValue), what: "view")) ?? .internal
            let lists: Bool
            if r.accept("lists") {
                lists = true
            } else {
                try r.expect("does")
                try r.expect("not")
                try r.expect("list")
                lists = false
            }
            return .inbox(subject, view, thread: try r.name("a thread name"), lists: lists)
        case "sees":
            return .seesText(subject, text: try r.string("a message's text in quotes"), true)
        case "handles":
            return try chatsHandled(subject, &r)
        case "can", "cannot":
            try r.expect("see")
            if r.peek?.kind == .string { return .seesText(subject, text: try r.string("a message's text in quotes"), word == "can") }
            return .canSee(subject, thread: try r.name("a thread name"), word == "can")
        default:
            return .participants(thread: subject, try r.names("a person's name"))
        }
    }

    /// Issue 23's checks that start with `chat`/`chats`: `chat wait p50|p95|p99|max at most D`,
    /// `chats waiting at most|at least N`, `chats waiting N`; nil when the line is a delivery check.
    static func chatCheck(_ r: inout LineReader) throws(Diagnostic) -> CheckNode? {
        switch r.peek(ahead: 1)?.text {
        case "wait":
            _ = r.advance(); _ = r.advance()
            let word = try r.choice(["p50", "p95", "p99", "max"], what: "chat wait measure", listing: true)
            try r.expect("at")
            try r.expect("most")
            return .chatWait(percent: word == "max" ? nil : Int(word.dropFirst()), atMost: try r.duration())
        case "waiting":
            _ = r.advance(); _ = r.advance()
            if r.accept("at") {
                let bound = try r.choice(["most", "least"], what: "word")
                let n = try r.integer("a number of chats")
                return .chatsWaiting(bound == "most" ? .atMost(n) : .atLeast(n))
            }
            return .chatsWaiting(.exactly(try r.integer("a number of chats, or 'at most N' / 'at least N'")))
        default:
            return nil
        }
    }

    /// `NAME handles at most N chats [per D]` (after `handles`).
    static func chatsHandled(_ agent: Name, _ r: inout LineReader) throws(Diagnostic) -> CheckNode {
        try r.expect("at")
        try r.expect("most")
        let n = try r.integer("a number of chats")
        _ = try r.choice(["chats", "chat"], what: "word")
        var per: SimDuration?
        if r.accept("per") {
            let token = r.peek
            per = try r.duration("a window such as '1h'")
            if per == .zero { throw r.fail(.expected("a window longer than 0s", found: token?.text), at: token?.range) }
        }
        return .chatsHandled(agent, atMost: n, per: per)
    }

    /// `[no | N | at least N | at most N] CHANNEL [to NAME] ["text"] [before T | after T]`.
    static func delivery(_ r: inout LineReader) throws(Diagnostic) -> CheckNode {
        let count: DeliveryCheck.Count
        if r.accept("no") {
            count = .exactly(0)
        } else if r.accept("at") {
            let bound = try r.choice(["least", "most"], what: "word")
            let n = try r.integer("a number")
            count = bound == "least" ? .atLeast(n) : .atMost(n)
            if r.peekWord == "at", let second = r.peek(ahead: 1)?.text, second == "least" || second == "most",
               let number = r.peek(ahead: 2)?.text, let m = Int(number) {
                let (low, high) = bound == "least" ? (n, m) : (m, n)
                throw r.fail(.twoCounts(bound, n, second, m, possible: low <= high))
            }
        } else if r.peekWord?.first?.isNumber == true {
            count = .exactly(try r.integer("a number"))
        } else {
            count = .atLeast(1)
        }
        let channel = try channelKind(&r)
        if channel == .chat, r.peekWord == "abandoned" {
            _ = r.advance()
            // `no chats abandoned` is `at most 0`; a bare `chats abandoned`, at least one.
            return .chatsAbandoned(count == .exactly(0) ? .atMost(0) : count)
        }
        var to: Name?
        // `to each user|customer|person`: `each` is a keyword only when one of those words follows.
        if r.peekWord == "to", r.peek(ahead: 1)?.text == "each",
           let kindWord = r.peek(ahead: 2)?.text, ["user", "customer", "person"].contains(kindWord) {
            let start = r.peek?.range
            _ = r.advance(); _ = r.advance(); _ = r.advance()
            let kind: PersonKind? = kindWord == "user" ? .user : kindWord == "customer" ? .customer : nil
            var per: SimDuration?
            if r.accept("per") { per = try r.duration() }
            let max: Int
            switch count {
            case .atMost(let n): max = n
            case .exactly(0): max = 0
            default: throw r.fail(.eachNeedsAtMost(), at: start)
            }
            return .perPerson(channel, kind: kind, max: max, per: per)
        }
        if r.accept("to") { to = try r.name("a person's name") }
        let text = r.peek?.kind == .string ? try r.string("a text") : nil
        var window: DeliveryCheck.Window?
        if let word = r.peekWord, word == "before" || word == "after" {
            _ = r.advance()
            let time = SimInstant.start + (try r.duration("a time"))
            window = word == "before" ? .before(time) : .after(time)
        }
        return .delivery(count: count, channel: channel, to: to, text: text, window: window)
    }

    /// `load [NAME] seed S users U|from TEAM|everyone customers K conversations C messages M over D
    /// [from T] [shape flat|workday]`, fields in any order.
    static func load(_ r: inout LineReader) throws(Diagnostic) -> LoadNode {
        let fields = ["seed", "users", "customers", "conversations", "messages", "over", "from", "shape", "chats", "handled", "agents"]
        var chatRate: (Int, SimDuration)?, handled: (SimDuration, Bool)?, agents: Int?
        var name: Name?
        if let word = r.peekWord, !fields.contains(word) { name = try r.name("a load name or a 'load' field") }
        var values: [String: Int] = [:]
        var over: SimDuration?, from: SimDuration?
        var seed: UInt64?
        var shape: LoadShape?
        var usersFrom: LoadNode.UsersFrom?
        while !r.atEnd {
            let token = r.peek
            let field = try r.choice(fields, what: "'load' field", listing: true)
            let given = values[field] != nil || (field == "over" && over != nil) || (field == "seed" && seed != nil)
                || (field == "from" && from != nil) || (field == "shape" && shape != nil) || (field == "users" && usersFrom != nil)
                || (field == "chats" && chatRate != nil) || (field == "handled" && handled != nil) || (field == "agents" && agents != nil)
            if given { throw r.fail(.duplicateLoadField(field), at: token?.range) }
            switch field {
            case "chats":
                let rateToken = r.peek
                let rate = try r.integer("a number of chats", max: LoadLimits.chatsMax)
                guard rate > 0 else { throw r.fail(.expected("a number of chats above 0, as in 'chats 40 per 1h'", found: rateToken?.text), at: rateToken?.range) }
                try r.expect("per")
                let perToken = r.peek
                let per = try r.duration("a window such as '1h'")
                guard per > .zero else { throw r.fail(.expected("a window longer than 0s, as in 'chats 40 per 1h'", found: perToken?.text), at: perToken?.range) }
                chatRate = (rate, per)
            case "handled":
                try r.expect("in")
                let time = try r.duration("a handling time")
                handled = (time, r.accept("fixed"))
            case "agents":
                agents = try r.integer("a number of agents", max: LoadLimits.peopleMax)
            case "over": over = try r.duration()
            case "from": from = try r.duration("a time")
            case "shape":
                let word = try r.choice(LoadShape.allCases.map(\.rawValue), what: "load shape", listing: true)
                shape = LoadShape(rawValue: word) ?? .flat
            case "seed":
                guard let word = r.peekWord, let value = UInt64(word) else { throw r.expected("a seed (a whole number)") }
                _ = r.advance()
                seed = value
            case "users" where r.accept("from"):
                usersFrom = r.accept("everyone") ? .everyone : .team(try r.name("a team name or 'everyone'"))
            default: values[field] = try r.integer("a number", max: LoadLimits.countMax(field))
            }
        }
        guard let seed else { throw r.fail(.loadMissingField("seed")) }
        guard let over else { throw r.fail(.loadMissingField("over")) }
        if chatRate != nil || handled != nil || agents != nil {
            return try chatLoad(&r, seed: seed, over: over, rate: chatRate, handled: handled, agents: agents, others: values, usersFrom: usersFrom, name: name, from: from, shape: shape)
        }
        for field in ["users", "customers", "conversations", "messages"] where values[field] == nil {
            if field == "users" && usersFrom != nil { continue }
            throw r.fail(.loadMissingField(field))
        }
        let start = SourceRange(line: r.lineNumber, column: 1)
        if (values["conversations"] ?? 0) > 0 && (values["users"] ?? 0) + (values["customers"] ?? 0) == 0 && usersFrom == nil {
            throw r.fail(.loadNeeds("conversations", "at least one user or customer"), at: start)
        }
        if (values["messages"] ?? 0) > 0 && (values["conversations"] ?? 0) == 0 {
            throw r.fail(.loadNeeds("messages", "at least one conversation"), at: start)
        }
        if (values["messages"] ?? 0) > 0 && over == .zero {
            throw r.fail(.loadNeeds("messages", "a duration longer than 0s"), at: start)
        }
        if let from, from.milliseconds > DurationSyntax.durationMax.milliseconds - over.milliseconds {
            throw r.fail(.timeTooLate("from + over", limit: DurationSyntax.durationMaxText), at: start)
        }
        var node = LoadNode(
            seed: seed, users: values["users"] ?? 0, customers: values["customers"] ?? 0,
            conversations: values["conversations"] ?? 0, messages: values["messages"] ?? 0, over: over)
        node.name = name
        node.from = from ?? .zero
        node.shape = shape ?? .flat
        node.usersFrom = usersFrom
        return node
    }
}

extension Parser {
    /// Issue 23: `load [NAME] seed S chats R per D handled in D [fixed] agents N|users from TEAM|everyone
    /// over D [from T] [shape flat|workday]`, fields in any order; no users, customers,
    /// conversations or messages of the other loads.
    static func chatLoad(
        _ r: inout LineReader, seed: UInt64, over: SimDuration, rate: (Int, SimDuration)?, handled: (SimDuration, Bool)?, agents: Int?,
        others: [String: Int], usersFrom: LoadNode.UsersFrom?, name: Name?, from: SimDuration?, shape: LoadShape?
    ) throws(Diagnostic) -> LoadNode {
        let start = SourceRange(line: r.lineNumber, column: 1)
        guard let rate else { throw r.fail(.loadMissingField("chats"), at: start) }
        guard let handled else { throw r.fail(.loadMissingField("handled"), at: start) }
        if let other = ["users", "customers", "conversations", "messages"].first(where: { others[$0] != nil }) {
            throw r.fail(.chatLoadField(other), at: start)
        }
        guard (agents != nil) != (usersFrom != nil) else { throw r.fail(.chatLoadAgents(), at: start) }
        let expected = Double(rate.0) * Double(over.milliseconds) / Double(rate.1.milliseconds)
        guard expected <= Double(LoadLimits.chatsMax) else { throw r.fail(.chatLoadTooMany(LoadLimits.chatsMax), at: start) }
        if let from, from.milliseconds > DurationSyntax.durationMax.milliseconds - over.milliseconds {
            throw r.fail(.timeTooLate("from + over", limit: DurationSyntax.durationMaxText), at: start)
        }
        var node = LoadNode(seed: seed, users: 0, customers: 0, conversations: 0, messages: 0, over: over)
        node.name = name
        node.from = from ?? .zero
        node.shape = shape ?? .flat
        node.usersFrom = usersFrom
        node.chat = LoadNode.ChatLoad(rate: rate.0, per: rate.1, handling: handled.0, fixed: handled.1, agents: agents ?? 0)
        return node
    }
}

/// The largest numbers a `load` line may ask for (see docs/limits.md).
public enum LoadLimits {
    /// Issue 23: the most chats a chat load may expect (rate × over / per).
    public static let chatsMax = 1_000_000
    public static let peopleMax = 10_000_000
    public static let conversationsMax = 10_000_000
    public static let messagesMax = 100_000_000

    static func countMax(_ field: String) -> Int {
        switch field {
        case "users", "customers": peopleMax
        case "conversations": conversationsMax
        default: messagesMax
        }
    }
}

import OmniSim

/// Every diagnostic the language gives, in alphabetical order of the property name.
extension DiagnosticMessage {
    static func atTimeBackwards(_ time: String, previous: String) -> Self {
        .init("time \(time) is before the previous event's time \(previous); events never go back in time (timed checks may)")
    }
    static let byteOrderMark = Self(
        "byte order mark (U+FEFF); save the file as UTF-8 without a byte order mark")
    static func certainRejection(_ name: String, time: String) -> Self {
        .init("'\(name)' is no person, thread or team of this file: this event will be rejected at \(time), and no 'at \(time) expect error' matches it")
    }
    static func certainlyRejected(_ reason: String, time: String) -> Self {
        .init("\(reason): this event will be rejected at \(time), and no 'at \(time) expect error' matches it")
    }
    static func chatAgentIsNoUser(_ name: String, what: String) -> Self {
        .init("'\(name)' is \(what); only users handle chats ('NAME handles at most N chats' names a user)")
    }
    static func chatHandledTwice(_ name: String) -> Self {
        .init("'chat \(name) handled in' is given twice; a chat has one handling time")
    }
    static func chatLoadAgents() -> Self {
        .init("a chat load takes its agents from 'agents N' or 'users from TEAM|everyone' (one of the two)")
    }
    static func chatLoadField(_ field: String) -> Self {
        .init("a chat load ('chats R per D') has no '\(field)'; its customers and chats come one per chat, its agents from 'agents N' or 'users from'")
    }
    static func chatLoadTooMany(_ limit: Int) -> Self {
        .init("this chat load expects more than \(limit.withThousandsSeparators) chats (chats × over ÷ per); a chat load has at most \(limit.withThousandsSeparators)")
    }
    static func customerHasNoViews(_ name: String) -> Self {
        .init("'\(name)' is a customer; customers have no Messenger, views, bubble or unread count")
    }
    static func duplicateDeclaration(_ name: String) -> Self { .init("'\(name)' is already declared") }
    static func duplicateEndAt() -> Self { .init("'end at' is given twice") }
    static func duplicateLoadField(_ word: String) -> Self { .init("'\(word)' is given twice in 'load'") }
    static func emptyDownWindow(_ text: String) -> Self {
        .init("down window '\(text)' is empty; its end must come after its start")
    }
    static func errorCheckNeedsTime() -> Self {
        .init("an 'expect error' check needs a time: write 'at T expect error \"…\"'")
    }
    static func eachNeedsAtMost() -> Self {
        .init("'to each' takes 'at most N' or 'no', as in 'at most 20 emails to each user per 1h'")
    }
    static func eventNeedsPerson(_ verb: String) -> Self {
        .init("expected a person's name before '\(verb)', as in 'at 5m alice \(verb) …'")
    }
    static let everyoneIsKeyword = Self(
        "'everyone' is a keyword ('set everyone …'), not a name")
    static func expected(_ what: String, found: String?) -> Self {
        .init("expected \(what)\(found.map { ", found '\($0)'" } ?? "")")
    }
    static func extraInput(_ word: String) -> Self { .init("unexpected '\(word)' at the end of the statement") }
    static func invalidDuration(_ text: String) -> Self {
        .init("invalid duration '\(text)'; write one or more <integer><unit> with units d, h, m, s, ms, as in '1m30s'")
    }
    static func durationTooLong(_ text: String, limit: String) -> Self {
        .init("duration '\(text)' is longer than the limit of \(limit)")
    }
    static func invalidName(_ text: String) -> Self {
        .init("invalid name '\(text)'; a name starts with a letter and has letters, digits, '_', '.' or '-'")
    }
    static func invalidRate(_ text: String) -> Self {
        .init("invalid rate '\(text)'; write N/s, N/m or N/h with N at least 1, or 'none'")
    }
    static func lineTooLong(limit: Int) -> Self { .init("line is longer than \(limit) bytes") }
    static let loneCarriageReturn = Self(
        "carriage return ('\\r') that does not end a line; lines end with '\\n' or '\\r\\n'")
    static func loadTooCostly(_ cost: LoadCost) -> Self { .init(tooCostly(cost, "this 'load' would", loads: true)) }
    static func loadMissingField(_ word: String) -> Self { .init("'load' needs '\(word)'") }
    static func loadNeeds(_ what: String, _ requirement: String) -> Self {
        .init("'load' with \(what) needs \(requirement)")
    }
    static func messagesTooCostly(_ cost: LoadCost) -> Self { .init(tooCostly(cost, "with this line the run would", loads: false)) }
    static let notUTF8 = Self("this line is not UTF-8 text; save the file as UTF-8")
    static func nameIsPerson(_ name: String) -> Self {
        .init("'\(name)' is a person, not a thread")
    }
    static func unnamedLoad() -> Self {
        .init("several 'load' lines need a name each, as in 'load peak seed 3 …' (its people are then 'peak.u1', 'peak.k1'…)")
    }
    static func unknownTeam(_ name: String) -> Self { .init("unknown team '\(name)'") }
    static func nameIsTeam(_ name: String) -> Self {
        .init("'\(name)' is a team, not a thread")
    }
    static func teamNotPerson(_ name: String) -> Self {
        .init("'\(name)' is a team; a person is expected here (a team stands only where a thread's members are listed)")
    }
    static func teamActs(_ name: String) -> Self {
        .init("'\(name)' is a team; a team never acts, and has no settings or mobile app")
    }
    static func customerInTeam(_ name: String) -> Self {
        .init("only users can be members of a team; '\(name)' is a customer")
    }
    static func nameTaken(_ name: String) -> Self { .init("the name '\(name)' is already taken") }
    static func negativeCount(_ text: String) -> Self {
        .init("count '\(text)' is negative; a count is a whole number from 0")
    }
    static func nonASCIIName(_ character: String) -> Self {
        .init("names are ASCII; '\(character)' cannot be part of a name")
    }
    static func numberTooLarge(_ text: String, limit: Int) -> Self {
        .init("number '\(text)' is too large; the limit is \(limit)")
    }
    static func scenarioNotFirst() -> Self { .init("'scenario' must be the first statement of the file") }
    static func settingOnCustomer(_ name: String) -> Self {
        .init("settings and 'mobile' apply to users only; '\(name)' is a customer")
    }
    /// v3: a customer has `email`, `email-after` and `email-batch` only.
    static func settingNotForCustomers(_ setting: String, who: String) -> Self {
        // `set customers …` names them all: "customers have only …".
        let whose = who == "customers" ? "customers have" : "a customer (\(who)) has"
        return .init("'\(setting)' applies to users only; \(whose) only 'email', 'email-after' and 'email-batch'")
    }
    /// v3 `admin NAMES`: users only.
    static func adminNotUser(_ name: String, what: String) -> Self {
        .init("'\(name)' is \(what); only users can be admins")
    }
    static func timedWindowOnTimedCheck() -> Self {
        .init("'before' and 'after' go only on untimed delivery checks; an 'at T' check reads deliveries at T")
    }
    static func timeTooLate(_ text: String, limit: String) -> Self {
        .init("time '\(text)' ends past the limit of \(limit) since the start")
    }
    static func tooMany(_ what: String, limit: Int) -> Self { .init("too many \(what); the limit is \(limit)") }
    static func twoCounts(_ first: String, _ n: Int, _ second: String, _ m: Int, possible: Bool) -> Self {
        .init("a check takes one count, not 'at \(first) \(n) at \(second) \(m)'"
            + (possible ? "; write two checks" : "; no count is both, so it could never hold"))
    }
    static func unknownChannel(_ word: String, suggestion: String?) -> Self {
        .init("unknown channel '\(word)'\(suggestion.map { "; did you mean '\($0)'?" } ?? "")")
    }
    static func unknownEscape(_ c: String) -> Self {
        .init("unknown escape '\\\(c)' in string; use '\\\"', '\\\\' or '\\n'")
    }
    static func unknownEvent(_ word: String, suggestion: String?) -> Self {
        .init("unknown event '\(word)'\(suggestion.map { "; did you mean '\($0)'?" } ?? "")")
    }
    static func unknownKeyword(_ word: String, expected: String, suggestion: String?) -> Self {
        .init("unknown \(expected) '\(word)'\(suggestion.map { "; did you mean '\($0)'?" } ?? "")")
    }
    static func unknownKeyword(_ word: String, expected: String, suggestion: String?, among choices: [String]) -> Self {
        .init("unknown \(expected) '\(word)'\(suggestion.map { "; did you mean '\($0)'?" } ?? "")"
            + " (\(expected)s: " + choices.map { "'\($0)'" }.joined(separator: ", ") + ")")
    }
    static func unknownPercentile(_ word: String) -> Self {
        .init("unknown percentile '\(word)' (percentiles: 'p50', 'p90', 'p95', 'p99')")
    }
    static func untimedOnly(_ what: String) -> Self {
        .init("\(what) reads the whole run: write it without 'at T'")
    }
    static func unknownPerson(_ name: String, suggestion: String?) -> Self {
        .init("unknown person '\(name)'\(suggestion.map { "; did you mean '\($0)'?" } ?? "")")
    }
    static func unknownStatement(_ word: String, suggestion: String?) -> Self {
        .init("unknown statement '\(word)'\(suggestion.map { "; did you mean '\($0)'?" } ?? "")")
    }
    static func unknownThread(_ name: String, suggestion: String?) -> Self {
        .init("unknown thread '\(name)'\(suggestion.map { "; did you mean '\($0)'?" } ?? "")")
    }
    static let unterminatedString = Self("unterminated string; a string ends with '\"' on the same line")
}

extension DiagnosticMessage {
    /// The figures of a run estimated past its limits (``LoadCost``): the deliveries and the memory
    /// over their limits, and what goes to users with `customer-messages all`; otherwise, for loads
    /// without fan-out, the memory or the events.
    static func tooCostly(_ cost: LoadCost, _ subject: String, loads: Bool) -> String {
        let tenths = Int((Double(cost.bytes) * 10 / Double(1 << 30)).rounded(.down))
        let gib = "\((tenths / 10).withThousandsSeparators).\(tenths % 10)"
        let limitGib = "\(LoadCost.bytesMax >> 30).0"
        let fanOut = cost.everyCustomerMessageDeliveries
        let deliveriesOver = cost.deliveries > LoadCost.deliveriesMax, bytesOver = cost.bytes > LoadCost.bytesMax
        guard deliveriesOver || (bytesOver && (fanOut > 0 || !loads)) else {
            if bytesOver {
                return "\(subject) need about \(gib) GiB of memory, over the limit of \(limitGib) GiB for a run's loads; use fewer people, conversations or messages"
            }
            return "\(subject) generate about \(cost.events.withThousandsSeparators) events (presence changes and messages), over the limit of \(LoadCost.eventsMax.withThousandsSeparators) for a run's loads; use fewer people or a shorter 'over'"
        }
        var figures: [String] = [], limits: [String] = []
        if deliveriesOver {
            figures.append("make about \(cost.deliveries.withThousandsSeparators) deliveries (a message reaching one recipient)")
            limits.append("\(LoadCost.deliveriesMax.withThousandsSeparators) deliveries")
        }
        if bytesOver {
            figures.append("need about \(gib) GiB of memory")
            limits.append("\(limitGib) GiB")
        }
        var text = "\(subject) \(figures.joined(separator: " and ")), over the limit\(limits.count > 1 ? "s" : "") of \(limits.joined(separator: " and ")) for a run"
        if fanOut > 0 {
            text += "; \(fanOut.withThousandsSeparators) deliveries go to the \(cost.everyCustomerMessageUsers.withThousandsSeparators) users who may have 'customer-messages all'"
        }
        return text + (fanOut * 2 >= cost.deliveries
            ? "; use fewer customer messages or fewer users with 'customer-messages all'"
            : loads ? "; use fewer people, conversations or messages" : "; use fewer messages or fewer recipients (teams, followers, mentions)")
    }
}

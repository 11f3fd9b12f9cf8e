public import OmniSim

extension DeliveryCheck {
    /// The check in the language's words, with names from `cast`: `at least 2 emails to bob "plan"`.
    public func describe(cast: Cast) -> String {
        var words: [String] = []
        let plural: Bool
        switch count {
        case .atLeast(1): plural = false
        case .exactly(0): words.append("no"); plural = false
        case .exactly(let n): words.append(String(n)); plural = n != 1
        case .atLeast(let n): words.append("at least \(n)"); plural = true
        case .atMost(let n): words.append("at most \(n)"); plural = true
        }
        words.append(channel.word(plural: plural))
        if let recipient { words.append("to \(cast.name(of: recipient))") }
        if let text { words.append(quoted(text)) }
        switch window {
        case .before(let t): words.append("before \(t)")
        case .after(let t): words.append("after \(t)")
        case nil: break
        }
        return words.joined(separator: " ")
    }
}

extension PlannedCheck.Condition {
    /// The state check in the language's words.
    public func describe(cast: Cast) -> String {
        switch self {
        case .delivery(let check): check.describe(cast: cast)
        case .bubble(let p, let n): "\(cast.name(of: p)) bubble \(n)"
        case .unread(let p, let n): "\(cast.name(of: p)) unread \(n)"
        case .bubbleBound(let p, let bound): "\(cast.name(of: p)) bubble \(bound.words)"
        case .unreadBound(let p, let bound): "\(cast.name(of: p)) unread \(bound.words)"
        case .inbox(let p, let view, let t, let lists):
            "\(cast.name(of: p)) inbox \(view.rawValue) \(lists ? "lists" : "does not list") \(cast.name(of: t))"
        case .canSee(let p, let t, let can): "\(cast.name(of: p)) \(can ? "can" : "cannot") see \(cast.name(of: t))"
        case .seesText(let p, let text, let can): "\(cast.name(of: p)) \(can ? "sees" : "cannot see") \(quoted(text))"
        case .participants(let t, let people):
            "\(cast.name(of: t)) participants \(people.map { cast.name(of: $0) }.joined(separator: ", "))"
        case .error(let text): "error \(quoted(text))"
        case .backlog(let channel, let n): "\(channel.name) backlog \(n)"
        case .pending(let channel, let n): "\(channel.name) pending \(n)"
        case .delayAtMost(let channel, let d): "\(channel.name) delay at most \(d)"
        case .backlogBound(let channel, .atMost(let n)): "\(channel.name) backlog at most \(n)"
        case .backlogBound(let channel, .atLeast(let n)): "\(channel.name) backlog at least \(n)"
        case .delayPercentile(let channel, let percent, let d): "\(channel.name) delay p\(percent) at most \(d)"
        case .perPerson(let channel, let kind, let max, let per):
            (max == 0 ? "no \(channel.name)" : "at most \(max) \(channel.word(plural: max != 1))")
                + " to each \(kind.map { $0 == .user ? "user" : "customer" } ?? "person")" + (per.map { " per \($0)" } ?? "")
        case .chatWait(let percent, let limit): "chat wait \(percent.map { "p\($0)" } ?? "max") at most \(limit)"
        case .chatsWaiting(.exactly(let n)): "chats waiting \(n)"
        case .chatsWaiting(.atMost(let n)): "chats waiting at most \(n)"
        case .chatsWaiting(.atLeast(let n)): "chats waiting at least \(n)"
        case .chatsAbandoned(.atMost(let n)): "at most \(n) \(n == 1 ? "chat" : "chats") abandoned"
        case .chatsAbandoned(.atLeast(let n)): "at least \(n) \(n == 1 ? "chat" : "chats") abandoned"
        case .chatsAbandoned(.exactly(let n)): "\(n) \(n == 1 ? "chat" : "chats") abandoned"
        case .chatsHandled(let p, let max, let per):
            "\(cast.name(of: p)) handles at most \(max) \(max == 1 ? "chat" : "chats")" + (per.map { " per \($0)" } ?? "")
        }
    }
}

/// `text` as a string literal of the language: in quotes, with `\"`, `\\` and `\n` escaped.
public func quoted(_ text: String) -> String {
    var result = "\""
    for character in text {
        switch character {
        case "\"": result += "\\\""
        case "\\": result += "\\\\"
        case "\n": result += "\\n"
        default: result.append(character)
        }
    }
    return result + "\""
}

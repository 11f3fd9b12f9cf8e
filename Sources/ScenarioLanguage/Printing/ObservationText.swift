public import OmniSim

extension PlannedCheck {
    /// What the check expects, in the language's words: `email to bob "plan" at 9h1m`.
    public func expectedText(cast: Cast) -> String {
        condition.describe(cast: cast) + (time.map { " at \($0)" } ?? "")
    }

    /// The percent of a percentile check (for its words).
    private var percentOf: Int {
        if case .delayPercentile(_, let percent, _) = condition { return percent }
        return 0
    }

    /// What the run showed for this check, in words: `1 matching; nearest: email to bob at 1m "hi"`.
    public func observedText(_ observation: Observation, cast: Cast) -> String {
        switch observation {
        case .deliveries(let count, let nearest?):
            // The deliveries that made it fail first, then the nearest others.
            let offending = nearest.shown.filter(\.matches).map { $0.words(cast: cast) }
            let others = nearest.shown.filter { !$0.matches }.map { $0.words(cast: cast) }
            var text = "\(count) matching"
            if !offending.isEmpty {
                text += ": " + offending.joined(separator: ", ") + (count > offending.count ? " (\(count) in all)" : "")
            }
            if !others.isEmpty { text += "; nearest: " + others.joined(separator: ", ") }
            return text + (nearest.total > nearest.shown.count ? " (\(nearest.total) on that channel to them in all)" : "")
        case .deliveries:
            guard case .delivery(let check) = condition else { return "no delivery" }
            return "no \(check.channel.name)\(check.recipient.map { " to \(cast.name(of: $0))" } ?? "") at all"
        case .errors(let time, let messages):
            return messages.isEmpty ? "no error at \(time)" : "only " + messages.map { "\"\($0)\"" }.joined(separator: ", ")
        case .bubble(let n): return "bubble \(n)"
        case .unread(let n): return "unread \(n)"
        case .listed(let listed): return listed ? "it is listed" : "it is not listed"
        case .visible(let sees): return sees ? "they can see it" : "they cannot see it"
        case .messagesMatching(let count): return count == 0 ? "no message posted so far contains it" : "\(count) messages posted so far contain it"
        case .members(let members):
            return members.isEmpty ? "no participants" : "participants " + members.map { cast.name(of: $0) }.joined(separator: ", ")
        case .backlog(let n): return "backlog \(n)"
        case .pending(let n): return "\(n) pending"
        case .delayMax(let delay): return "a delay of \(delay)"
        case .notEvaluated: return "it was never evaluated"
        case .percentile(let value, let count, let sample):
            guard let value, let sample else { return "no delivery" }
            let m = sample.message
            let channel = if case .delayPercentile(let channel, _, _) = condition { channel.name } else { "delivery" }
            return "p\(percentOf) of \(count) deliveries is \(value), first reached by \(channel) to \(cast.name(of: sample.recipient)) "
                + "at \(sample.arrival): message #\(m.number) in \(cast.name(of: m.thread)) from \(cast.name(of: m.author)) "
                + "\"\(excerpt(m.text))\", due \(sample.due), so \(sample.arrival - sample.due) late"
        case .perPerson(let person, let count, let windowStart):
            guard let person else { return "no delivery to anyone of that kind" }
            let window: String
            if let windowStart, case .perPerson(_, _, _, let per?) = condition {
                window = " in [\(windowStart), \(windowStart + per))"
            } else {
                window = " over the run"
            }
            return "\(count) to \(cast.name(of: person))\(window)"
        case .chatWait(let value, let count):
            guard let value else { return "no chat taken" }
            let which = if case .chatWait(let percent?, _) = condition { "p\(percent)" } else { "the longest" }
            return "\(which) of \(count) taken \(count == 1 ? "chat's wait" : "chats' waits") is \(value)"
        case .chatsWaiting(let n): return "\(n) \(n == 1 ? "chat" : "chats") waiting"
        case .chatsAbandoned(let n): return "\(n) \(n == 1 ? "chat" : "chats") abandoned"
        case .chatsHandled(let count, let windowStart):
            if let windowStart, case .chatsHandled(_, _, let per?) = condition {
                return "\(count) \(count == 1 ? "chat" : "chats") in [\(windowStart), \(windowStart + per))"
            }
            return "\(count) \(count == 1 ? "chat" : "chats") over the run"
        }
    }
}

/// A message's text shortened for a report line: at most 40 characters.
public func excerpt(_ text: String) -> String {
    text.count <= 40 ? text : String(text.prefix(39)) + "…"
}

extension NearbyDeliveries.Item {
    /// `email to bob at 16h2m: message #3 in plan from ana "Draft"` — when, which channel, to whom,
    /// and which message (its thread, number and author), as `explain` names messages.
    func words(cast: Cast) -> String {
        "\(channel.name) to \(cast.name(of: recipient)) at \(time): message #\(number) in \(cast.name(of: thread)) "
            + "from \(cast.name(of: author)) \"\(excerpt(text))\""
    }
}

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
            let words = nearest.shown.map { "\($0.channel.name) to \(cast.name(of: $0.recipient)) at \($0.time) \"\(excerpt($0.text))\"" }
            let more = nearest.total > nearest.shown.count ? " (\(nearest.total) in all)" : ""
            return "\(count) matching; nearest: " + words.joined(separator: ", ") + more
        case .deliveries:
            guard case .delivery(let check) = condition else { return "no delivery" }
            return "no \(check.channel.name)\(check.recipient.map { " to \(cast.name(of: $0))" } ?? "") at all"
        case .errors(let time, let messages):
            return messages.isEmpty ? "no error at \(time)" : "only " + messages.map { "\"\($0)\"" }.joined(separator: ", ")
        case .bubble(let n): return "bubble \(n)"
        case .unread(let n): return "unread \(n)"
        case .listed(let listed): return listed ? "it is listed" : "it is not listed"
        case .visible(let sees): return sees ? "they can see it" : "they cannot see it"
        case .members(let members):
            return members.isEmpty ? "no participants" : "participants " + members.map { cast.name(of: $0) }.joined(separator: ", ")
        case .backlog(let n): return "backlog \(n)"
        case .pending(let n): return "\(n) pending"
        case .delayMax(let delay): return "a delay of \(delay)"
        case .notEvaluated: return "it was never evaluated"
        case .percentile(let value, let count, let sample):
            guard let value, let sample else { return "no delivery" }
            let m = sample.message
            return "p\(percentOf) of \(count) deliveries is \(value): \(cast.name(of: sample.recipient))'s message #\(m.number) in "
                + "\(cast.name(of: m.thread)) from \(cast.name(of: m.author)), due \(sample.due), arrived \(sample.arrival)"
        case .perPerson(let person, let count, let windowStart):
            guard let person else { return "no delivery to anyone of that kind" }
            let window: String
            if let windowStart, case .perPerson(_, _, _, let per?) = condition {
                window = " in [\(windowStart), \(windowStart + per))"
            } else {
                window = " over the run"
            }
            return "\(count) to \(cast.name(of: person))\(window)"
        }
    }
}

/// A message's text shortened for a report line: at most 40 characters.
public func excerpt(_ text: String) -> String {
    text.count <= 40 ? text : String(text.prefix(39)) + "…"
}

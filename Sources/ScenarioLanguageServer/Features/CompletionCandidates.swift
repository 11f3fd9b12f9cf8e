import OmniSim
import ScenarioLanguage

/// What may come next on a line, from the words before the cursor: the language's words for that
/// place (statement, event and check words, settings and their values, channels) and the
/// document's declared names of the kinds that fit.
///
///     at 9h            → the people, and `set`, `channel`, `mobile`, `expect`
///     at 9h alice      → the event words (`logs`, `views`, `starts`…)
///     at 9h alice views → the threads
struct CompletionCandidates {
    /// One suggestion: the text, and what it is (`user`, `keyword`, `setting`…).
    struct Candidate: Hashable {
        var label: String
        var detail: String
        /// The protocol's `CompletionItemKind`.
        var kind: Int
    }

    let analysis: DocumentAnalysis
    private(set) var found: [Candidate] = []

    init(analysis: DocumentAnalysis) { self.analysis = analysis }

    /// The candidates after `words` (the line's words before the cursor; strings as `"`, no commas).
    static func after(_ words: [String], in analysis: DocumentAnalysis) -> [Candidate] {
        var candidates = CompletionCandidates(analysis: analysis)
        candidates.statement(words[...])
        var seen: Set<String> = []
        return candidates.found.filter { seen.insert($0.label).inserted }
    }

    private mutating func keywords(_ words: [String], _ detail: String = "keyword") {
        found += words.map { Candidate(label: $0, detail: detail, kind: 14) }
    }

    private mutating func values(_ words: [String], _ detail: String) {
        found += words.map { Candidate(label: $0, detail: detail, kind: 12) }
    }

    private mutating func names(_ kinds: Set<Declaration.Kind>) {
        found += analysis.declarations(kinds).map { Candidate(label: $0.name, detail: $0.kind.rawValue, kind: $0.kind.completionKind) }
    }

    private mutating func channels(plural: Bool = false) {
        found += ChannelKind.allCases.map { Candidate(label: plural ? ChannelKind.words[$0.rawValue + ChannelKind.allCases.count] : $0.name, detail: "channel", kind: 20) }
    }

    private static let people: Set<Declaration.Kind> = [.user, .customer]
    private static let members: Set<Declaration.Kind> = [.user, .customer, .team]
    private static let threads: Set<Declaration.Kind> = [.ticket, .task, .project, .conversation, .customerConversation]
    private static let items: Set<Declaration.Kind> = [.ticket, .task, .project]

    private mutating func statement(_ words: ArraySlice<String>) {
        guard let first = words.first else { return keywords(ScenarioVocabulary.statementKeywords) }
        let rest = words.dropFirst()
        switch first {
        case "at":
            guard rest.count >= 1 else { return }
            let event = rest.dropFirst()
            guard let subject = event.first else {
                names(Self.people)
                return keywords(ScenarioVocabulary.timedKeywords)
            }
            switch subject {
            case "expect": check(event.dropFirst())
            case "set": setting(event.dropFirst())
            case "channel": channel(event.dropFirst())
            case "mobile": names([.user])
            default: self.event(event.dropFirst())
            }
        case "expect": check(rest)
        case "set": setting(rest)
        case "channel": channel(rest)
        case "mobile": names([.user])
        case "team": if rest.count >= 1 { names([.user]) }
        case "admin": names([.user])
        case "chat": if rest.isEmpty { keywords(["routing"]) } else if rest.count == 1 { values(ChatRouting.allCases.map(\.name), "routing") }
        case "ticket", "task", "project":
            if rest.contains("followers") { names(Self.members) } else if rest.count >= 1 { keywords(["followers"]) }
        case "end": if rest.isEmpty { keywords(["at"]) }
        case "load": load(rest)
        default: break
        }
    }

    private mutating func event(_ words: ArraySlice<String>) {
        guard let verb = words.first else { return keywords(ScenarioVocabulary.eventVerbs, "event") }
        let rest = words.dropFirst()
        switch verb {
        case "logs": if rest.isEmpty { keywords(["in", "out"]) }
        case "joins", "leaves": if rest.isEmpty { keywords(["chat"]) }
        case "views":
            if rest.isEmpty { names(Self.threads) } else if rest.count == 1 { keywords(["on"]) } else if rest.last == "on" { keywords(["mobile"]) }
        case "starts", "drafts":
            if rest.isEmpty { keywords(["conversation", "customer", "internal"]) }
            else if rest.last == "customer" || rest.last == "internal" { keywords(["conversation"]) }
            else if rest.last == "on" { names(Self.items) }
            else if rest.contains("with") { names(Self.members); keywords(["on"]) }
            else if rest.last != "conversation" { keywords(["with", "on"]) }
        case "stops": if rest.isEmpty { keywords(["viewing"]) } else if rest.count == 1 { names(Self.threads) }
        case "takes": if rest.isEmpty { names([.customerConversation]) }
        case "links":
            if rest.isEmpty { names([.conversation, .customerConversation]) } else if rest.count == 1 { keywords(["to"]) }
            else if rest.count == 2 { names(Self.items) }
        case "sets":
            if rest.isEmpty { names(Self.people); keywords(["everyone", "customers"]) }
            else if let target = rest.first, rest.count == 1 { keywords(settingWords(of: target), "setting") }
            else if rest.count == 2, let choices = ScenarioVocabulary.values(of: rest[rest.startIndex + 1]) { values(choices, rest[rest.startIndex + 1]) }
        case "writes": if rest.isEmpty { keywords(["to"]) } else if rest.count == 1 { names(Self.threads) }
        case "sends", "cancels": if rest.isEmpty { names([.conversation, .customerConversation]) }
        case "emails", "closes", "reopens": if rest.isEmpty { names(Self.threads) }
        case "notes", "follows", "unfollows": if rest.isEmpty { names(Self.items) }
        case "adds", "removes":
            let link = verb == "adds" ? "to" : "from"
            if rest.last == "team" { names([.team]) }
            else if rest.last == link { names(Self.threads); keywords(["team"]) }
            else if !rest.contains(link) {
                names(Self.members)
                if !rest.isEmpty { keywords([link]) }
            }
        default: break
        }
    }

    private mutating func setting(_ words: ArraySlice<String>) {
        guard words.count >= 1 else {
            names(Self.people)
            return keywords(["everyone", "customers"])
        }
        let rest = words.dropFirst()
        guard let key = rest.first else { return keywords(settingWords(of: words[words.startIndex]), "setting") }
        if rest.count == 1, let choices = ScenarioVocabulary.values(of: key) { values(choices, key) }
    }

    /// The settings `target` may have: a customer's, or `customers`' (unless a person is named
    /// so), are `email`, `email-after` and `email-batch`; anyone else's, every setting.
    private func settingWords(of target: String) -> [String] {
        let kind = analysis.declaration(of: target)?.kind
        // A load's customers are `k1`, `q.k1`…
        let local = target.split(separator: ".").last ?? ""
        let madeCustomer = kind == .load && local.first == "k" && local.count > 1 && local.dropFirst().allSatisfy { $0.isASCII && $0.isNumber }
        let isCustomers = kind == .customer || madeCustomer || (target == "customers" && kind == nil)
        return isCustomers ? ScenarioVocabulary.customerSettingWords : ScenarioVocabulary.settingWords
    }

    private mutating func channel(_ words: ArraySlice<String>) {
        guard words.count >= 1 else { return channels() }
        let rest = words.dropFirst()
        guard let change = rest.first else { return keywords(ScenarioVocabulary.channelSettings, "channel setting") }
        if rest.count == 1 && change == "bounce" { names(Self.people) }
        if rest.count == 1 && change == "rate" { values(["none", "10/s", "100/m"], "rate") }
        if rest.count == 2 && change == "jitter" { keywords(["seed"]) }
    }

    private mutating func check(_ words: ArraySlice<String>) {
        guard let first = words.first else {
            keywords(["no", "at", "error"])
            channels()
            return names(Self.people.union(Self.threads))
        }
        let last = words.last ?? first
        if first == "error" { return }
        if last == "to" { names(Self.people); return keywords(["each"]) }
        if last == "each" { return keywords(["user", "customer", "person"]) }
        if words.count == 1, first == "at" { return keywords(["least", "most"]) }
        if let declaration = analysis.declaration(of: first), words.count >= 2 || declaration.kind != .load {
            return personOrThreadCheck(declaration, words.dropFirst())
        }
        if words.contains(where: { ChannelKind(word: $0) != nil }) {
            if ChannelKind(word: last) == .chat, words.count == 1 {
                // Issue 23: `chat wait …`, `chats waiting …`, besides a delivery check.
                keywords(["to", "before", "after", "backlog", "pending", "delay", "wait", "waiting"])
            } else if ChannelKind(word: last) == .chat, words.count > 1 {
                keywords(["to", "before", "after", "abandoned"])
            } else if last == "wait" {
                keywords(["p50", "p95", "p99", "max"])
            } else if last == "waiting" {
                keywords(["at"])
            } else if last == "max" {
                keywords(["at"])
            } else if ChannelKind(word: last) != nil {
                let counted = words.count > 1
                keywords(counted ? ["to", "before", "after"] : ["to", "before", "after", "backlog", "pending", "delay"])
            } else if last == "delay" {
                keywords(["at", "p50", "p90", "p95", "p99"])
            } else if last == "backlog" {
                keywords(["at"])
            } else if last.hasPrefix("p"), last.dropFirst().allSatisfy(\.isNumber), !last.dropFirst().isEmpty {
                keywords(["at"])
            } else if last == "at" {
                keywords(["most", "least"])
            }
            return
        }
        // A count (`no`, `3`, `at least 3`): the channel comes next.
        if first == "no" || last.allSatisfy({ $0.isASCII && $0.isNumber }) { channels(plural: first != "no" && last != "1") }
    }

    private mutating func personOrThreadCheck(_ declaration: Declaration, _ rest: ArraySlice<String>) {
        if Self.threads.contains(declaration.kind) {
            if rest.isEmpty { keywords(["participants", "followers"], "check") } else { names(Self.members) }
            return
        }
        guard let word = rest.first else {
            return keywords(declaration.kind == .user ? ["bubble", "unread", "inbox", "can", "cannot", "handles"] : ["can", "cannot"], "check")
        }
        switch (word, rest.count) {
        case ("inbox", 1): values(InboxView.allCases.map(\.rawValue), "view")
        case ("inbox", 2): keywords(["lists", "does"])
        case ("inbox", _) where rest.last == "does": keywords(["not"])
        case ("inbox", _) where rest.last == "not": keywords(["list"])
        case ("inbox", _) where rest.last == "lists" || rest.last == "list": names(Self.threads)
        case ("handles", 1): keywords(["at"])
        case ("handles", 2): keywords(["most"])
        case ("handles", 4): keywords(["chats"])
        case ("handles", 5): keywords(["per"])
        case ("can", 1), ("cannot", 1): keywords(["see"])
        case ("can", 2), ("cannot", 2): names(Self.threads)
        default: break
        }
    }

    private mutating func load(_ words: ArraySlice<String>) {
        let last = words.last
        if last == "shape" { return values(LoadShape.allCases.map(\.rawValue), "load shape") }
        if last == "from", words.dropLast().last == "users" { names([.team]); return keywords(["everyone"]) }
        let fields = ScenarioVocabulary.loadFields
        // After a field's value (or right after `load`), another field not given yet.
        let valueNext = last.map { fields.contains($0) && $0 != "users" } ?? false
        if !valueNext { keywords(fields.filter { !words.contains($0) }, "load field") }
        if last == "users" { keywords(["from"]) }
    }
}

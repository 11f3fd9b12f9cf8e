import OmniSim
import ScenarioLanguage

/// One sentence of what a statement will do, for a hover on its line:
/// `at 9h maria starts conversation plan with jonas, lea "Draft"` →
/// "At 9h, maria starts the user conversation 'plan' with jonas, lea and posts "Draft" to them."
enum EventDescription {
    static func sentence(for statement: Statement) -> String? {
        switch statement.kind {
        case .event(let time, let event): "At \(time), \(sentence(for: event))."
        case .expectation(let time?, .error(let text)): "Checks that an event at \(time) is rejected with an error containing \"\(text)\"."
        case .expectation(let time?, _): "Checks, at \(time) once everything at \(time) has run, that this holds."
        case .expectation(nil, _): "Checks, over the whole run (a state: at its end), that this holds."
        case .load(let node):
            node.chat.map { chatLoadSentence(node, $0) } ?? "Generates \(node.users) users, \(node.customers) customers, \(node.conversations) conversations and \(node.messages) messages over \(node.over), the same on every machine (seed \(node.seed))."
        case .endAt(let time): "Stops the run at \(time) (events at \(time) still run)."
        default: nil
        }
    }

    /// `load monday seed 7 chats 60 per 1h handled in 8m agents 2 over 3h` → "Generates customer chats,
    /// 60 per 1h on average (a Poisson stream), each handled for 8m on average (exponential), by 2 agents,
    /// over 3h, the same on every machine (seed 7)."
    private static func chatLoadSentence(_ node: LoadNode, _ chat: LoadNode.ChatLoad) -> String {
        let stream = node.shape == .workday ? "at the workday peak (a Poisson stream shaped like a workday)" : "on average (a Poisson stream)"
        let handling = chat.fixed ? "each handled for exactly \(chat.handling)" : "each handled for \(chat.handling) on average (exponential)"
        let agents: String = switch node.usersFrom {
        case .team(let team)?: "by the users of team '\(team.text)'"
        case .everyone?: "by every user"
        case nil: "by \(chat.agents) agents"
        }
        let start = node.from == .zero ? "" : " from \(node.from)"
        return "Generates customer chats, \(chat.rate) per \(chat.per) \(stream), \(handling), \(agents), over \(node.over)\(start), the same on every machine (seed \(node.seed))."
    }

    private static func list(_ names: [Name]) -> String { names.map(\.text).joined(separator: ", ") }

    private static func quoted(_ text: String) -> String {
        let short = text.count > 60 ? String(text.prefix(57)) + "…" : text
        return "\"\(short)\""
    }

    static func sentence(for event: EventNode) -> String {
        switch event {
        case .logIn(let who): "\(who.text) logs in to the OneDesk app (messages of the thread they view are seen at arrival)"
        case .logOut(let who): "\(who.text) logs out of the app: new messages stay unseen, so fallback emails and pushes follow"
        case .joinChat(let who): "\(who.text) joins the live chat widget: messages to them go by chat instead of email"
        case .leaveChat(let who): "\(who.text) leaves the live chat widget: messages to them go by email"
        case .view(let who, let thread): "\(who.text) views '\(thread.text)': all its messages are seen, now and while the view lasts"
        case .viewOnMobile(let who, let thread): "\(who.text) reads '\(thread.text)' on mobile: its arrived messages are seen (no log-in, no lasting view)"
        case .start(let author, let thread, let isCustomer, let with, let item, let text):
            "\(author.text) starts the \(isCustomer ? "customer" : "user") conversation '\(thread.text)'\(with.isEmpty ? "" : " with \(list(with))")\(item.map { " on '\($0.text)' (its followers follow it)" } ?? "") and posts \(quoted(text)) to its participants"
        case .draft(let author, let thread, let isCustomer, let with, let item):
            "\(author.text) drafts the \(isCustomer ? "customer" : "user") conversation '\(thread.text)'\(with.isEmpty ? "" : " with \(list(with))")\(item.map { " on '\($0.text)'" } ?? ""); nothing is sent until '\(author.text) sends \(thread.text)'"
        case .stopViewing(let who, let thread): "\(who.text) leaves the screen of '\(thread.text)': later messages are unseen at arrival"
        case .take(let who, let thread): "\(who.text) takes the customer conversation '\(thread.text)': a participant from now on, viewing it"
        case .link(let by, let thread, let item): "\(by.text) attaches '\(thread.text)' to '\(item.text)': the item's followers follow the conversation"
        case .sets(let by, _, let change): "\(by.text) changes a setting (\(settingText(change))); allowed to an admin, or to the person whose setting it is"
        case .customersSetting(let change): "every customer's setting changes: \(settingText(change))"
        case .chatRouting(let routing): "waiting chats are routed \(routing.name)"
        case .customerPatience(let patience): patience.map { "a chat not taken within \($0) is abandoned" } ?? "customers wait for a chat forever"
        case .send(let author, let thread, let text): "\(author.text) sends the draft '\(thread.text)' with \(quoted(text))"
        case .cancel(let author, let thread): "\(author.text) discards the draft '\(thread.text)'; nothing is sent"
        case .write(let author, let thread, let text, let route):
            route == .email
                ? "\(author.text) replies by email to '\(thread.text)' with \(quoted(text)) (a reply by email views nothing)"
                : "\(author.text) writes \(quoted(text)) to '\(thread.text)', notifying its other members"
        case .note(let author, let thread, let text): "\(author.text) adds the internal note \(quoted(text)) to '\(thread.text)' (users only)"
        case .add(let by, let people, let thread): "\(by.text) adds \(list(people)) to '\(thread.text)'"
        case .remove(let by, let people, let thread): "\(by.text) removes \(list(people)) from '\(thread.text)'"
        case .joinTeam(let by, let people, let team): "\(by.text) adds \(list(people)) to team '\(team.text)'"
        case .leaveTeam(let by, let people, let team): "\(by.text) removes \(list(people)) from team '\(team.text)'"
        case .follow(let who, let thread): "\(who.text) follows '\(thread.text)' and so receives its messages"
        case .unfollow(let who, let thread): "\(who.text) stops following '\(thread.text)'"
        case .close(let who, let thread): "\(who.text) closes the customer conversation '\(thread.text)'"
        case .reopen(let who, let thread): "\(who.text) reopens the customer conversation '\(thread.text)'"
        case .setting(let who, let change): "\(who?.text ?? "everyone")'s setting changes: \(settingText(change))"
        case .mobile(let people): "\(list(people)) get the mobile app (push)"
        case .channel(let kind, let change): "the \(kind.name) channel changes: \(channelText(change))"
        default:
            // Covered here rather than by a case of its own, so that an event added to the language
            // later reads generically until it gets its sentence (and no switch stops the build).
            if case .channelBounce(let kind, let who) = event { "\(who.text)'s sends on \(kind.name) start to bounce" } else { "this event runs" }
        }
    }

    private static func settingText(_ change: SettingChange) -> String {
        switch change {
        case .bubble(let on): "bubble \(on ? "on" : "off")"
        case .email(let on): "email \(on ? "on" : "off")"
        case .push(let on): "push \(on ? "on" : "off")"
        case .emailAfter(let delay): "fallback emails after \(delay)"
        case .customerMessages(let scope): "customer-messages \(scope.rawValue)"
        case .emailBatch(let window): "email-batch \(window)"
        default: if case .mentionEmail(let when) = change { "mention-email \(when.rawValue)" } else { "a setting changes" }
        }
    }

    private static func channelText(_ change: ChannelChange) -> String {
        switch change {
        case .latency(let latency): "latency \(latency)"
        case .down(let window): "down from \(window.from) until \(window.until)"
        case .rate(let rate?): "at most \(rate.count) sends per \(rate.window)"
        case .rate(nil): "no rate limit"
        default: if case .jitter(let jitter, let seed) = change { "jitter up to \(jitter) (seed \(seed))" } else { "a bounce" }
        }
    }
}

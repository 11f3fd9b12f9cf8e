import OmniSim

/// Engine values written back in the language's words.
enum StatementText {
    static func setting(_ change: SettingChange) -> String {
        switch change {
        case .bubble(let on): "bubble \(on ? "on" : "off")"
        case .email(let on): "email \(on ? "on" : "off")"
        case .push(let on): "push \(on ? "on" : "off")"
        case .emailAfter(let delay): "email-after \(delay)"
        case .customerMessages(let scope): "customer-messages \(scope.rawValue)"
        case .emailBatch(let window): "email-batch \(window)"
        case .mentionEmail(let when): "mention-email \(when.rawValue)"
        case .viewTimeout(let timeout): "view-timeout \(timeout.map(\.description) ?? "none")"
        case .chatCapacity(let capacity): "chat-capacity \(capacity.map(String.init) ?? "unlimited")"
        }
    }

    /// `customers wait at most D | forever`.
    static func patience(_ patience: SimDuration?) -> String {
        patience.map { "customers wait at most \($0)" } ?? "customers wait forever"
    }

    static func rate(_ rate: Rate) -> String {
        let unit = rate.window == .hours(1) ? "h" : rate.window == .minutes(1) ? "m" : "s"
        return "\(rate.count)/\(unit)"
    }

    static func person(_ ref: PersonRef, _ cast: Cast) -> String {
        switch ref {
        case .known(let id): cast.name(of: id)
        case .unknown(let name): name
        case .team(let id): cast.name(of: id)
        }
    }

    static func team(_ ref: TeamRef, _ cast: Cast) -> String {
        switch ref {
        case .known(let id): cast.name(of: id)
        case .unknown(let name): name
        }
    }

    static func thread(_ ref: ThreadRef, _ cast: Cast) -> String {
        switch ref {
        case .known(let id): cast.name(of: id)
        case .unknown(let name): name
        case .person(let id): cast.name(of: id)
        case .team(let id): cast.name(of: id)
        }
    }

    static func people(_ refs: [PersonRef], _ cast: Cast) -> String {
        refs.map { person($0, cast) }.joined(separator: ", ")
    }

    static func action(_ action: PlannedEvent.Action, cast: Cast) -> String {
        let p = { (ref: PersonRef) in person(ref, cast) }
        let t = { (ref: ThreadRef) in thread(ref, cast) }
        switch action {
        case .logIn(let who): return "\(p(who)) logs in"
        case .logOut(let who): return "\(p(who)) logs out"
        case .joinChat(let who): return "\(p(who)) joins chat"
        case .leaveChat(let who): return "\(p(who)) leaves chat"
        case .view(let who, let thread): return "\(p(who)) views \(t(thread))"
        case .viewOnMobile(let who, let thread): return "\(p(who)) views \(t(thread)) on mobile"
        case .start(let author, let thread, let isCustomer, let with, let item, let text):
            let listed = with.isEmpty ? "" : " with \(people(with, cast))"
            let on = item.map { " on \(t($0))" } ?? ""
            return "\(p(author)) starts \(isCustomer ? "customer " : "")conversation \(t(thread))\(listed)\(on) \(quoted(text))"
        case .draft(let author, let thread, let isCustomer, let with, let item):
            let listed = with.isEmpty ? "" : " with \(people(with, cast))"
            let on = item.map { " on \(t($0))" } ?? ""
            return "\(p(author)) drafts \(isCustomer ? "customer " : "")conversation \(t(thread))\(listed)\(on)"
        case .send(let author, let thread, let text): return "\(p(author)) sends \(t(thread)) \(quoted(text))"
        case .cancel(let author, let thread): return "\(p(author)) cancels \(t(thread))"
        case .write(let author, let thread, let text, .app): return "\(p(author)) writes to \(t(thread)) \(quoted(text))"
        case .write(let author, let thread, let text, .email): return "\(p(author)) emails \(t(thread)) \(quoted(text))"
        case .note(let author, let thread, let text): return "\(p(author)) notes \(t(thread)) \(quoted(text))"
        case .add(let by, let who, let thread): return "\(p(by)) adds \(people(who, cast)) to \(t(thread))"
        case .remove(let by, let who, let thread): return "\(p(by)) removes \(people(who, cast)) from \(t(thread))"
        case .joinTeam(let by, let who, let team): return "\(p(by)) adds \(people(who, cast)) to team \(Self.team(team, cast))"
        case .leaveTeam(let by, let who, let team): return "\(p(by)) removes \(people(who, cast)) from team \(Self.team(team, cast))"
        case .follow(let who, let thread): return "\(p(who)) follows \(t(thread))"
        case .unfollow(let who, let thread): return "\(p(who)) unfollows \(t(thread))"
        case .close(let who, let thread): return "\(p(who)) closes \(t(thread))"
        case .reopen(let who, let thread): return "\(p(who)) reopens \(t(thread))"
        case .setting(let who, let change): return "set \(who.map(p) ?? "everyone") \(setting(change))"
        case .mobile(let who): return "mobile \(p(who))"
        case .channel(let kind, .latency(let latency)): return "channel \(kind.name) latency \(latency)"
        case .channel(let kind, .down(let window)): return "channel \(kind.name) down \(window.from)..\(window.until)"
        case .channel(let kind, .rate(let rate)): return "channel \(kind.name) rate \(rate.map(Self.rate) ?? "none")"
        case .channel(let kind, .jitter(let jitter, let seed)): return "channel \(kind.name) jitter \(jitter) seed \(seed)"
        case .channel(let kind, .bounce(let person)): return "channel \(kind.name) bounce \(cast.name(of: person))"
        case .stopViewing(let who, let thread): return "\(p(who)) stops viewing \(t(thread))"
        case .take(let who, let thread): return "\(p(who)) takes \(t(thread))"
        case .link(let by, let thread, let item): return "\(p(by)) links \(t(thread)) to \(t(item))"
        case .settingBy(let by, let target, let change):
            let whom = switch target {
            case .person(let ref): p(ref)
            case .everyone: "everyone"
            case .customers: "customers"
            }
            return "\(p(by)) sets \(whom) \(setting(change))"
        case .customersSetting(let change): return "set customers \(setting(change))"
        case .chatRouting(let routing): return "chat routing \(routing.name)"
        case .customerPatience(let patience): return Self.patience(patience)
        }
    }
}

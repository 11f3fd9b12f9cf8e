import OmniSim

extension Lowering {
    /// The name of a team where someone must act (the subject of an event), have settings or the
    /// mobile app: a file error (contract v2, "A team name in `mobile`, `set` … or as an actor").
    func teamActing(_ node: EventNode) -> Name? {
        let acting: [Name]
        switch node {
        case .logIn(let p), .logOut(let p), .joinChat(let p), .leaveChat(let p), .view(let p, _), .viewOnMobile(let p, _),
             .start(let p, _, _, _, _, _), .draft(let p, _, _, _, _), .stopViewing(let p, _), .take(let p, _), .link(let p, _, _),
             .sets(let p, .everyone, _), .sets(let p, .customers, _), .send(let p, _, _), .cancel(let p, _), .write(let p, _, _, _),
             .note(let p, _, _), .add(let p, _, _), .remove(let p, _, _), .joinTeam(let p, _, _), .leaveTeam(let p, _, _),
             .follow(let p, _), .unfollow(let p, _), .close(let p, _), .reopen(let p, _):
            acting = [p]
        case .setting(let p?, _): acting = [p]
        // v3: `A sets B …` is exactly `set B …` at T, so a team B is a file error as there.
        case .sets(let p, .person(let target), _): acting = [p, target]
        case .mobile(let people): acting = people
        case .setting(nil, _), .channel, .channelBounce, .customersSetting, .chatRouting, .customerPatience: acting = []
        }
        return acting.first { teamIndex[$0.text] != nil }
    }

    /// An event with its names as written (`.unknown`), to be ``resolved(_:)`` once every
    /// declaration is known. `mobile` and `bounce` events are lowered from their statement instead.
    static func unresolvedAction(_ node: EventNode) -> PlannedEvent.Action {
        func person(_ name: Name) -> PersonRef { .unknown(name.text) }
        func thread(_ name: Name) -> ThreadRef { .unknown(name.text) }
        switch node {
        case .logIn(let p): return .logIn(person(p))
        case .logOut(let p): return .logOut(person(p))
        case .joinChat(let p): return .joinChat(person(p))
        case .leaveChat(let p): return .leaveChat(person(p))
        case .view(let p, let t): return .view(person(p), thread(t))
        case .viewOnMobile(let p, let t): return .viewOnMobile(person(p), thread(t))
        case .start(let a, let t, let isCustomer, let with, let item, let text):
            return .start(author: person(a), thread: thread(t), isCustomer: isCustomer, with: with.map(person), on: item.map(thread), text: text)
        case .draft(let a, let t, let isCustomer, let with, let item):
            return .draft(author: person(a), thread: thread(t), isCustomer: isCustomer, with: with.map(person), on: item.map(thread))
        case .send(let a, let t, let text): return .send(author: person(a), thread: thread(t), text: text)
        case .cancel(let a, let t): return .cancel(author: person(a), thread: thread(t))
        case .write(let a, let t, let text, let route): return .write(author: person(a), thread: thread(t), text: text, route: route)
        case .note(let a, let t, let text): return .note(author: person(a), thread: thread(t), text: text)
        case .add(let by, let people, let t): return .add(by: person(by), people: people.map(person), thread: thread(t))
        case .remove(let by, let people, let t): return .remove(by: person(by), people: people.map(person), thread: thread(t))
        case .joinTeam(let by, let people, let team):
            return .joinTeam(by: person(by), people: people.map(person), team: .unknown(team.text))
        case .leaveTeam(let by, let people, let team):
            return .leaveTeam(by: person(by), people: people.map(person), team: .unknown(team.text))
        case .follow(let p, let t): return .follow(person(p), thread(t))
        case .unfollow(let p, let t): return .unfollow(person(p), thread(t))
        case .close(let p, let t): return .close(person(p), thread(t))
        case .reopen(let p, let t): return .reopen(person(p), thread(t))
        case .setting(let p, let change): return .setting(p.map(person), change)
        case .mobile(let people): return .mobile(people.first.map(person) ?? .unknown(""))
        case .channel(let kind, let change): return .channel(kind, change)
        case .channelBounce(let kind, _): return .channel(kind, .bounce(PersonID(0)))
        case .stopViewing(let p, let t): return .stopViewing(person(p), thread(t))
        case .take(let p, let t): return .take(person(p), thread(t))
        case .link(let by, let t, let item): return .link(by: person(by), thread: thread(t), item: thread(item))
        case .sets(let by, .person(let target), let change): return .settingBy(by: person(by), target: .person(person(target)), change: change)
        case .sets(let by, .everyone, let change): return .settingBy(by: person(by), target: .everyone, change: change)
        case .sets(let by, .customers, let change): return .settingBy(by: person(by), target: .customers, change: change)
        case .customersSetting(let change): return .customersSetting(change)
        case .chatRouting(let routing): return .chatRouting(routing)
        case .customerPatience(let patience): return .customerPatience(patience)
        }
    }

    /// A check with its names resolved; unknown names are file errors.
    mutating func condition(_ node: CheckNode, timed: Bool, range: SourceRange) -> PlannedCheck.Condition? {
        switch node {
        case .delivery(let count, let channel, let to, let text, let window):
            if timed && window != nil {
                diagnostics.append(Diagnostic(.timedWindowOnTimedCheck(), at: range))
                return nil
            }
            var recipient: PersonID?
            if let to {
                guard let id = knownPerson(to) else { return nil }
                recipient = id
            }
            return .delivery(DeliveryCheck(count: count, channel: channel, recipient: recipient, text: text, window: window))
        case .bubble(let p, let n):
            return messengerUser(p).map { .bubble($0, n) }
        case .unread(let p, let n):
            return messengerUser(p).map { .unread($0, n) }
        case .bubbleBound(let p, let bound):
            return messengerUser(p).map { .bubbleBound($0, bound) }
        case .unreadBound(let p, let bound):
            return messengerUser(p).map { .unreadBound($0, bound) }
        case .inbox(let p, let view, let t, let lists):
            guard let user = messengerUser(p), let thread = knownThread(t) else { return nil }
            return .inbox(user, view, thread, lists: lists)
        case .canSee(let p, let t, let can):
            guard let person = knownPerson(p), let thread = knownThread(t) else { return nil }
            return .canSee(person, thread, can)
        case .seesText(let p, let text, let can):
            return knownPerson(p).map { .seesText($0, text, can) }
        case .participants(let t, let people):
            guard let thread = knownThread(t) else { return nil }
            let ids = people.compactMap { knownMember($0) }
            return ids.count == people.count ? .participants(thread, ids) : nil
        case .error(let text):
            guard timed else {
                diagnostics.append(Diagnostic(.errorCheckNeedsTime(), at: range))
                return nil
            }
            return .error(text)
        case .backlog(let channel, let n): return .backlog(channel, n)
        case .pending(let channel, let n): return .pending(channel, n)
        case .delayAtMost(let channel, let d): return .delayAtMost(channel, d)
        case .backlogBound(let channel, let bound): return .backlogBound(channel, bound)
        case .delayPercentile(let channel, let percent, let d):
            guard !timed else {
                diagnostics.append(Diagnostic(.untimedOnly("a percentile check"), at: range))
                return nil
            }
            return .delayPercentile(channel, percent: percent, atMost: d)
        case .perPerson(let channel, let kind, let max, let per):
            guard !timed else {
                diagnostics.append(Diagnostic(.untimedOnly("a 'to each' check"), at: range))
                return nil
            }
            return .perPerson(channel, kind: kind, max: max, per: per)
        case .chatWait(let percent, let limit): return .chatWait(percent: percent, atMost: limit)
        case .chatsWaiting(let count): return .chatsWaiting(count)
        case .chatsAbandoned(let count): return .chatsAbandoned(count)
        case .chatsHandled(let name, let max, let per):
            guard !timed else {
                diagnostics.append(Diagnostic(.untimedOnly("a 'handles' check"), at: range))
                return nil
            }
            guard let id = knownPerson(name) else { return nil }
            guard personKinds[id.int] == .user else {
                diagnostics.append(Diagnostic(.chatAgentIsNoUser(name.text, what: "a customer"), at: name.range))
                return nil
            }
            return .chatsHandled(id, atMost: max, per: per)
        }
    }

    /// A person whose Messenger state a check reads: a known user.
    private mutating func messengerUser(_ name: Name) -> PersonID? {
        guard let id = knownPerson(name) else { return nil }
        guard personKinds[id.int] == .user else {
            diagnostics.append(Diagnostic(.customerHasNoViews(name.text), at: name.range))
            return nil
        }
        return id
    }
}

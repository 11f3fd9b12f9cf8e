import OmniSim

/// Resolves the names of events planned as they were read (``Lowering``), once the whole file has
/// been: a person, a thread or a team by name, the same as the language's rules for declarations
/// read first. Its own small value, so that resolving a million events reads three tables and
/// copies nothing else (a method of the whole lowering retained each of its tables per event).
struct NameResolver {
    let people: [String: PersonID]
    /// By person: user or customer.
    let kinds: [PersonKind]
    let threads: [String: ThreadID]
    let teams: [String: TeamID]

    /// `action` with its names resolved; unknown names stay names, for the engine to reject.
    func resolved(_ action: PlannedEvent.Action) -> PlannedEvent.Action {
        switch action {
        case .logIn(let p): .logIn(person(p))
        case .logOut(let p): .logOut(person(p))
        case .joinChat(let p): .joinChat(person(p))
        case .leaveChat(let p): .leaveChat(person(p))
        case .view(let p, let t): .view(person(p), thread(t))
        case .viewOnMobile(let p, let t): .viewOnMobile(person(p), thread(t))
        case .start(let a, let t, let isCustomer, let with, let item, let text):
            if let listed = listedOn(with, item) {
                .start(author: person(a), thread: thread(t), isCustomer: isCustomer, with: people(listed), on: nil, text: text)
            } else {
                .start(author: person(a), thread: thread(t), isCustomer: isCustomer, with: people(with), on: item.map(thread), text: text)
            }
        case .draft(let a, let t, let isCustomer, let with, let item):
            if let listed = listedOn(with, item) {
                .draft(author: person(a), thread: thread(t), isCustomer: isCustomer, with: people(listed), on: nil)
            } else {
                .draft(author: person(a), thread: thread(t), isCustomer: isCustomer, with: people(with), on: item.map(thread))
            }
        case .send(let a, let t, let text): .send(author: person(a), thread: thread(t), text: text)
        case .cancel(let a, let t): .cancel(author: person(a), thread: thread(t))
        case .write(let a, let t, let text, let route): .write(author: person(a), thread: thread(t), text: text, route: route)
        case .note(let a, let t, let text): .note(author: person(a), thread: thread(t), text: text)
        case .add(let by, let list, let t): .add(by: person(by), people: people(list), thread: thread(t))
        case .remove(let by, let list, let t): .remove(by: person(by), people: people(list), thread: thread(t))
        case .joinTeam(let by, let list, let t): .joinTeam(by: person(by), people: people(list), team: team(t))
        case .leaveTeam(let by, let list, let t): .leaveTeam(by: person(by), people: people(list), team: team(t))
        case .follow(let p, let t): .follow(person(p), thread(t))
        case .unfollow(let p, let t): .unfollow(person(p), thread(t))
        case .close(let p, let t): .close(person(p), thread(t))
        case .reopen(let p, let t): .reopen(person(p), thread(t))
        case .setting(let p, let change): .setting(p.map(person), change)
        case .mobile(let p): .mobile(person(p))
        case .customersSetting(let change) where people["customers"] != nil:
            // v2 compatibility: a person named `customers` keeps `set customers …` as their own.
            .setting(person(.unknown("customers")), change)
        case .settingBy(let by, .customers, let change) where people["customers"] != nil:
            .settingBy(by: person(by), target: .person(person(.unknown("customers"))), change: change)
        case .channel, .customersSetting, .chatRouting, .customerPatience: action
        case .stopViewing(let p, let t): .stopViewing(person(p), thread(t))
        case .take(let p, let t): .take(person(p), thread(t))
        case .link(let by, let t, let item): .link(by: person(by), thread: thread(t), item: thread(item))
        case .settingBy(let by, .person(let target), let change): .settingBy(by: person(by), target: .person(person(target)), change: change)
        case .settingBy(let by, let target, let change): .settingBy(by: person(by), target: target, change: change)
        }
    }

    /// `with a, on b "text"` where `on` and `b` are people, not `on ITEM` (v2 compatibility: a
    /// person named `on` listed before another person): the whole list. Nil for a real `on ITEM`.
    private func listedOn(_ with: [PersonRef], _ item: ThreadRef?) -> [PersonRef]? {
        guard case .unknown(let name)? = item, people["on"] != nil, threads[name] == nil, people[name] != nil || teams[name] != nil
        else { return nil }
        return with + [.unknown("on"), .unknown(name)]
    }

    /// A person as an event names them; a team's name stays a team (it may stand where a thread's
    /// members are listed; where someone acts, lowering refuses it).
    func person(_ ref: PersonRef) -> PersonRef {
        guard case .unknown(let name) = ref else { return ref }
        if let id = people[name] { return .known(id) }
        if let id = teams[name] { return .team(id) }
        return ref
    }

    private func people(_ refs: [PersonRef]) -> [PersonRef] {
        var resolved = refs
        for index in resolved.indices { resolved[index] = person(resolved[index]) }
        return resolved
    }

    /// A thread slot, or what else the name is (a person's, a team's, nobody's).
    func thread(_ ref: ThreadRef) -> ThreadRef {
        guard case .unknown(let name) = ref else { return ref }
        if let id = threads[name] { return .known(id) }
        if let id = people[name] { return .person(id) }
        if let id = teams[name] { return .team(id) }
        return ref
    }

    func team(_ ref: TeamRef) -> TeamRef {
        guard case .unknown(let name) = ref, let id = teams[name] else { return ref }
        return .known(id)
    }

    /// The users and teams a user's message mentions (`@name` in its text), in order; a customer's
    /// `@name`, and an `@word` that names no user or team, are plain text.
    func mentions(_ action: PlannedEvent.Action) -> [Member] {
        let author: PersonRef, text: String
        switch action {
        case .start(let a, _, _, _, _, let t), .send(let a, _, let t), .write(let a, _, let t, _), .note(let a, _, let t):
            (author, text) = (a, t)
        default: return []
        }
        guard text.utf8.contains(UInt8(ascii: "@")), text.contains("@"), case .known(let id) = author, kinds[id.int] == .user else { return [] }
        return Mentions.names(in: text).compactMap { name in
            if let team = teams[name] { return .team(team) }
            return people[name].flatMap { kinds[$0.int] == .user ? .person($0) : nil }
        }
    }
}

import OmniSim

extension ScenarioCompiler {
    /// The failures of a run that `omnisim check` can tell without running: each event that names
    /// someone or something the file never declares, starts or drafts (the contract makes it a
    /// rejected event, not a file error), or that changes a setting it can never change
    /// (``settingRejection(of:in:)``), runs (at or before `end at`), and has no `at T expect
    /// error` at its time — so its error is certainly unmatched and `run` certainly fails (exit 1).
    /// Located at the unknown name, or the event; in file order.
    ///
    ///     at 0s alice starts conversation c1 with T-1 "hi"   → 'T-1' is no person, thread or team …
    ///     at 2m bob sets alice email off                      → only an admin can change alice's …
    public static func certainRejections(in compiled: CompiledScenario) -> [Diagnostic] {
        let plan = compiled.plan
        let errorTimes = Set(plan.checks.compactMap { check -> SimInstant? in
            if case .error = check.condition { return check.time }
            return nil
        })
        var found: [Diagnostic] = []
        var lastSource = -1
        for event in plan.events where event.sourceIndex != lastSource {
            guard plan.endAt.map({ event.time <= $0 }) ?? true, !errorTimes.contains(event.time) else { continue }
            let time = event.time.description
            if let name = unknownNames(in: event.action).first {
                let line = compiled.eventRanges[event.sourceIndex].start.line
                let range = rangeOfName(name, in: compiled.file.line(line), line: line) ?? compiled.eventRanges[event.sourceIndex]
                found.append(Diagnostic(.certainRejection(name, time: time), at: range))
            } else if let rejection = settingRejection(of: event.action, in: plan) {
                found.append(Diagnostic(.certainlyRejected(rejection.description, time: time), at: compiled.eventRanges[event.sourceIndex]))
            } else {
                continue
            }
            lastSource = event.sourceIndex  // a `mobile a, b` line's events are one line
        }
        return found
    }

    /// Why a timed setting change is rejected whenever it runs, if it is: who is an admin and who
    /// is a customer never change during a run, so ``SettingRights`` (the rule the run applies)
    /// decides it from the plan.
    static func settingRejection(of action: PlannedEvent.Action, in plan: ScenarioPlan) -> Rejection? {
        let cast = plan.cast
        switch action {
        case .setting(.known(let person)?, let change):
            return SettingRights.customerRejection(owner: .person(person), change: change, cast: cast)
        case .customersSetting(let change):
            return SettingRights.customerRejection(owner: .customers, change: change, cast: cast)
        case .settingBy(.known(let actor), let target, let change):
            let owner: SettingRights.Owner
            switch target {
            case .everyone: owner = .everyone
            case .customers: owner = .customers
            case .person(.known(let person)): owner = .person(person)
            case .person: return nil
            }
            return SettingRights.roleRejection(actor: actor, isAdmin: plan.personSetup[actor.int].isAdmin, owner: owner, cast: cast)
                ?? SettingRights.customerRejection(owner: owner, change: change, cast: cast)
        default:
            return nil
        }
    }

    /// The names of `action` that resolve to nobody (person, thread or team), in order.
    static func unknownNames(in action: PlannedEvent.Action) -> [String] {
        func p(_ ref: PersonRef?) -> [String] { if case .unknown(let name)? = ref { [name] } else { [] } }
        func t(_ ref: ThreadRef) -> [String] { if case .unknown(let name) = ref { [name] } else { [] } }
        func team(_ ref: TeamRef) -> [String] { if case .unknown(let name) = ref { [name] } else { [] } }
        switch action {
        case .logIn(let a), .logOut(let a), .joinChat(let a), .leaveChat(let a), .mobile(let a): return p(a)
        case .view(let a, let th), .viewOnMobile(let a, let th), .follow(let a, let th), .unfollow(let a, let th),
             .close(let a, let th), .reopen(let a, let th), .send(let a, let th, _), .cancel(let a, let th),
             .write(let a, let th, _, _), .note(let a, let th, _):
            return p(a) + t(th)
        case .start(let a, let th, _, let with, let item, _), .draft(let a, let th, _, let with, let item):
            return p(a) + t(th) + with.flatMap { p($0) } + (item.map(t) ?? [])
        case .stopViewing(let a, let th), .take(let a, let th): return p(a) + t(th)
        case .link(let a, let th, let item): return p(a) + t(th) + t(item)
        case .settingBy(let a, .person(let b), _): return p(a) + p(b)
        case .settingBy(let a, _, _): return p(a)
        case .add(let a, let people, let th), .remove(let a, let people, let th):
            return p(a) + people.flatMap { p($0) } + t(th)
        case .joinTeam(let a, let people, let tm), .leaveTeam(let a, let people, let tm):
            return p(a) + people.flatMap { p($0) } + team(tm)
        case .setting(let a, _): return p(a)
        default: return []  // events added later name nobody here until listed
        }
    }

    /// Where `name` stands in `text` as a whole name (after the `at` time), if it does.
    private static func rangeOfName(_ name: String, in text: Substring, line: Int) -> SourceRange? {
        let characters = Array(text.unicodeScalars), wanted = Array(name.unicodeScalars)
        func isNameCharacter(_ c: Unicode.Scalar) -> Bool { c.properties.isAlphabetic || ("0"..."9").contains(c) || "_.-".unicodeScalars.contains(c) }
        guard wanted.count <= characters.count else { return nil }
        for start in 0...(characters.count - wanted.count) where Array(characters[start..<start + wanted.count]) == wanted {
            let before = start == 0 ? nil : characters[start - 1], after = start + wanted.count < characters.count ? characters[start + wanted.count] : nil
            if before.map(isNameCharacter) != true, after.map(isNameCharacter) != true, before != "\"" {
                return SourceRange(line: line, column: start + 1, length: wanted.count)
            }
        }
        return nil
    }
}

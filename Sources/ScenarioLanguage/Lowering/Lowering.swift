import OmniSim

/// Turns parsed statements into a ``ScenarioPlan``: resolves names, applies top-level
/// declarations, and reports what the contract calls file errors (unknown people in declarations
/// and checks, settings on customers, …).
///
/// It lowers as the parser goes (a ``StatementSink``): each event becomes a ``PlannedEvent`` at
/// once, its names kept as written (`.unknown`), and the statement is dropped, so a file of a
/// million events holds the plan, not the plan and a syntax tree (the front end's memory follows
/// the plan). Declarations may come anywhere in a file, so names are resolved once it has all been
/// read (``lower()``): each event's names in place; the few lines that need their names' columns
/// then (a team where someone acts, a `bounce` event's person) are parsed again.
struct Lowering: StatementSink {
    let file: SourceFile
    var diagnostics: [Diagnostic] = []

    var personIndex: [String: PersonID] = [:]
    var personNames: [String] = []
    var personKinds: [PersonKind] = []
    var threadIndex: [String: ThreadID] = [:]
    var threadNames: [String] = []
    var teamIndex: [String: TeamID] = [:]
    var teamNames: [String] = []
    /// The names whose declaration (a team, an item) was refused, and where: errors about their
    /// later uses are caused by it, and are listed after it (``CauseOrder``).
    var failedDeclarations: [NameUse: SourceRange] = [:]

    /// How many statements are held until the whole file is read: the declarations, never an event.
    var heldStatementCount: Int { declarations.count }

    /// The statements other than events, in file order (declarations, settings, checks, loads:
    /// a file's few lines, or at most as many as the plan has people, checks and loads).
    private var declarations: [Statement] = []
    /// Each `load` line's index in the plan's source order, in file order.
    private var loadSourceIndices: [Int] = []
    /// The events as read, their names not yet resolved.
    var events: [PlannedEvent] = []
    /// The source range of each event (and load), by source index.
    var eventRanges: [SourceRange] = []
    /// The `bounce` events (rare), by index in `events`: whom they bounce is read again from their
    /// line once every person is declared (an unknown one is a file error, as in a declaration).
    private var bounces: [Int] = []
    /// The names events start or draft conversations under, in file order (their thread slots
    /// come after the items' and the loads').
    private var conversationNames: [String] = []
    /// What the file's settings let messages fan out to, and the loads' estimated cost (nil once a
    /// load is refused: the file's own messages are then not estimated).
    private var fanOut = FanOut()
    private var loadsCost: LoadCost? = LoadCost(bytes: 0, events: 0)
    /// Issue 23: the chat loads, with their ranges and source indices, in file order.
    var chatLoads: [(node: LoadNode, range: SourceRange, sourceIndex: Int)] = []
    /// Issue 23: what the chat loads generate: events (merged with the file's once names are
    /// resolved) and each chat's handling time.
    var chatLoadEvents: [PlannedEvent] = []
    var chatLoadHandling: [ThreadID: SimDuration] = [:]

    init(file: SourceFile) {
        self.file = file
        // At most an event a line (but for `mobile` lines naming several people): reserved once,
        // so that the plan's list never grows by copying. Pages never written are never resident.
        let lineCount = min(file.lines.count, Parser.statementCountMax)
        events.reserveCapacity(lineCount)
        eventRanges.reserveCapacity(lineCount)
    }

    // MARK: Statements as they are parsed

    mutating func take(_ statement: Statement) {
        switch statement.kind {
        case .event(let time, let node):
            switch node {
            case .start(_, let thread, _, _, _, _), .draft(_, let thread, _, _, _): conversationNames.append(thread.text)
            default: break
            }
            let sourceIndex = eventRanges.count
            eventRanges.append(statement.range)
            switch node {
            case .mobile(let names):
                // `at T mobile a, b` is one event per person, all from the same line.
                for name in names {
                    events.append(PlannedEvent(time: time, action: .mobile(.unknown(name.text)), sourceIndex: sourceIndex))
                }
            case .channelBounce(let kind, _):
                bounces.append(events.count)
                events.append(PlannedEvent(time: time, action: .channel(kind, .bounce(PersonID(0))), sourceIndex: sourceIndex))
            default:
                events.append(PlannedEvent(time: time, action: Self.unresolvedAction(node), sourceIndex: sourceIndex))
            }
        case .load(let node) where node.chat != nil:
            chatLoads.append((node, statement.range, eventRanges.count))
            eventRanges.append(statement.range)
        case .load:
            loadSourceIndices.append(eventRanges.count)
            eventRanges.append(statement.range)
            declarations.append(statement)
        default:
            declarations.append(statement)
        }
    }

    // MARK: The whole file

    /// The plan, once every statement was taken; file errors are in ``diagnostics``.
    mutating func lower() -> (ScenarioPlan, [SourceRange], [SourceRange]) {
        declarePeople()
        let teams = declareTeams()
        let items = declareItems()
        var loads = declareLoads(teams: teams)
        declareChatLoads(teams: teams)
        declareConversationSlots()
        let cast = Cast(personNames: personNames, personKinds: personKinds, threadNames: threadNames, teamNames: teamNames)
        var plan = ScenarioPlan(cast: cast, items: items)
        plan.teams = teams
        var loadIndex = 0
        var checkRanges: [SourceRange] = []
        for statement in declarations {
            switch statement.kind {
            case .scenario(let title): plan.title = title
            case .people, .item, .team, .event: break
            case .mobile(let names):
                for name in names { if let id = configurableUser(name) { plan.personSetup[id.int].hasMobile = true } }
            case .setting(nil, let change): plan.everyone.apply(change)
            case .setting(let name?, let change):
                if let id = configurablePerson(name, change) { plan.personSetup[id.int].settings.apply(change) }
            case .customersSetting(let change) where personIndex["customers"] != nil:
                // v2 compatibility: a person named `customers` keeps `set customers …` as their own.
                let name = Name(text: "customers", range: statement.range)
                if let id = configurablePerson(name, change) { plan.personSetup[id.int].settings.apply(change) }
            case .customersSetting(let change):
                if change.appliesToCustomers {
                    plan.customers.apply(change)
                } else {
                    diagnostics.append(Diagnostic(.settingNotForCustomers(change.settingWord, who: "customers"), at: statement.range))
                }
            case .admins(let names):
                for name in names { if let id = admin(name) { plan.personSetup[id.int].isAdmin = true } }
            case .chatRouting(let routing): plan.chatRouting = routing
            case .customerPatience(let patience): plan.customerPatience = patience
            case .chatHandling(let name, let time):
                if let thread = knownThread(name) {
                    if plan.chatHandling[thread] != nil { diagnostics.append(Diagnostic(.chatHandledTwice(name.text), at: statement.range)) }
                    plan.chatHandling[thread] = time
                }
            case .channel(let kind, let change): plan.channels[kind.rawValue].apply(change)
            case .channelBounce(let kind, let name):
                if let id = knownPerson(name) { plan.channels[kind.rawValue].apply(.bounce(id)) }
            case .endAt(let time):
                if plan.endAt != nil { diagnostics.append(Diagnostic(.duplicateEndAt(), at: statement.range)) }
                plan.endAt = time
            case .expectation(let time, let node):
                if let condition = condition(node, timed: time != nil, range: statement.range) {
                    plan.checks.append(PlannedCheck(id: checkRanges.count, time: time, condition: condition))
                    checkRanges.append(statement.range)
                }
            case .load:
                guard loadIndex < loads.count else { break }
                loads[loadIndex].sourceIndex = loadSourceIndices[loadIndex]
                plan.loads.append(loads[loadIndex])
                loadIndex += 1
            }
        }
        resolveEvents()
        mergeChatLoadEvents()
        for (thread, time) in chatLoadHandling { plan.chatHandling[thread] = time }
        plan.events = events
        events = []
        estimateMessages(plan)
        return (plan, checkRanges, eventRanges)
    }

    /// The file's own messages counted with the loads (``MessagesCost``): the first message that
    /// brings the run past the limits is a file error, with the figures.
    private mutating func estimateMessages(_ plan: ScenarioPlan) {
        guard let loadsCost else { return }
        let (cost, firstOver) = MessagesCost.estimate(plan, fanOut: fanOut, adding: loadsCost)
        guard let firstOver else { return }
        diagnostics.append(Diagnostic(.messagesTooCostly(cost), at: eventRanges[plan.events[firstOver].sourceIndex]))
    }

    /// Resolves every event's names in place, now that every declaration is known. An event whose
    /// subject is a team is a file error (a team never acts, has no settings and no app: for a
    /// `mobile` line, the first team it names); so is a `bounce` to nobody. Both need a name's
    /// column, so those lines are parsed again.
    private mutating func resolveEvents() {
        let resolver = NameResolver(people: personIndex, kinds: personKinds, threads: threadIndex, teams: teamIndex)
        var teamsActing: [Int] = []
        for index in events.indices {
            let action = resolver.resolved(events[index].action)
            let mentions = resolver.mentions(action)
            // A `mobile` line's events are consecutive: its line is looked at once.
            if Self.namesTeamActing(action), teamsActing.last != events[index].sourceIndex {
                teamsActing.append(events[index].sourceIndex)
            }
            events[index].action = action
            if !mentions.isEmpty { events[index].mentions = mentions }
        }
        for sourceIndex in teamsActing {
            if let node = reparsedEvent(sourceIndex), let misused = teamActing(node) {
                diagnostics.append(Diagnostic(.teamActs(misused.text), at: misused.range))
            }
        }
        for index in bounces {
            if case .channelBounce(let kind, let name)? = reparsedEvent(events[index].sourceIndex), let id = knownPerson(name) {
                events[index].action = .channel(kind, .bounce(id))
            }
        }
    }

    /// Whether a resolved event has a team where a person acts or has settings: its subject, or
    /// (v3) the one whose settings `A sets B …` changes.
    private static func namesTeamActing(_ action: PlannedEvent.Action) -> Bool {
        if case .team? = action.subject { return true }
        if case .settingBy(_, .person(.team), _) = action { return true }
        return false
    }

    /// The event of the line behind `sourceIndex`, parsed again with its names' ranges.
    private func reparsedEvent(_ sourceIndex: Int) -> EventNode? {
        let line = eventRanges[sourceIndex].start.line
        return Parser.reparsedEvent(file.line(line), number: line)
    }

    // MARK: Declarations

    private mutating func declarePeople() {
        for statement in declarations {
            guard case .people(let kind, let names) = statement.kind else { continue }
            for name in names {
                guard personIndex[name.text] == nil else {
                    diagnostics.append(Diagnostic(.duplicateDeclaration(name.text), at: name.range))
                    continue
                }
                personIndex[name.text] = PersonID(personNames.count)
                personNames.append(name.text)
                personKinds.append(kind)
            }
        }
    }

    /// `team NAME MEMBERS` lines (v2): each team's name and members, after the people. A member
    /// must be a declared user; a member listed twice counts once.
    private mutating func declareTeams() -> TeamRoster {
        var members: [[PersonID]] = []
        for statement in declarations {
            guard case .team(let name, let listed) = statement.kind else { continue }
            guard personIndex[name.text] == nil, teamIndex[name.text] == nil else {
                diagnostics.append(Diagnostic(.nameTaken(name.text), at: name.range))
                failedDeclarations[NameUse(name.text, as: .team)] = failedDeclarations[NameUse(name.text, as: .team)] ?? name.range
                continue
            }
            teamIndex[name.text] = TeamID(teamNames.count)
            teamNames.append(name.text)
            var team: [PersonID] = []
            for member in listed {
                guard let id = knownPerson(member) else { continue }
                guard personKinds[id.int] == .user else {
                    diagnostics.append(Diagnostic(.customerInTeam(member.text), at: member.range))
                    continue
                }
                if !team.contains(id) { team.append(id) }
            }
            members.append(team)
        }
        return TeamRoster(members: members)
    }

    private mutating func declareItems() -> [ItemDeclaration] {
        var items: [ItemDeclaration] = []
        for statement in declarations {
            guard case .item(let kind, let name, let title, let followers) = statement.kind else { continue }
            guard personIndex[name.text] == nil, threadIndex[name.text] == nil, teamIndex[name.text] == nil else {
                diagnostics.append(Diagnostic(.nameTaken(name.text), at: name.range))
                failedDeclarations[NameUse(name.text, as: .thread)] = failedDeclarations[NameUse(name.text, as: .thread)] ?? name.range
                continue
            }
            let id = addThreadSlot(name.text)
            let followerIDs = followers.compactMap { knownMember($0) }
            items.append(ItemDeclaration(thread: id, kind: kind, title: title, followers: followerIDs))
        }
        return items
    }

    /// Each `load` line's people (`u1…`, `k1…`) and conversations (`c1…`), after the declared ones;
    /// a named load's are `NAME.u1…`, `NAME.k1…`, `NAME.c1…` (v2). Several loads must each be named.
    private mutating func declareLoads(teams: TeamRoster) -> [LoadSpec] {
        var loads: [LoadSpec] = []
        var cost = LoadCost(bytes: 0, events: 0)
        let loadCount = declarations.count { if case .load = $0.kind { true } else { false } }
        let declaredUsers = personKinds.indices.filter { personKinds[$0] == .user }.map(PersonID.init)
        fanOut = gatherFanOut(declaredUsers: declaredUsers.count)
        for statement in declarations {
            guard case .load(let load) = statement.kind else { continue }
            if loadCount > 1 && load.name == nil {
                diagnostics.append(Diagnostic(.unnamedLoad(), at: statement.range))
                continue
            }
            var existing: [PersonID]?
            switch load.usersFrom {
            case nil: existing = nil
            case .everyone: existing = declaredUsers
            case .team(let team):
                guard let id = teamIndex[team.text] else {
                    diagnostics.append(Diagnostic(.unknownTeam(team.text), at: team.range, about: NameUse(team.text, as: .team)))
                    continue
                }
                existing = teams.members(of: id)
            }
            // Refused before anything is declared: a line past the limits would cost gigabytes here.
            cost = cost + LoadCost(
                users: existing == nil ? load.users : 0, existingUsers: existing?.count, customers: load.customers,
                conversations: load.conversations, messages: load.messages, over: load.over, from: load.from,
                shape: load.shape, fanOut: fanOut)
            guard cost.isWithinLimits else {
                diagnostics.append(Diagnostic(.loadTooCostly(cost), at: statement.range))
                loadsCost = nil
                break
            }
            let prefix = load.name.map { "\($0.text)." } ?? ""
            if let name = load.name, personIndex[name.text] != nil || threadIndex[name.text] != nil || teamIndex[name.text] != nil {
                diagnostics.append(Diagnostic(.nameTaken(name.text), at: name.range))
                continue
            }
            let firstUser = PersonID(personNames.count)
            let userCount = existing == nil ? load.users : 0
            guard declareGenerated(prefix + "u", count: userCount, kind: .user, at: statement.range) else { continue }
            let firstCustomer = PersonID(personNames.count)
            guard declareGenerated(prefix + "k", count: load.customers, kind: .customer, at: statement.range) else { continue }
            let firstThread = ThreadID(threadNames.count)
            var clash: String?
            for index in 1...max(load.conversations, 1) where index <= load.conversations {
                let name = "\(prefix)c\(index)"
                if personIndex[name] != nil || threadIndex[name] != nil || teamIndex[name] != nil { clash = name; break }
                _ = addThreadSlot(name)
            }
            if let clash {
                diagnostics.append(Diagnostic(.nameTaken(clash), at: statement.range))
                continue
            }
            if load.conversations > 0, let existing, existing.isEmpty, load.customers == 0 {
                diagnostics.append(Diagnostic(.loadNeeds("conversations", "at least one user or customer"), at: statement.range))
                continue
            }
            var spec = LoadSpec(
                seed: load.seed, firstUser: firstUser, userCount: userCount, firstCustomer: firstCustomer,
                customerCount: load.customers, firstThread: firstThread, conversationCount: load.conversations,
                messageCount: load.messages, over: load.over, sourceIndex: 0)
            spec.from = load.from
            spec.shape = load.shape
            spec.existingUsers = existing
            loads.append(spec)
        }
        if loadsCost != nil { loadsCost = cost }
        return loads
    }

    /// What the file's settings (top level and timed, by name as written) let messages fan out to,
    /// among the declared users and every load's generated ones; read before any load is declared.
    private func gatherFanOut(declaredUsers: Int) -> FanOut {
        var gatherer = FanOut.Gatherer<String>()
        var users = declaredUsers
        for statement in declarations {
            switch statement.kind {
            case .setting(let name, let change): gatherer.take(change, for: name?.text)
            case .load(let load) where load.usersFrom == nil: users += load.users
            default: continue
            }
        }
        for event in events {
            // v3: `A sets B|everyone …` changes what `set B|everyone …` does (counted even if refused).
            let person: PersonRef?, change: SettingChange
            switch event.action {
            case .setting(let who, let what): (person, change) = (who, what)
            case .settingBy(_, .person(let who), let what): (person, change) = (who, what)
            case .settingBy(_, .everyone, let what): (person, change) = (nil, what)
            default: continue
            }
            switch person {
            case nil: gatherer.take(change, for: nil)
            case .unknown(let name)?: gatherer.take(change, for: name)
            case .known?, .team?: continue  // not before names are resolved
            }
        }
        return gatherer.fanOut(users: users)
    }

    mutating func declareGenerated(_ prefix: String, count: Int, kind: PersonKind, at range: SourceRange) -> Bool {
        guard count > 0 else { return true }
        for index in 1...count {
            let name = "\(prefix)\(index)"
            guard personIndex[name] == nil, teamIndex[name] == nil else {
                diagnostics.append(Diagnostic(.duplicateDeclaration(name), at: range))
                return false
            }
            personIndex[name] = PersonID(personNames.count)
            personNames.append(name)
            personKinds.append(kind)
        }
        return true
    }

    /// Every name some event starts or drafts a conversation under gets a thread slot.
    private mutating func declareConversationSlots() {
        for name in conversationNames where personIndex[name] == nil && threadIndex[name] == nil && teamIndex[name] == nil {
            _ = addThreadSlot(name)
        }
        conversationNames = []
    }

    mutating func addThreadSlot(_ name: String) -> ThreadID {
        let id = ThreadID(threadNames.count)
        threadIndex[name] = id
        threadNames.append(name)
        return id
    }

    // MARK: Names (the others in Lowering+Names.swift)

    /// A person a top-level `set` line names: a user, or (v3) a customer with a customer setting.
    private mutating func configurablePerson(_ name: Name, _ change: SettingChange) -> PersonID? {
        // `set everyon …`, `set customer …`: nobody of that name, but near a target word.
        if personIndex[name.text] == nil, teamIndex[name.text] == nil,
           let word = EditDistance.suggestion(for: name.text, among: ["everyone", "customers"]) {
            diagnostics.append(Diagnostic(.unknownPerson(name.text, suggestion: word), at: name.range, about: NameUse(name.text, as: .person)))
            return nil
        }
        if let id = personIndex[name.text], personKinds[id.int] == .customer, teamIndex[name.text] == nil {
            guard change.appliesToCustomers else {
                diagnostics.append(Diagnostic(.settingNotForCustomers(change.settingWord, who: name.text), at: name.range))
                return nil
            }
            return id
        }
        return configurableUser(name)
    }

    /// A user an `admin` line names (a customer, a team or an unknown name: a file error).
    private mutating func admin(_ name: Name) -> PersonID? {
        if teamIndex[name.text] != nil {
            diagnostics.append(Diagnostic(.adminNotUser(name.text, what: "a team"), at: name.range))
            return nil
        }
        guard let id = knownPerson(name) else { return nil }
        guard personKinds[id.int] == .user else {
            diagnostics.append(Diagnostic(.adminNotUser(name.text, what: "a customer"), at: name.range))
            return nil
        }
        return id
    }

    /// A user that a top-level `set` or `mobile` line names.
    private mutating func configurableUser(_ name: Name) -> PersonID? {
        if teamIndex[name.text] != nil {
            diagnostics.append(Diagnostic(.teamActs(name.text), at: name.range))
            return nil
        }
        guard let id = knownPerson(name) else { return nil }
        guard personKinds[id.int] == .user else {
            diagnostics.append(Diagnostic(.settingOnCustomer(name.text), at: name.range))
            return nil
        }
        return id
    }
}

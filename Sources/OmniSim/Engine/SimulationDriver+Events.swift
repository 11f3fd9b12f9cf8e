extension SimulationDriver {
    /// A scenario event broke a rule: it becomes a ``RejectedEvent`` (it changed nothing).
    func reject(_ run: inout RunState, _ event: PlannedEvent, _ error: Rejection) {
        run.rejections.append(RejectedEvent(
            time: run.now, sourceIndex: event.sourceIndex, message: error.description, matched: false))
        if journaling, case .known(let subject)? = event.action.subject, run.journal?.records(subject) == true {
            note(&run, subject, .rejected(error.description))
        }
    }

    /// Runs one scenario event, or throws the rule it breaks (and changes nothing).
    @inline(__always)
    func apply(_ run: inout RunState, _ action: PlannedEvent.Action, mentions: [Member] = []) async throws(Rejection) {
        if try applyAtOnce(&run, action, mentions: mentions) { return }
        switch action {
        case .viewOnMobile(let person, let threadRef):
            let (id, actor) = try user(person, "view threads")
            let thread = try thread(threadRef)
            try await thread.checkViewer(id, seesAllCustomerThreads: run.customerMessages.isAll(id, everyone: run.everyone))
            guard await actor.hasMobile else { throw .noMobileApp(person: cast.name(of: id)) }
            let seen = await actor.viewOnMobile(thread.id)
            if journaling { noteView(&run, id, thread.id, .onMobile, seen: seen) }
        case .draft(let author, let threadRef, let isCustomer, let listed):
            let (authorID, thread, people) = try resolveOpening(author, threadRef, listed, isCustomer: isCustomer)
            try await threadActor(thread).open(customer: isCustomer, author: authorID, listed: people, asDraft: true, teams: run.teams)
        case .send(let author, let threadRef, let text):
            let authorID = try person(author, "send drafts")
            let thread = try thread(threadRef)
            try await thread.sendDraft(by: authorID, teams: run.teams)
            try post(&run, in: thread.id, by: authorID, text: text, isNote: false, viaApp: true, mentioning: mentions)
        case .cancel(let author, let threadRef):
            let authorID = try person(author, "cancel drafts")
            try await thread(threadRef).cancelDraft(by: authorID)
        case .add, .remove, .follow, .unfollow, .close, .reopen:
            try await applyMembership(&run, action)
        case .logIn, .logOut, .joinChat, .leaveChat, .view, .start, .write, .note:
            preconditionFailure("applyAtOnce(_:_:mentions:) handles \(action)")
        case .joinTeam(let by, let people, let teamRef), .leaveTeam(let by, let people, let teamRef):
            let joining: Bool
            if case .joinTeam = action { joining = true } else { joining = false }
            let (actorID, _) = try user(by, "change teams")
            let team = try team(teamRef)
            if joining { try run.teams.add(people, to: team, cast: cast) } else { try run.teams.remove(people, from: team, cast: cast) }
            if journaling { noteTeamChange(&run, people, team, joined: joining, by: actorID) }
            await teamChanged(&run, team)
        case .setting(nil, let change):
            let before = run.everyone
            run.everyone.apply(change)
            if case .customerMessages = change { await endViewsWithoutRight(&run, everyoneBefore: before) }
        case .setting(let person?, let change):
            let (id, actor) = try user(person, "have settings")
            await actor.apply(change)
            if case .customerMessages(let scope) = change {
                let hadAll = run.customerMessages.isAll(id, everyone: run.everyone)
                run.customerMessages.set(id, scope)
                if hadAll { await endViewWithoutRight(&run, id) }
            }
        case .mobile(let person):
            try await user(person, "have the mobile app").actor.giveMobile()
        case .channel(let kind, let change):
            if let window = await channelActor(kind).apply(change, at: run.now) {
                run.agenda.schedule(.windowOpens(kind), at: window, phase: .windowRelease)
            }
        }
    }

    /// The commonest events — presence, views, messages — run synchronously (every actor call on
    /// their path is a synchronous one). Returns false, having done nothing, for any other event.
    @inline(__always)
    func applyAtOnce(_ run: inout RunState, _ action: PlannedEvent.Action, mentions: [Member]) throws(Rejection) -> Bool {
        switch action {
        case .logIn(let person):
            let id = try userID(person, "log in or out")
            users.lendPresent(id.int) { $0.logInSync() }
            if journaling { notePresence(&run, id, .loggedIn) }
        case .logOut(let person):
            let id = try userID(person, "log in or out")
            users.lendPresent(id.int) { $0.logOutSync() }
            if journaling { notePresence(&run, id, .loggedOut) }
        case .joinChat(let person):
            let id = try customerID(person, "join or leave chat")
            customers.lendPresent(id.int) { $0.joinChatSync() }
            if journaling { notePresence(&run, id, .joinedChat) }
        case .leaveChat(let person):
            let id = try customerID(person, "join or leave chat")
            customers.lendPresent(id.int) { $0.leaveChatSync() }
            if journaling { notePresence(&run, id, .leftChat) }
        case .view(let person, let threadRef):
            let id = try userID(person, "view threads")
            let thread = try threadID(threadRef)
            let seesAll = run.customerMessages.isAll(id, everyone: run.everyone)
            try threads.lendPresent(thread.int) { (actor) throws(Rejection) in try actor.checkViewerSync(id, seesAllCustomerThreads: seesAll) }
            let seen = users.lendPresent(id.int) { $0.viewSync(thread) }
            if journaling { noteView(&run, id, thread, .opened, seen: seen) }
        case .start(let author, let threadRef, let isCustomer, let listed, let text):
            let (authorID, thread, people) = try resolveOpening(author, threadRef, listed, isCustomer: isCustomer)
            let teams = run.teams
            try threads.lendPresent(thread.int) { (actor) throws(Rejection) in
                try actor.openSync(customer: isCustomer, author: authorID, listed: people, asDraft: false, teams: teams)
            }
            try post(&run, in: thread, by: authorID, text: text, isNote: false, viaApp: true, mentioning: mentions)
        case .write(let author, let threadRef, let text, let route):
            try post(
                &run, in: threadID(threadRef), by: person(author, "write"), text: text, isNote: false, viaApp: route == .app,
                mentioning: mentions)
        case .note(let author, let threadRef, let text):
            let id = try userID(author, "write internal notes")
            try post(&run, in: threadID(threadRef), by: id, text: text, isNote: true, viaApp: true, mentioning: mentions)
        default:
            return false
        }
        return true
    }

    /// After `set everyone customer-messages …`: the views of the users who no longer see every
    /// customer thread end where they are not members.
    private func endViewsWithoutRight(_ run: inout RunState, everyoneBefore: UserSettings) async {
        for index in users.indices where users[index] != nil {
            let id = PersonID(index)
            if run.customerMessages.isAll(id, everyone: everyoneBefore) { await endViewWithoutRight(&run, id) }
        }
    }

    /// A view ends when its user loses the right to view the thread (`customer-messages` no longer
    /// `all`, and not a member).
    private func endViewWithoutRight(_ run: inout RunState, _ id: PersonID) async {
        guard !run.customerMessages.isAll(id, everyone: run.everyone), let user = users[id.int],
              let thread = await user.viewing, !(await threadActor(thread).isMember(id))
        else { return }
        await user.stopViewing(thread)
    }

    /// A team's membership changed: every thread resolves its teams again, and whoever lost a
    /// thread stops viewing it (unless they may still view it).
    private func teamChanged(_ run: inout RunState, _ team: TeamID) async {
        for index in threads.indices {
            guard let thread = threads[index] else { continue }
            let lost = await thread.teamsChanged(run.teams)
            guard !lost.isEmpty else { continue }
            if journaling {
                for person in lost where run.journal?.records(person) == true { note(&run, person, .lostThroughTeam(thread.id, team: team)) }
            }
            await endViews(&run, of: lost, in: thread)
        }
    }

    /// People who are no longer members of `thread`: a view of it ends where they lost the right to
    /// view it (`customer-messages all` still lets a user view a customer thread).
    private func endViews(_ run: inout RunState, of lost: [PersonID], in thread: ThreadActor) async {
        for id in lost {
            guard let user = users[id.int], await user.viewing == thread.id else { continue }
            if await thread.mayView(id, seesAllCustomerThreads: run.customerMessages.isAll(id, everyone: run.everyone)) { continue }
            await user.stopViewing(thread.id)
        }
    }

    /// Who is in a thread, and whether it is open: adds, removes, follows, closes.
    private func applyMembership(_ run: inout RunState, _ action: PlannedEvent.Action) async throws(Rejection) {
        switch action {
        case .add(let by, let people, let threadRef):
            let (actorID, _) = try user(by, "add people")
            let entries = try people.map { (ref) throws(Rejection) in try member(ref) }
            try await thread(threadRef).add(entries, by: actorID, teams: run.teams)
        case .remove(let by, let people, let threadRef):
            let (actorID, _) = try user(by, "remove people")
            let entries = try people.map { (ref) throws(Rejection) in try member(ref) }
            let thread = try thread(threadRef)
            let lost = try await thread.remove(entries, by: actorID, teams: run.teams)
            await endViews(&run, of: lost, in: thread)
        case .follow(let person, let threadRef):
            let (id, _) = try user(person, "follow items")
            _ = try await thread(threadRef).setFollowing(true, user: id, teams: run.teams)
        case .unfollow(let person, let threadRef):
            let (id, _) = try user(person, "unfollow items")
            let thread = try thread(threadRef)
            let lost = try await thread.setFollowing(false, user: id, teams: run.teams)
            await endViews(&run, of: lost, in: thread)
        case .close(let person, let threadRef), .reopen(let person, let threadRef):
            let closing: Bool
            if case .close = action { closing = true } else { closing = false }
            let id = try self.person(person, closing ? "close conversations" : "reopen conversations")
            try await thread(threadRef).setClosed(closing, by: id)
        default:
            preconditionFailure("applyMembership(_:) takes membership events only")
        }
    }

    private func resolveOpening(
        _ author: PersonRef, _ threadRef: ThreadRef, _ listed: [PersonRef], isCustomer: Bool
    ) throws(Rejection) -> (PersonID, ThreadID, [Member]) {
        let authorID = try person(author, "start conversations")
        if !isCustomer && cast.isCustomer(authorID) {
            throw .customerInUserConversation(person: cast.name(of: authorID))
        }
        let entries = try listed.map { (ref) throws(Rejection) in try member(ref) }
        switch threadRef {
        case .known(let id): return (authorID, id, entries)
        case .person(let id): throw .nameTaken(name: cast.name(of: id), byPerson: true)
        case .team(let id): throw .nameTakenByTeam(name: cast.name(of: id))
        case .unknown(let name): throw .unknownThread(name)
        }
    }

    /// The person who does something; a team never acts.
    func person(_ ref: PersonRef, _ action: String) throws(Rejection) -> PersonID {
        switch ref {
        case .known(let id): return id
        case .unknown(let name): throw .unknownPerson(name)
        case .team(let id): throw .teamActs(team: cast.name(of: id), action: action)
        }
    }

    /// An entry of a thread's membership list: a person, or a team (v2).
    private func member(_ ref: PersonRef) throws(Rejection) -> Member {
        switch ref {
        case .known(let id): return .person(id)
        case .unknown(let name): throw .unknownPerson(name)
        case .team(let id): return .team(id)
        }
    }

    private func team(_ ref: TeamRef) throws(Rejection) -> TeamID {
        switch ref {
        case .known(let id): return id
        case .unknown(let name): throw .unknownTeam(name)
        }
    }

    /// The user who does something (the hot path lends their actor from ``users`` by this id).
    private func userID(_ ref: PersonRef, _ action: String) throws(Rejection) -> PersonID {
        let id = try person(ref, action)
        guard users.contains(id.int) else { throw .onlyUsers(person: cast.name(of: id), action: action) }
        return id
    }

    private func user(_ ref: PersonRef, _ action: String) throws(Rejection) -> (id: PersonID, actor: UserActor) {
        let id = try userID(ref, action)
        return (id, users.present(id.int))
    }

    private func customerID(_ ref: PersonRef, _ action: String) throws(Rejection) -> PersonID {
        let id = try person(ref, action)
        guard customers.contains(id.int) else { throw .onlyCustomers(person: cast.name(of: id), action: action) }
        return id
    }

    private func threadID(_ ref: ThreadRef) throws(Rejection) -> ThreadID {
        switch ref {
        case .known(let id): return id
        case .unknown(let name): throw .unknownThread(name)
        case .person(let id): throw .unknownThread(cast.name(of: id))
        case .team(let id): throw .unknownThread(cast.name(of: id))
        }
    }

    private func thread(_ ref: ThreadRef) throws(Rejection) -> ThreadActor { threadActor(try threadID(ref)) }

    /// A channel's actor, retained (off the hot path).
    func channelActor(_ kind: ChannelKind) -> ChannelActor {
        channels.present(kind.rawValue)
    }

    /// The actor of a thread slot, retained (off the hot path; every slot has one).
    func threadActor(_ id: ThreadID) -> ThreadActor {
        threads.present(id.int)
    }
}

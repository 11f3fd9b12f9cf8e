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
    func apply(_ run: inout RunState, _ action: PlannedEvent.Action, mentions: [PersonID] = []) async throws(Rejection) {
        switch action {
        case .logIn(let person):
            let actor = try user(person, "log in or out").actor
            await actor.logIn()
            if journaling { await notePresence(&run, actor.id, .loggedIn) }
        case .logOut(let person):
            let actor = try user(person, "log in or out").actor
            await actor.logOut()
            if journaling { await notePresence(&run, actor.id, .loggedOut) }
        case .joinChat(let person):
            let actor = try customer(person, "join or leave chat")
            await actor.joinChat()
            if journaling { await notePresence(&run, actor.id, .joinedChat) }
        case .leaveChat(let person):
            let actor = try customer(person, "join or leave chat")
            await actor.leaveChat()
            if journaling { await notePresence(&run, actor.id, .leftChat) }
        case .view(let person, let threadRef):
            let (id, actor) = try user(person, "view threads")
            let thread = try thread(threadRef)
            try await thread.checkViewer(id, seesAllCustomerThreads: run.customerMessages.isAll(id, everyone: run.everyone))
            let seen = await actor.view(thread.id)
            if journaling { await noteView(&run, id, thread.id, .opened, seen: seen) }
        case .viewOnMobile(let person, let threadRef):
            let (id, actor) = try user(person, "view threads")
            let thread = try thread(threadRef)
            try await thread.checkViewer(id, seesAllCustomerThreads: run.customerMessages.isAll(id, everyone: run.everyone))
            guard await actor.hasMobile else { throw .noMobileApp(person: cast.name(of: id)) }
            let seen = await actor.viewOnMobile(thread.id)
            if journaling { await noteView(&run, id, thread.id, .onMobile, seen: seen) }
        case .start(let author, let threadRef, let isCustomer, let listed, let text):
            let (authorID, thread, people) = try resolveOpening(author, threadRef, listed, isCustomer: isCustomer)
            try await thread.open(customer: isCustomer, author: authorID, listed: people, asDraft: false)
            try await post(&run, in: thread, by: authorID, text: text, isNote: false, viaApp: true, mentioning: mentions)
        case .draft(let author, let threadRef, let isCustomer, let listed):
            let (authorID, thread, people) = try resolveOpening(author, threadRef, listed, isCustomer: isCustomer)
            try await thread.open(customer: isCustomer, author: authorID, listed: people, asDraft: true)
        case .send(let author, let threadRef, let text):
            let authorID = try person(author)
            let thread = try thread(threadRef)
            try await thread.sendDraft(by: authorID)
            try await post(&run, in: thread, by: authorID, text: text, isNote: false, viaApp: true, mentioning: mentions)
        case .cancel(let author, let threadRef):
            let authorID = try person(author)
            try await thread(threadRef).cancelDraft(by: authorID)
        case .write(let author, let threadRef, let text, let route):
            try await post(
                &run, in: thread(threadRef), by: person(author), text: text, isNote: false, viaApp: route == .app,
                mentioning: mentions)
        case .note(let author, let threadRef, let text):
            let (id, _) = try user(author, "write internal notes")
            try await post(&run, in: thread(threadRef), by: id, text: text, isNote: true, viaApp: true, mentioning: mentions)
        case .add, .remove, .follow, .unfollow, .close, .reopen:
            try await applyMembership(action)
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
            if let window = await channels[kind.rawValue].apply(change, at: run.now) {
                run.agenda.schedule(.windowOpens(kind), at: window, phase: .windowRelease)
            }
        }
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
              let thread = await user.viewing, !(await threads[thread.int].isMember(id))
        else { return }
        await user.stopViewing(thread)
    }

    /// Who is in a thread, and whether it is open: adds, removes, follows, closes.
    private func applyMembership(_ action: PlannedEvent.Action) async throws(Rejection) {
        switch action {
        case .add(let by, let people, let threadRef):
            let (actorID, _) = try user(by, "add people")
            let ids = try people.map { (ref) throws(Rejection) in try person(ref) }
            try await thread(threadRef).add(ids, by: actorID)
        case .remove(let by, let people, let threadRef):
            let (actorID, _) = try user(by, "remove people")
            let ids = try people.map { (ref) throws(Rejection) in try person(ref) }
            let thread = try thread(threadRef)
            try await thread.remove(ids, by: actorID)
            for id in ids { await users[id.int]?.stopViewing(thread.id) }
        case .follow(let person, let threadRef):
            let (id, _) = try user(person, "follow items")
            try await thread(threadRef).setFollowing(true, user: id)
        case .unfollow(let person, let threadRef):
            let (id, actor) = try user(person, "unfollow items")
            let thread = try thread(threadRef)
            try await thread.setFollowing(false, user: id)
            await actor.stopViewing(thread.id)
        case .close(let person, let threadRef), .reopen(let person, let threadRef):
            let closing: Bool
            if case .close = action { closing = true } else { closing = false }
            let id = try self.person(person)
            try await thread(threadRef).setClosed(closing, by: id)
        default:
            preconditionFailure("applyMembership(_:) takes membership events only")
        }
    }

    private func resolveOpening(
        _ author: PersonRef, _ threadRef: ThreadRef, _ listed: [PersonRef], isCustomer: Bool
    ) throws(Rejection) -> (PersonID, ThreadActor, [PersonID]) {
        let authorID = try person(author)
        if !isCustomer && cast.isCustomer(authorID) {
            throw .customerInUserConversation(person: cast.name(of: authorID))
        }
        let people = try listed.map { (ref) throws(Rejection) in try person(ref) }
        switch threadRef {
        case .known(let id): return (authorID, threads[id.int], people)
        case .person(let id): throw .nameTaken(name: cast.name(of: id), byPerson: true)
        case .unknown(let name): throw .unknownThread(name)
        }
    }

    func person(_ ref: PersonRef) throws(Rejection) -> PersonID {
        switch ref {
        case .known(let id): return id
        case .unknown(let name): throw .unknownPerson(name)
        }
    }

    private func user(_ ref: PersonRef, _ action: String) throws(Rejection) -> (id: PersonID, actor: UserActor) {
        let id = try person(ref)
        guard let actor = users[id.int] else { throw .onlyUsers(person: cast.name(of: id), action: action) }
        return (id, actor)
    }

    private func customer(_ ref: PersonRef, _ action: String) throws(Rejection) -> CustomerActor {
        let id = try person(ref)
        guard let actor = customers[id.int] else { throw .onlyCustomers(person: cast.name(of: id), action: action) }
        return actor
    }

    private func thread(_ ref: ThreadRef) throws(Rejection) -> ThreadActor {
        switch ref {
        case .known(let id): return threads[id.int]
        case .unknown(let name): throw .unknownThread(name)
        case .person(let id): throw .unknownThread(cast.name(of: id))
        }
    }
}

extension SimulationDriver {
    /// A scenario event broke a rule: it becomes a ``RejectedEvent`` (it changed nothing).
    func reject(_ run: inout RunState, _ event: PlannedEvent, _ error: Rejection) {
        let rejected = RejectedEvent(time: run.now, sourceIndex: event.sourceIndex, rejection: error)
        run.rejections.append(rejected)
        tell(.rejected(rejected))
        if journaling, case .known(let subject)? = event.action.subject, run.journal?.records(subject) == true {
            note(&run, subject, .rejected(error.description))
        }
    }

    /// Runs one scenario event, or throws the rule it breaks (and changes nothing): one dispatch,
    /// every actor reached synchronously. The commonest events (presence, views, messages) are
    /// handled in line; the rarer ones in functions of their own.
    @inline(__always)
    func apply(_ run: inout RunState, _ action: PlannedEvent.Action, mentions: [Member]) throws(Rejection) {
        switch action {
        case .logIn(let person):
            let id = try userID(person, "log in or out")
            users.withPresentState(id.int) { $0.logIn() }
            if journaling { notePresence(&run, id, .loggedIn) }
        case .logOut(let person):
            let id = try userID(person, "log in or out")
            users.withPresentState(id.int) { $0.logOut() }
            if journaling { notePresence(&run, id, .loggedOut) }
        case .joinChat(let person):
            let id = try customerID(person, "join or leave chat")
            customers.withPresentState(id.int) { $0.joinChat() }
            if journaling { notePresence(&run, id, .joinedChat) }
        case .leaveChat(let person):
            try customerLeavesChat(&run, customerID(person, "join or leave chat"))
        case .view(let person, let threadRef):
            // v3: a customer views in the live chat widget.
            if case .known(let id) = person, customers.contains(id.int) { return try customerViews(&run, id, threadRef) }
            let id = try userID(person, "view threads")
            let thread = try threadID(threadRef)
            try checkViewer(run, id, thread)
            let seen = users.withPresentState(id.int) { $0.view(thread) }
            if journaling { noteView(&run, id, thread, .opened, seen: seen) }
            tell(.viewed(id, thread, .opened, seen: seen))
            viewRenewed(&run, id, thread)
        case .start(let author, let threadRef, let isCustomer, let listed, let itemRef, let text):
            let (authorID, thread, people) = try resolveOpening(author, threadRef, listed, isCustomer: isCustomer)
            let on = try itemRef.map { (ref) throws(Rejection) in try itemOpening(ref, author: authorID) }
            let (teams, cast) = (run.teams, cast)
            try threads.withPresentState(thread.int) { (state) throws(Rejection) in
                try state.open(customer: isCustomer, author: authorID, listed: people, asDraft: false, cast: cast, teams: teams, on: on)
            }
            if let on {
                conversationPutOn(&run, thread, item: on.item)
                noteJoinedThroughItem(&run, thread)
            }
            try post(&run, in: thread, by: authorID, text: text, isNote: false, viaApp: true, mentioning: mentions)
        case .write(let author, let threadRef, let text, let route):
            let authorID = try person(author, "write"), thread = try threadID(threadRef)
            // v3: writing in a customer conversation seen only through `customer-messages all` takes it first.
            if route == .app, run.customerMessages.anyAll(everyone: run.everyone), writingTakes(run, authorID, thread) {
                try take(&run, authorID, thread, byWriting: true)
            }
            try post(&run, in: thread, by: authorID, text: text, isNote: false, viaApp: route == .app, mentioning: mentions)
            if !run.conversationsOnItem.isEmpty { itemMembersChanged(&run, thread) }
        case .note(let author, let threadRef, let text):
            let id = try userID(author, "write internal notes")
            let thread = try threadID(threadRef)
            try post(&run, in: thread, by: id, text: text, isNote: true, viaApp: true, mentioning: mentions)
            if !run.conversationsOnItem.isEmpty { itemMembersChanged(&run, thread) }
        case .viewOnMobile(let person, let threadRef):
            try viewOnMobile(&run, person, threadRef)
        case .draft(let author, let threadRef, let isCustomer, let listed, let itemRef):
            let (authorID, thread, people) = try resolveOpening(author, threadRef, listed, isCustomer: isCustomer)
            let on = try itemRef.map { (ref) throws(Rejection) in try itemOpening(ref, author: authorID) }
            let (teams, cast) = (run.teams, cast)
            try threads.withPresentState(thread.int) { (state) throws(Rejection) in
                try state.open(customer: isCustomer, author: authorID, listed: people, asDraft: true, cast: cast, teams: teams, on: on)
            }
            if let on { conversationPutOn(&run, thread, item: on.item) }
        case .send(let author, let threadRef, let text):
            let authorID = try person(author, "send drafts")
            let thread = try threadID(threadRef)
            let (teams, cast) = (run.teams, cast)
            // v3: a draft on an item takes the item's followers as it is sent.
            let item = threads.withPresentState(thread.int) { $0.item }
            let followers = item.map { item in threads.withPresentState(item.int) { $0.members } } ?? []
            // A customer may send one on an item only while following it (checked as it is drafted, and again now).
            if let item, cast.isCustomer(authorID), !followers.contains(authorID), threads.withPresentState(thread.int, { state in
                if case .draft(let drafter, _) = state.lifecycle { drafter == authorID } else { false }
            }) {
                throw .notFollower(person: cast.name(of: authorID), thread: cast.name(of: item))
            }
            try threads.withPresentState(thread.int) { (state) throws(Rejection) in
                try state.sendDraft(by: authorID, cast: cast, teams: teams, itemFollowers: followers)
            }
            if item != nil { noteJoinedThroughItem(&run, thread) }
            try post(&run, in: thread, by: authorID, text: text, isNote: false, viaApp: true, mentioning: mentions)
        case .cancel(let author, let threadRef):
            let authorID = try person(author, "cancel drafts")
            let cast = cast
            try threads.withPresentState(threadID(threadRef).int) { (state) throws(Rejection) in try state.cancelDraft(by: authorID, cast: cast) }
        case .add, .remove, .follow, .unfollow, .close, .reopen:
            try applyMembership(&run, action)
        case .joinTeam(let by, let people, let teamRef), .leaveTeam(let by, let people, let teamRef):
            var joining = false
            if case .joinTeam = action { joining = true }
            try changeTeam(&run, by: by, people, teamRef, joining: joining)
        case .setting(let person, let change):
            try applySetting(&run, person, change)
        case .mobile(let person):
            let id = try userID(person, "have the mobile app")
            users.withPresentState(id.int) { $0.hasMobile = true }
        case .channel(let kind, let change):
            let now = run.now
            if let window = channels.withPresentState(kind.rawValue, { $0.apply(change, at: now) }) {
                run.agenda.schedule(.windowOpens(kind), at: window, phase: .windowRelease)
            }
        case .stopViewing(let person, let threadRef):
            try stopViewing(&run, person, threadRef)
        case .take(let person, let threadRef):
            try take(&run, userID(person, "take conversations"), threadID(threadRef), byWriting: false)
        case .link(let by, let threadRef, let itemRef):
            try link(&run, by: by, threadRef, to: itemRef)
        case .settingBy(let by, let target, let change):
            try settingBy(&run, by: by, target, change)
        case .customersSetting(let change):
            try checkCustomersSetting(change)
            applyCustomersSetting(&run, change)
        case .chatRouting(let routing):
            run.chatRouting = routing
        case .customerPatience(let patience):
            run.customerPatience = patience
        }
    }

    /// Throws why `person` may not view `thread` (the rule's own predicate first, inlined: the
    /// common case without building a reason).
    @inline(__always)
    func checkViewer(_ run: RunState, _ person: PersonID, _ thread: ThreadID) throws(Rejection) {
        let seesAll = run.customerMessages.isAll(person, everyone: run.everyone)
        let cast = cast
        try threads.withPresentState(thread.int) { (state) throws(Rejection) in
            if state.mayView(person, seesAllCustomerThreads: seesAll) { return }
            try state.checkViewer(person, cast: cast, seesAllCustomerThreads: seesAll)
        }
    }

    private func viewOnMobile(_ run: inout RunState, _ person: PersonRef, _ threadRef: ThreadRef) throws(Rejection) {
        let id = try userID(person, "have the mobile app")
        let thread = try threadID(threadRef)
        try checkViewer(run, id, thread)
        guard users.withPresentState(id.int, { $0.hasMobile }) else { throw .noMobileApp(person: cast.name(of: id)) }
        let seen = users.withPresentState(id.int) { $0.viewOnMobile(thread) }
        if journaling { noteView(&run, id, thread, .onMobile, seen: seen) }
        tell(.viewed(id, thread, .onMobile, seen: seen))
    }

    private func changeTeam(_ run: inout RunState, by: PersonRef, _ people: [PersonRef], _ teamRef: TeamRef, joining: Bool) throws(Rejection) {
        let actorID = try userID(by, "change teams")
        let team = try team(teamRef)
        if joining { try run.teams.add(people, to: team, cast: cast) } else { try run.teams.remove(people, from: team, cast: cast) }
        if journaling { noteTeamChange(&run, people, team, joined: joining, by: actorID) }
        teamChanged(&run, team)
    }

    func applySetting(_ run: inout RunState, _ person: PersonRef?, _ change: SettingChange) throws(Rejection) {
        guard let person else {
            let before = run.everyone
            run.everyone.apply(change)
            if case .customerMessages = change { endViewsWithoutRight(&run, everyoneBefore: before) }
            return
        }
        // v3: a customer's own settings.
        if case .known(let id) = person, customers.contains(id.int) { return try applyCustomerSetting(&run, id, change) }
        let id = try userID(person, "have settings")
        users.withPresentState(id.int) { $0.settings.apply(change) }
        if case .customerMessages(let scope) = change {
            let hadAll = run.customerMessages.isAll(id, everyone: run.everyone)
            run.customerMessages.set(id, scope)
            if hadAll { endViewWithoutRight(&run, id) }
        }
    }

    /// After `set everyone customer-messages …`: the views of the users who no longer see every
    /// customer thread end where they are not members.
    private func endViewsWithoutRight(_ run: inout RunState, everyoneBefore: UserSettings) {
        for index in users.indices where users.contains(index) {
            let id = PersonID(index)
            if run.customerMessages.isAll(id, everyone: everyoneBefore) { endViewWithoutRight(&run, id) }
        }
    }

    /// A view ends when its user loses the right to view the thread (`customer-messages` no longer
    /// `all`, and not a member).
    private func endViewWithoutRight(_ run: inout RunState, _ id: PersonID) {
        guard !run.customerMessages.isAll(id, everyone: run.everyone),
              let thread = users.withState(id.int, { $0.viewing }) ?? nil,
              !threads.withPresentState(thread.int, { $0.isLive && $0.isMember(id) })
        else { return }
        users.withPresentState(id.int) { $0.stopViewing(thread) }
        if journaling, run.journal?.records(id) == true { note(&run, id, .viewEnded(thread, .lostAccess)) }
    }

    /// A team's membership changed: every thread resolves its teams again, and whoever lost a
    /// thread stops viewing it (unless they may still view it).
    private func teamChanged(_ run: inout RunState, _ team: TeamID) {
        let teams = run.teams
        for index in threads.indices {
            let lost = threads.withPresentState(index) { $0.teamsChanged(teams) }
            guard !lost.isEmpty else { continue }
            let thread = ThreadID(index)
            if journaling {
                for person in lost where run.journal?.records(person) == true { note(&run, person, .lostThroughTeam(thread, team: team)) }
            }
            endViews(&run, of: lost, in: thread)
        }
        itemsChangedByTeams(&run)
    }

    /// People who are no longer members of `thread`: a view of it ends where they lost the right to
    /// view it (`customer-messages all` still lets a user view a customer thread).
    func endViews(_ run: inout RunState, of lost: [PersonID], in thread: ThreadID) {
        if !lost.isEmpty { chatMembersLost(&run, lost, in: thread) }
        for id in lost {
            if customers.contains(id.int) {
                customerLostThread(&run, id, thread)
                continue
            }
            guard users.withState(id.int, { $0.viewing }) == thread else { continue }
            let seesAll = run.customerMessages.isAll(id, everyone: run.everyone)
            if threads.withPresentState(thread.int, { $0.mayView(id, seesAllCustomerThreads: seesAll) }) { continue }
            users.withPresentState(id.int) { $0.stopViewing(thread) }
            if journaling, run.journal?.records(id) == true { note(&run, id, .viewEnded(thread, .lostAccess)) }
        }
    }

    /// Who is in a thread, and whether it is open: adds, removes, follows, closes.
    private func applyMembership(_ run: inout RunState, _ action: PlannedEvent.Action) throws(Rejection) {
        let (teams, cast) = (run.teams, cast)
        switch action {
        case .add(let by, let people, let threadRef):
            let actorID = try userID(by, "add people")
            let entries = try people.map { (ref) throws(Rejection) in try member(ref) }
            try threads.withPresentState(threadID(threadRef).int) { (state) throws(Rejection) in
                try state.add(entries, by: actorID, cast: cast, teams: teams)
            }
        case .remove(let by, let people, let threadRef):
            let actorID = try userID(by, "remove people")
            let entries = try people.map { (ref) throws(Rejection) in try member(ref) }
            let thread = try threadID(threadRef)
            let lost = try threads.withPresentState(thread.int) { (state) throws(Rejection) in
                try state.remove(entries, by: actorID, cast: cast, teams: teams)
            }
            endViews(&run, of: lost, in: thread)
        case .follow(let person, let threadRef):
            let id = try userID(person, "follow items")
            _ = try threads.withPresentState(threadID(threadRef).int) { (state) throws(Rejection) in
                try state.setFollowing(true, user: id, cast: cast, teams: teams)
            }
        case .unfollow(let person, let threadRef):
            let id = try userID(person, "unfollow items")
            let thread = try threadID(threadRef)
            let lost = try threads.withPresentState(thread.int) { (state) throws(Rejection) in
                try state.setFollowing(false, user: id, cast: cast, teams: teams)
            }
            endViews(&run, of: lost, in: thread)
        case .close(let person, let threadRef), .reopen(let person, let threadRef):
            var closing = false
            if case .close = action { closing = true }
            let id = try self.person(person, closing ? "close conversations" : "reopen conversations")
            try threads.withPresentState(threadID(threadRef).int) { (state) throws(Rejection) in try state.setClosed(closing, by: id, cast: cast) }
        default:
            preconditionFailure("applyMembership(_:_:) takes membership events only")
        }
        // v3: an item's followers changed: so did the members of every conversation on it.
        if !run.conversationsOnItem.isEmpty, let thread = action.thread, case .known(let id) = thread { itemMembersChanged(&run, id) }
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
    func userID(_ ref: PersonRef, _ action: String) throws(Rejection) -> PersonID {
        let id = try person(ref, action)
        guard users.contains(id.int) else { throw .onlyUsers(person: cast.name(of: id), action: action) }
        return id
    }

    private func customerID(_ ref: PersonRef, _ action: String) throws(Rejection) -> PersonID {
        let id = try person(ref, action)
        guard customers.contains(id.int) else { throw .onlyCustomers(person: cast.name(of: id), action: action) }
        return id
    }

    func threadID(_ ref: ThreadRef) throws(Rejection) -> ThreadID {
        switch ref {
        case .known(let id): return id
        case .unknown(let name): throw .unknownThread(name)
        case .person(let id): throw .unknownThread(cast.name(of: id))
        case .team(let id): throw .unknownThread(cast.name(of: id))
        }
    }
}

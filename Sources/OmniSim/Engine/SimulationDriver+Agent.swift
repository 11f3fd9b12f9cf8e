/// Contract v3, the agent's side: views that end, takes, conversations on items, settings changed
/// by someone (roles). The rules are in docs/language.md, "Contract v3"; each function states the
/// reading it implements.
extension SimulationDriver {
    /// Whether `plan` sets `view-timeout` anywhere (top level, timed, or by someone): without it no
    /// view is ever timed, and the hot path asks nothing.
    static func usesViewTimeout(_ plan: ScenarioPlan) -> Bool {
        func sets(_ settings: UserSettings) -> Bool { settings.viewTimeout != nil }
        if sets(plan.everyone) || plan.personSetup.contains(where: { sets($0.settings) }) { return true }
        return plan.events.contains { event in
            switch event.action {
            case .setting(_, .viewTimeout), .settingBy(_, _, .viewTimeout): true
            default: false
            }
        }
    }

    // MARK: Views that end

    /// A user's view of `thread` started or was renewed now (a view, a take, an app post): with a
    /// `view-timeout D` (read now), it ends at now + D unless renewed by then. The timer runs after
    /// the events of its instant, so an event at exactly now + D still finds the view on.
    @inline(__always)
    func viewRenewed(_ run: inout RunState, _ user: PersonID, _ thread: ThreadID) {
        guard viewTimeoutsUsed else { return }
        let everyone = run.everyone
        guard let (timeout, stamp) = users.withState(user.int, { ($0.settings.resolvedViewTimeout(over: everyone), $0.viewStamp) }),
              let timeout
        else { return }
        run.agenda.schedule(.viewEnds(user, thread, stamp: stamp, since: run.now), at: run.now + timeout, phase: .timer)
    }

    /// A `view-timeout` timer: the view ends if it is still the one the timer was set for.
    func viewTimedOut(_ run: inout RunState, _ user: PersonID, _ thread: ThreadID, stamp: UInt32, since: SimInstant) {
        let ended = users.withPresentState(user.int) { (state) -> Bool in
            guard state.viewing == thread, state.viewStamp == stamp else { return false }
            state.stopViewing(thread)
            return true
        }
        guard ended, journaling, run.journal?.records(user) == true else { return }
        // The timeout read at the last view or post (a timed change of the setting since does not
        // move it: the contract's "D is read at each view or post").
        note(&run, user, .viewEnded(thread, .timedOut(run.now - since, since: since)))
    }

    /// `stops viewing THREAD`: the person leaves the thread's screen (a thread they are not viewing:
    /// nothing changes, no error). They stay logged in (or in the widget).
    func stopViewing(_ run: inout RunState, _ person: PersonRef, _ threadRef: ThreadRef) throws(Rejection) {
        let id = try self.person(person, "stop viewing")
        let thread = try threadID(threadRef)
        let cast = cast
        try threads.withPresentState(thread.int) { (state) throws(Rejection) in try state.requireLive(cast) }
        if users.contains(id.int) {
            let ended = users.withPresentState(id.int) { (state) -> Bool in
                guard state.viewing == thread else { return false }
                state.stopViewing(thread)
                return true
            }
            if ended, journaling, run.journal?.records(id) == true { note(&run, id, .viewEnded(thread, .stopped)) }
        } else {
            customerStopsViewing(&run, id, thread)
        }
    }

    /// v3 customers' views: a customer leaves the conversation's screen in the widget. (Customers'
    /// own settings give it its effect; see ``SimulationDriver``'s customer delivery.)
    func customerStopsViewing(_ run: inout RunState, _ customer: PersonID, _ thread: ThreadID) {
        customerStopsViewingNow(&run, customer, thread)
    }

    // MARK: Takes

    /// `takes THREAD`: a user becomes a participant of a customer conversation they may see only
    /// through `customer-messages all` (joining at the end of the membership order) and views it;
    /// a participant taking it again only views it. `byWriting`: taken by writing in it (the post
    /// that follows is the view).
    func take(_ run: inout RunState, _ user: PersonID, _ thread: ThreadID, byWriting: Bool) throws(Rejection) {
        let cast = cast
        let (kind, isMember) = try threads.withPresentState(thread.int) { (state) throws(Rejection) in
            try state.requireLive(cast)
            return (state.kind, state.isMember(user))
        }
        guard kind == .customerConversation else {
            let what = kind == .userConversation ? "a user conversation" : "an item"
            throw .cannotTake(
                person: cast.name(of: user), thread: cast.name(of: thread),
                reason: "only customer conversations can be taken, and \(cast.name(of: thread)) is \(what)")
        }
        if !isMember {
            guard run.customerMessages.isAll(user, everyone: run.everyone) else {
                let everyone = run.everyone
                let scope = users.withState(user.int) { $0.settings.resolved(over: everyone).customerMessages } ?? .mine
                throw .cannotTake(
                    person: cast.name(of: user), thread: cast.name(of: thread),
                    reason: "\(cast.name(of: user)) is not a participant and does not see every customer message "
                        + "(customer-messages \(scope.rawValue); taking needs customer-messages all)")
            }
            try chatTakeAllowed(&run, user, thread)
            let teams = run.teams
            threads.withPresentState(thread.int) { $0.take(by: user, teams: teams) }
            if byWriting, journaling, run.journal?.records(user) == true { note(&run, user, .tookByWriting(thread)) }
            chatTaken(&run, user, thread)
        }
        guard !byWriting else { return }
        if journaling, run.journal?.records(user) == true { note(&run, user, .took(thread, joined: !isMember)) }
        let seen = users.withPresentState(user.int) { $0.view(thread) }
        if journaling { noteView(&run, user, thread, .opened, seen: seen) }
        tell(.viewed(user, thread, .opened, seen: seen))
        viewRenewed(&run, user, thread)
    }

    /// Whether a user's app message in `thread` takes it first: a customer conversation they are
    /// not in but see through `customer-messages all` (asked only when someone has `all`).
    func writingTakes(_ run: RunState, _ author: PersonID, _ thread: ThreadID) -> Bool {
        guard users.contains(author.int), run.customerMessages.isAll(author, everyone: run.everyone) else { return false }
        return threads.withPresentState(thread.int) { $0.isLive && $0.kind == .customerConversation && !$0.isMember(author) }
    }

    // MARK: Live chat as work: chatTakeAllowed, chatTaken and chatMembersLost are in SimulationDriver+Chat.swift

    // MARK: Conversations on items

    /// The item a conversation is started or drafted on, and its followers now. A customer author
    /// must follow it.
    func itemOpening(_ itemRef: ThreadRef, author: PersonID) throws(Rejection) -> (item: ThreadID, followers: [PersonID]) {
        let item = try threadID(itemRef)
        let cast = cast
        let followers = try threads.withPresentState(item.int) { (state) throws(Rejection) in
            try state.requireLive(cast)
            guard state.isItem else { throw .itemOnly(thread: cast.name(of: item), what: "hold conversations") }
            return state.members
        }
        if cast.isCustomer(author) && !followers.contains(author) {
            throw .notFollower(person: cast.name(of: author), thread: cast.name(of: item))
        }
        return (item, followers)
    }

    /// `links CONVERSATION to ITEM`: by a user participant; a conversation is on one item at most
    /// (the same item again changes nothing).
    func link(_ run: inout RunState, by: PersonRef, _ threadRef: ThreadRef, to itemRef: ThreadRef) throws(Rejection) {
        let actor = try userID(by, "link conversations")
        let thread = try threadID(threadRef)
        let (item, followers) = try itemOpening(itemRef, author: actor)
        let cast = cast
        let current = try threads.withPresentState(thread.int) { (state) throws(Rejection) in
            try state.requireLive(cast)
            guard !state.isItem else { throw .notAConversation(thread: cast.name(of: thread), what: "are linked to items") }
            guard state.isMember(actor) else { throw .notMember(person: cast.name(of: actor), thread: cast.name(of: thread)) }
            return state.item
        }
        if current == item { return }
        if let current { throw .alreadyOnItem(thread: cast.name(of: thread), item: cast.name(of: current)) }
        run.conversationsOnItem[item.int, default: []].append(thread)
        setItemFollowers(&run, thread, item: item, followers)
    }

    /// A conversation was put on `item` (started, drafted or linked): remembered, for its followers' changes.
    func conversationPutOn(_ run: inout RunState, _ thread: ThreadID, item: ThreadID) {
        run.conversationsOnItem[item.int, default: []].append(thread)
    }

    /// A conversation on an item just went live (started, or a draft sent): its members through
    /// the item (not of its own list) are told so in their timelines.
    func noteJoinedThroughItem(_ run: inout RunState, _ thread: ThreadID) {
        guard journaling else { return }
        let teams = run.teams
        let (item, members, own) = threads.withPresentState(thread.int) { ($0.item, $0.members, teams.resolve($0.listed)) }
        guard let item else { return }
        for person in members where !own.contains(person) && run.journal?.records(person) == true {
            note(&run, person, .throughItem(thread, item: item, joined: true))
        }
    }

    /// The followers of `item` may have changed: every conversation on it takes them again; whoever
    /// is no longer in one stops viewing it (unless they may still).
    func itemMembersChanged(_ run: inout RunState, _ item: ThreadID) {
        guard let conversations = run.conversationsOnItem[item.int] else { return }
        let followers = threads.withPresentState(item.int) { $0.members }
        for thread in conversations { setItemFollowers(&run, thread, item: item, followers) }
    }

    private func setItemFollowers(_ run: inout RunState, _ thread: ThreadID, item: ThreadID, _ followers: [PersonID]) {
        let (teams, cast) = (run.teams, cast)
        let (before, lost) = threads.withPresentState(thread.int) { (state) in
            let before = state.members
            return (before, state.setItem(item, followers: followers, cast: cast, teams: teams))
        }
        if journaling {
            let after = threads.withPresentState(thread.int) { $0.members }
            for person in after where !before.contains(person) && run.journal?.records(person) == true {
                note(&run, person, .throughItem(thread, item: item, joined: true))
            }
            for person in lost where run.journal?.records(person) == true {
                note(&run, person, .throughItem(thread, item: item, joined: false))
            }
        }
        endViews(&run, of: lost, in: thread)
    }

    /// After a team change: the conversations on items (in thread order) take their items' followers again.
    func itemsChangedByTeams(_ run: inout RunState) {
        guard !run.conversationsOnItem.isEmpty else { return }
        for index in threads.indices where run.conversationsOnItem[index] != nil { itemMembersChanged(&run, ThreadID(index)) }
    }

    // MARK: Settings changed by someone (roles)

    /// `A sets B|everyone|customers SETTING`: allowed when A is an admin or is B; otherwise exactly
    /// `set B SETTING` now.
    func settingBy(_ run: inout RunState, by: PersonRef, _ target: PlannedEvent.SettingTarget, _ change: SettingChange) throws(Rejection) {
        let actor = try person(by, "change settings")
        let isAdmin = plan.personSetup[actor.int].isAdmin
        func mayChange(_ owner: SettingRights.Owner) throws(Rejection) {
            if let rejection = SettingRights.roleRejection(actor: actor, isAdmin: isAdmin, owner: owner, cast: cast) { throw rejection }
        }
        switch target {
        case .everyone:
            try mayChange(.everyone)
            try applySetting(&run, nil, change)
        case .customers:
            try mayChange(.customers)
            try checkCustomersSetting(change)
            applyCustomersSetting(&run, change)
        case .person(let ref):
            let targetID = try person(ref, "have settings")
            try mayChange(.person(targetID))
            try applySetting(&run, ref, change)
            if targetID != actor, journaling, run.journal?.records(targetID) == true {
                note(&run, targetID, .settingChanged(change, by: actor))
            }
        }
    }

    /// `set customers SETTING` (email, email-after, email-batch; the language refuses others).
    func applyCustomersSetting(_ run: inout RunState, _ change: SettingChange) {
        run.customersDefault.apply(change)
    }

    // MARK: Checks

    /// `NAME sees|cannot see "text"`: whether the person may see the one message posted so far
    /// whose text contains `text` (as `can see THREAD` judges the thread; a customer never sees a
    /// note). None or several matching: the check fails, naming how many.
    func seesText(_ run: RunState, _ person: PersonID, _ text: String, _ expected: Bool) -> (Bool, Observation) {
        var found: Message?
        var count = 0
        for message in run.messages where message.text.contains(text) {
            count += 1
            found = message
        }
        guard count == 1, let message = found else { return (false, .messagesMatching(count)) }
        let cast = cast
        let seesAll = cast.isUser(person) && run.customerMessages.isAll(person, everyone: run.everyone)
        let sees = !(message.isNote && cast.isCustomer(person))
            && threads.withPresentState(message.thread.int) { $0.canBeSeen(by: person, cast: cast, seesAllCustomerThreads: seesAll) }
        return (sees == expected, .visible(sees))
    }
}

/// Live chat as agents' work (issue 23; contract v3 fine print, "Staffing"), wired into the run: the
/// engine tells the ``ChatDesk`` what happened after each scenario event (a chat started, a user's
/// presence, capacity or routing changed, a chat closed or reopened), carries out the desk's
/// assignments at once, and sets the abandonment and handling timers. Every function here runs
/// only when the run keeps a ``ChatWork`` (the plan uses a word of live chat as work).
extension SimulationDriver {
    /// The run starts: the books hear the routing and the capacities at time 0.
    func chatRunStarts(_ run: inout RunState) {
        guard let chat = run.chat else { return }
        run.books.chatRouting(chat.desk.routing)
        for (agent, person) in chat.personOfAgent.enumerated() where chat.desk.agents[agent].capacity != nil {
            run.books.chatCapacity(person, chat.desk.agents[agent].capacity)
        }
    }

    // MARK: Hooks of the v3 take

    /// Throws when a take of a chat would put `user` over their chat capacity (nothing changes).
    func chatTakeAllowed(_ run: inout RunState, _ user: PersonID, _ thread: ThreadID) throws(Rejection) {
        guard let chat = run.chat, let agent = chat.agent(user), let refusal = chat.desk.refusal(thread, by: agent) else { return }
        throw .overChatCapacity(
            person: cast.name(of: user), thread: cast.name(of: thread), openChats: refusal.openChats, capacity: refusal.capacity)
    }

    /// `user` took `thread` (by `takes` or by writing): open for them, and the chat's wait ends.
    func chatTaken(_ run: inout RunState, _ user: PersonID, _ thread: ThreadID) {
        guard run.chat != nil, let agent = run.chat?.agent(user) else { return }
        let now = run.now
        guard case .taken(let first)? = run.chat?.desk.take(thread, by: agent, at: now) else { return }
        run.books.chatGiven(thread, to: user, assigned: false)
        guard first else { return }
        if metering, let wait = run.chat?.desk.chat(thread)?.wait { run.metrics?.chatTaken(wait: wait) }
        run.chat?.waiting[thread] = nil
        scheduleHandling(&run, thread, by: user)
    }

    /// People are no longer members of `thread`: it is no longer open for the agents among them.
    func chatMembersLost(_ run: inout RunState, _ lost: [PersonID], in thread: ThreadID) {
        guard run.chat != nil else { return }
        let now = run.now
        for person in lost {
            guard let agent = run.chat?.agent(person), run.chat?.desk.chat(thread)?.holders.contains(agent) == true else { continue }
            run.chat?.desk.remove(agent, from: thread, at: now)
            run.books.chatReleased(thread, by: person)
        }
    }

    // MARK: After each scenario event

    /// After a scenario event (run or rejected): the desk hears what it changed, then waiting chats
    /// are assigned, oldest first, inside that event. `messagesBefore`: the message table's length
    /// before the event (the messages it posted follow).
    func chatEventDone(_ run: inout RunState, _ action: PlannedEvent.Action, messagesBefore: Int, rejected: Bool) {
        if !rejected { chatHears(&run, action, messagesBefore: messagesBefore) }
        assignWaitingChats(&run)
    }

    private func chatHears(_ run: inout RunState, _ action: PlannedEvent.Action, messagesBefore: Int) {
        let now = run.now
        // Presence: only the person who acts logs in (a view, a post in the app, a take) or out.
        if case .known(let person)? = action.subject, let agent = run.chat?.agent(person),
           let loggedIn = users.withState(person.int, { $0.isLoggedIn }), run.chat?.desk.agents[agent].loggedIn != loggedIn {
            if loggedIn { run.chat?.desk.logIn(agent, at: now) } else { run.chat?.desk.logOut(agent, at: now) }
            run.books.chatPresence(person, loggedIn: loggedIn)
        }
        switch action {
        case .start(.known(let author), .known(let thread), true, _, _, _), .send(.known(let author), .known(let thread), _):
            if cast.isCustomer(author) { chatMayStart(&run, thread, by: author) }
        case .setting(_, .chatCapacity), .settingBy(_, _, .chatCapacity):
            capacitiesChanged(&run)
        case .chatRouting(let routing):
            run.chat?.desk.routing = routing
            run.books.chatRouting(routing)
        default:
            break
        }
        if case .known(let thread)? = action.thread, run.chat?.desk.isChat(thread) == true { chatStatusChanged(&run, thread) }
        for index in messagesBefore..<run.messages.count { chatMessagePosted(&run, MessageID(index)) }
    }

    /// A customer conversation was started or sent: a chat if a customer did so with no user among
    /// its members (listed, through a team or an item). It waits, last in the queue, and with
    /// `customers wait at most D` (read now) is abandoned at now + D unless taken by then.
    private func chatMayStart(_ run: inout RunState, _ thread: ThreadID, by customer: PersonID) {
        let cast = cast
        let isChat = threads.withPresentState(thread.int) { state in
            state.isLive && state.kind == .customerConversation && !state.members.contains(where: cast.isUser)
        }
        guard isChat, run.chat?.desk.status(thread) == nil else { return }
        let now = run.now
        run.chat?.desk.patience = run.customerPatience
        run.chat?.waiting[thread] = ChatWork.WaitingChat(customer: customer)
        run.books.chatStarted(thread)
        if metering { run.metrics?.chatStarted() }
        if let deadline = run.chat?.desk.start(thread, at: now) { run.agenda.schedule(.chatAbandons(thread), at: deadline, phase: .timer) }
    }

    /// A message was posted: a user's in a chat may be its first reply; a customer's in a waiting
    /// chat is kept, with the users it reached, for the agent it will be assigned to.
    private func chatMessagePosted(_ run: inout RunState, _ message: MessageID) {
        let posted = run.messages[message.int]
        guard let status = run.chat?.desk.status(posted.thread) else { return }
        let now = run.now
        if cast.isUser(posted.author) {
            run.chat?.desk.userPosted(in: posted.thread, at: now)
            return
        }
        guard status == .waiting, run.chat?.waiting[posted.thread] != nil else { return }
        let cast = cast
        var reached = threads.withPresentState(posted.thread.int) { $0.members.filter(cast.isUser) }
        if run.customerMessages.anyAll(everyone: run.everyone) {
            for agent in run.chat?.personOfAgent ?? [] where run.customerMessages.isAll(agent, everyone: run.everyone) && !reached.contains(agent) {
                reached.append(agent)
            }
        }
        run.chat?.waiting[posted.thread]?.messages.append((message, reached))
    }

    /// Whether the chat's conversation is closed now (a `closes`, a `reopens`, a customer's message
    /// reopening it), told to the desk.
    private func chatStatusChanged(_ run: inout RunState, _ thread: ThreadID) {
        guard let snapshot = run.chat?.desk.chat(thread), snapshot.status != .abandoned else { return }
        let closed = threads.withPresentState(thread.int) { $0.isClosed }
        guard closed != snapshot.closed else { return }
        let now = run.now
        if closed {
            run.chat?.desk.close(thread, at: now)
            if snapshot.status == .waiting { run.chat?.waiting[thread] = nil }
        } else {
            run.chat?.desk.reopen(thread, at: now)
        }
        run.books.chatClosed(thread, closed: closed)
    }

    /// A `chat-capacity` changed (someone's, or everyone's): each agent's capacity now, told to the desk.
    private func capacitiesChanged(_ run: inout RunState) {
        guard let people = run.chat?.personOfAgent else { return }
        let (everyone, now) = (run.everyone, run.now)
        for (agent, person) in people.enumerated() {
            guard let capacity = users.withState(person.int, { $0.settings.resolvedChatCapacity(over: everyone) }),
                  capacity != run.chat?.desk.agents[agent].capacity
            else { continue }
            run.chat?.desk.setCapacity(capacity, of: agent, at: now)
            run.books.chatCapacity(person, capacity)
        }
    }

    // MARK: Assignments

    /// Under `first-free` or `least-busy`, the desk gives waiting chats, oldest first, to free
    /// agents: each joins at the end of the membership order and gets every customer message of the
    /// chat so far that did not reach them, by Messenger now, as a recipient at posting would (not
    /// made to view it).
    func assignWaitingChats(_ run: inout RunState) {
        let now = run.now
        guard let assignments = run.chat?.desk.assignWaiting(at: now) else { return }
        for assignment in assignments { carryOut(&run, assignment) }
        let waiting = run.chat?.desk.waitingCount ?? 0
        run.books.chatSettled(waiting: waiting)
        if metering { run.metrics?.chatsWaiting(waiting) }
    }

    private func carryOut(_ run: inout RunState, _ assignment: ChatAssignment) {
        // Read what is needed first: a copy of the chat work held while it changes would copy its tables.
        guard let person = run.chat?.personOfAgent[assignment.agent], let snapshot = run.chat?.desk.chat(assignment.chat),
              let agent = run.chat?.desk.agents[assignment.agent]
        else { return }
        let (thread, teams) = (assignment.chat, run.teams)
        threads.withPresentState(thread.int) { $0.take(by: person, teams: teams) }
        run.books.chatGiven(thread, to: person, assigned: true)
        if metering { run.metrics?.chatTaken(wait: snapshot.wait ?? .zero) }
        if journaling, run.journal?.records(person) == true {
            note(&run, person, .chatAssigned(thread, waited: snapshot.wait ?? .zero, openChats: agent.openChats - 1, capacity: agent.capacity))
        }
        let waiting = run.chat?.waiting.removeValue(forKey: thread)?.messages ?? []
        for (message, reached) in waiting where !reached.contains(person) {
            run.books.lateRecipient(person, of: message)
            notifyUser(&run, person, of: message, in: thread, mention: nil, isMember: true, fromCustomer: true, messengerAtOnce: false)
        }
        scheduleHandling(&run, thread, by: person)
    }

    /// A chat of a chat load is handled for its drawn time by the agent who got it first.
    private func scheduleHandling(_ run: inout RunState, _ thread: ThreadID, by person: PersonID) {
        guard let time = run.chat?.handling[thread] else { return }
        run.agenda.schedule(.chatHandled(thread, by: person), at: run.now + time, phase: .timer)
    }

    // MARK: Timers

    /// `customers wait at most D` ran out: if the chat still waits, it is abandoned (its customer
    /// leaves the widget; the conversation stays open and is no longer a chat), and waiting chats
    /// are assigned.
    func chatAbandons(_ run: inout RunState, _ thread: ThreadID) {
        let now = run.now
        guard run.chat?.desk.abandon(thread, at: now) == true, let customer = run.chat?.waiting.removeValue(forKey: thread)?.customer
        else { return }
        run.books.chatAbandoned(thread)
        if metering { run.metrics?.chatAbandoned() }
        if journaling, run.journal?.records(customer) == true, let snapshot = run.chat?.desk.chat(thread) {
            note(&run, customer, .chatAbandoned(thread, waited: now - snapshot.start))
        }
        // As `leaves chat` (v3: a view in the widget ends with it).
        customerLeavesChat(&run, customer, quietIfAbsent: true)
        assignWaitingChats(&run)
    }

    /// A chat load's chat: its handling time is over, and the agent who got it closes it (if they
    /// still may and it is open); then waiting chats are assigned, as after an event.
    func chatHandled(_ run: inout RunState, _ thread: ThreadID, by person: PersonID) {
        let cast = cast
        let closed: Bool = threads.withPresentState(thread.int) { state in
            guard state.isLive, !state.isClosed, state.isMember(person) else { return false }
            return (try? state.setClosed(true, by: person, cast: cast)) != nil
        }
        guard closed else { return }
        if journaling, run.journal?.records(person) == true, let time = run.chat?.handling[thread] {
            note(&run, person, .chatHandled(thread, after: time))
        }
        chatStatusChanged(&run, thread)
        assignWaitingChats(&run)
    }

    // MARK: Checks

    /// A chat check (issue 23) read now: untimed at the run's end, timed at T.
    func evaluateChat(_ run: RunState, _ condition: PlannedCheck.Condition, timed: Bool) -> (Bool, Observation) {
        guard let desk = run.chat?.desk else { return (true, .notEvaluated) }
        switch condition {
        case .chatWait(let percent, let limit):
            let waits = desk.measures.waits
            guard let value = percent.map({ desk.measures.waitPercentile($0) }) ?? waits.max() else { return (true, .chatWait(nil, of: 0)) }
            return (value <= limit, .chatWait(value, of: waits.count))
        case .chatsWaiting(let count):
            // `at most`/`at least` untimed: the largest queue once an instant was over; a bare N and
            // any timed check: the queue now.
            let bounded = if case .exactly = count { false } else { true }
            let waiting = bounded && !timed ? desk.waitingMax : desk.waitingCount
            return (count.admits(waiting), .chatsWaiting(waiting))
        case .chatsAbandoned(let count):
            return (count.admits(desk.measures.abandoned), .chatsAbandoned(desk.measures.abandoned))
        case .chatsHandled(let person, let max, let per):
            guard let agent = run.chat?.agent(person) else { return (true, .chatsHandled(count: 0, windowStart: nil)) }
            let (count, start) = desk.measures.busiestWindow(of: agent, per: per)
            return (count <= max, .chatsHandled(count: count, windowStart: per == nil ? nil : start))
        default:
            preconditionFailure("evaluateChat(_:_:timed:) takes chat checks only")
        }
    }

    /// The figures of live chat at the run's end, when the run kept a desk.
    func staffingSummary(_ run: RunState, at end: SimInstant) -> StaffingSummary? {
        run.chat?.desk.summary(at: end)
    }
}

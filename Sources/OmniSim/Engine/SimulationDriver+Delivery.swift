extension SimulationDriver {
    /// Posts a message and carries out what ``NotificationPolicy`` calls for, recipient by
    /// recipient in membership order: for a user, Messenger (then whatever else falls due now:
    /// push, an email for a mention) and the fallback deadline; for a customer, chat or email (and,
    /// v3, a widget fallback's deadline).
    /// A user who posts through the app (`viaApp`) views the thread from then on (writing is
    /// viewing): after the post's own membership change, before its deliveries.
    @inline(__always)
    func post(
        _ run: inout RunState, in thread: ThreadID, by author: PersonID, text: String, isNote: Bool, viaApp: Bool,
        mentioning mentions: [Member]
    ) throws(Rejection) {
        let (teams, cast) = (run.teams, cast)
        let posting = try threads.withPresentState(thread.int) { (state) throws(Rejection) in
            try state.post(by: author, isNote: isNote, cast: cast, mentioning: mentions, teams: teams)
        }
        if journaling {
            for person in posting.addedByMention { note(&run, person, .mentioned(by: author, thread: thread)) }
        }
        if viaApp, let seen = users.withState(author.int, { $0.view(thread) }) {
            if journaling { noteView(&run, author, thread, .wrote, seen: seen) }
            tell(.viewed(author, thread, .wrote, seen: seen))
            viewRenewed(&run, author, thread)
        }
        let message = MessageID(run.messages.count)
        run.messages.append(Message(thread: thread, number: posting.number, author: author, text: text, isNote: isNote))
        let fromCustomer = cast.isCustomer(author)
        // The thread's recipients in membership order, then (for a customer's message) the users
        // whose `customer-messages` is `all`, in declaration order. Without those (the usual case)
        // the members are iterated in place: no array per message.
        let extras = fromCustomer && run.customerMessages.anyAll(everyone: run.everyone)
            ? allRecipients(run, beyond: posting) : []
        let members = posting.members, memberCount = members.count
        /// The k-th candidate: the thread's members, then the extras; nil for a member who is no recipient.
        func recipient(_ k: Int) -> PersonID? {
            guard k < memberCount else { return extras[k - memberCount] }
            return posting.isRecipient(members[k], cast: cast) ? members[k] : nil
        }
        let candidates = 0..<(memberCount + extras.count)
        // The books hear of the message and its recipients; the users among them are counted on the way.
        run.books.posted(message, posting)
        var userRecipients = 0
        for k in candidates {
            guard let person = recipient(k) else { continue }
            run.books.recipient(person, of: message)
            if users.contains(person.int) { userRecipients += 1 }
        }
        // Every user recipient gets Messenger: one call hands the channel all of those sends when
        // nothing in force could hold one back (each then arrives now); otherwise each is submitted.
        let now = run.now
        let messengerAtOnce = userRecipients > 0
            && channels.withPresentState(ChannelKind.messenger.rawValue) { $0.deliverAtOnce(count: userRecipients, at: now) }
        for k in candidates {
            guard let recipient = recipient(k) else { continue }
            if users.contains(recipient.int) {
                // What the user's notice needs of the posting, not the posting itself (a struct of
                // arrays: passed whole, it was a retain and a release of each per recipient).
                notifyUser(
                    &run, recipient, of: message, in: thread, mention: posting.mention(of: recipient), isMember: k < memberCount,
                    fromCustomer: fromCustomer, messengerAtOnce: messengerAtOnce)
            } else {
                notifyCustomer(&run, recipient, of: message, in: thread)
            }
        }
    }

    /// One user recipient of a message just posted: the policy's notice for them, carried out.
    @inline(__always)
    func notifyUser(
        _ run: inout RunState, _ recipient: PersonID, of message: MessageID, in thread: ThreadID, mention: Mention?,
        isMember: Bool, fromCustomer: Bool, messengerAtOnce: Bool
    ) {
        let now = run.now
        let messenger = Send(message: message, recipient: recipient, channel: .messenger, due: now)
        if metering { run.metrics?.due(.messenger) }
        run.books.expect(messenger)
        tell(.called(messenger))
        // The channel first: when the delivery arrives at once, one call to the user both receives
        // it and decides what it calls for.
        let submission = messengerAtOnce
            ? .attempted(.arrives(messenger, at: now)) : channels.withPresentState(ChannelKind.messenger.rawValue) { $0.submit(messenger, at: now) }
        // Matched, not compared with `==` (the derived equality of the nested enums was a call per
        // delivery); the channel answers with the send it was given.
        var arrivedNow = messengerAtOnce
        if !arrivedNow, case .attempted(.arrives(_, let time)) = submission, time == now { arrivedNow = true }
        let posted = NotificationPolicy.Posted(thread: thread, at: now, fromCustomer: fromCustomer, mention: mention)
        let everyone = run.everyone
        let (notice, seen) = users.withPresentState(recipient.int) { $0.receive(message, posted, everyone: everyone, arrivedNow: arrivedNow) }
        // Messenger went first, for every user recipient at once: the policy's first rule, checked.
        assert(notice.deliverNow.contains(.messenger), "the policy left Messenger out, which the driver sent ahead")
        if journaling, run.journal?.records(recipient) == true {
            let teams = run.teams
            if isMember, let team = threads.withPresentState(thread.int, { $0.team(giving: recipient, teams: teams) }) {
                note(&run, recipient, .throughTeam(run.messages[message.int], team: team))
            }
            notePosted(&run, notice, recipient: recipient, message: message)
        }
        if arrivedNow {
            recordDelivery(&run, messenger)
            if journaling, run.journal?.records(recipient) == true { noteDelivery(&run, messenger, seen: seen) }
        } else {
            follow(&run, submission, of: messenger)
        }
        if let mention = notice.emailedFor {
            let emailed = notice.deliverNow.contains(.email)
            if emailed { run.books.emailedForMention(message, recipient) }
            if journaling, run.journal?.records(recipient) == true {
                note(&run, recipient, .emailedForMention(run.messages[message.int], team: mention.team, emailOn: emailed))
            }
        }
        for channel in notice.deliverNow where channel != .messenger {
            call(&run, Send(message: message, recipient: recipient, channel: channel, due: now))
        }
        if let deadline = notice.deadline {
            // A message seen as it arrived keeps nothing in the user's state: its deadline is told so.
            run.agenda.schedule(seen ? .fallbackSeen(message, recipient) : .fallbackDeadline(message, recipient), at: deadline, phase: .timer)
        }
    }

    /// The users whose `customer-messages` is `all` at posting and who are not the thread's own
    /// recipients, in declaration order (v2).
    private func allRecipients(_ run: RunState, beyond posting: ThreadState.Posting) -> [PersonID] {
        var extras: [PersonID] = []
        for user in cast.personKinds.indices where cast.personKinds[user] == .user {
            let id = PersonID(user)
            if run.customerMessages.isAll(id, everyone: run.everyone), !(posting.members.contains(id) && posting.isRecipient(id, cast: cast)) {
                extras.append(id)
            }
        }
        return extras
    }

    /// A timer comes due.
    @inline(__always)
    func fire(_ run: inout RunState, _ event: TimerEvent) {
        switch event {
        case .fallbackDeadline(let message, let recipient):
            deadlineReached(&run, message, recipient, seenAtArrival: false)
        case .fallbackSeen(let message, let recipient):
            deadlineReached(&run, message, recipient, seenAtArrival: true)
        case .arrival(let send):
            arriveLater(&run, send)
        case .retry(let send):
            submit(&run, send)
        case .windowOpens(let kind):
            windowOpens(&run, kind)
        case .batchDue(let id):
            batchGoesOut(&run, id)
        case .viewEnds(let person, let thread, let stamp, let since):
            viewTimedOut(&run, person, thread, stamp: stamp, since: since)
        case .chatAbandons(let thread):
            chatAbandons(&run, thread)
        case .chatHandled(let thread, let person):
            chatHandled(&run, thread, by: person)
        }
    }

    /// A rate window opens on a channel: its waiting sends go out while it has room.
    private func windowOpens(_ run: inout RunState, _ kind: ChannelKind) {
        let now = run.now
        let (attempts, next) = channels.withPresentState(kind.rawValue) { $0.windowOpens(at: now) }
        if metering { run.metrics?.backlogChanged(kind, by: -attempts.count) }
        for attempt in attempts { handle(&run, attempt) }
        if let next { run.agenda.schedule(.windowOpens(kind), at: next, phase: .windowRelease) }
    }

    /// A message's fallback deadline has come for its user: the policy decides from how the message
    /// stands (asking the user, or — `seenAtArrival` — knowing it was seen as it arrived), and its
    /// decision is carried out: nothing, an email now, or an email joining a batch.
    @inline(__always)
    func deadlineReached(_ run: inout RunState, _ message: MessageID, _ recipient: PersonID, seenAtArrival: Bool) {
        let decision: FallbackDecision
        let batch: Int?
        if seenAtArrival {
            batch = nil
            // The user was told nothing to keep: the answer needs no settings (not read for a seen message).
            decision = NotificationPolicy.atDeadline(.seen, settings: run.everyone.resolved(over: run.everyone), batchOpen: false)
        } else {
            let thread = run.messages[message.int].thread
            batch = run.batches.batchToJoin(user: recipient, thread: thread, at: run.now)
            let (everyone, batchOpen) = (run.everyone, batch != nil)
            // A user's deadline, or (v3) a customer's widget fallback; the actor's entry is read once.
            guard let decided = users.withState(recipient.int, { $0.deadlineReached(message, everyone: everyone, batchOpen: batchOpen) })
                ?? customerDeadlineReached(run, message, recipient, batchOpen: batchOpen)
            else { return }
            decision = decided
        }
        if journaling, run.journal?.records(recipient) == true { note(&run, recipient, .fallback(run.messages[message.int], decision)) }
        run.books.fallbackDecided(message, recipient, decision)
        tell(.deadlineDecided(message, recipient, decision))
        switch decision {
        case .sendEmail:
            call(&run, Send(message: message, recipient: recipient, channel: .email, due: run.now))
        case .batched(let window):
            batchEmail(&run, message, for: recipient, joining: batch, window: window)
        case .seen, .emailOff:
            return
        }
    }

    /// A fallback email that fell due waits in a batch: it joins `batch`, or opens one that goes
    /// out after `window`. The oracle expects the batch's email when it goes out, not now.
    private func batchEmail(_ run: inout RunState, _ message: MessageID, for user: PersonID, joining batch: Int?, window: SimDuration) {
        if let batch {
            run.batches.join(batch, message)
        } else {
            if metering { run.metrics?.batchWaiting(1) }
            let id = run.batches.open(user: user, thread: run.messages[message.int].thread, message: message, goesOutAt: run.now + window)
            run.agenda.schedule(.batchDue(id), at: run.now + window)
        }
    }

    /// A batch goes out: the policy drops the messages seen by now and, if any is left, one email
    /// falls due for them, carrying the last one and how many it covers.
    private func batchGoesOut(_ run: inout RunState, _ id: Int) {
        guard let batch = run.batches.close(id),
              let seen = users.withState(batch.user.int, { $0.releaseBatched(batch.messages) }) ?? customerReleasesBatch(batch.user, batch.messages)
        else { return }
        if metering { run.metrics?.batchWaiting(-1) }
        let numbers = batch.messages.map { run.messages[$0.int].number }
        let outcome = NotificationPolicy.atBatchDue(seen: seen, numbers: numbers)
        let covered = outcome.covered.map { batch.messages[$0] }
        let carrier = outcome.carrier.map { batch.messages[$0] }
        if journaling, run.journal?.records(batch.user) == true {
            note(&run, batch.user, .batchOut(
                thread: batch.thread, carrier: carrier.map { run.messages[$0.int] }, covered: covered.count,
                dropped: batch.messages.count - covered.count))
        }
        guard let carrier else { return }
        var email = Send(message: carrier, recipient: batch.user, channel: .email, due: run.now)
        email.batch = Int32(covered.count)
        run.books.batchSent(covering: covered, for: batch.user)
        call(&run, email)
    }

    /// The rules call for a send: it falls due now (the books hear of it first).
    @inline(__always)
    func call(_ run: inout RunState, _ send: Send) {
        if metering { run.metrics?.due(send.channel) }
        run.books.expect(send)
        tell(.called(send))
        submit(&run, send)
    }

    /// A send falls due now on its channel, and what the channel did with it is carried out.
    @inline(__always)
    private func submit(_ run: inout RunState, _ send: Send) {
        let now = run.now
        let submission = channels.withPresentState(send.channel.rawValue) { $0.submit(send, at: now) }
        follow(&run, submission, of: send)
    }

    /// Carries out what the channel did with a send that fell due.
    @inline(__always)
    func follow(_ run: inout RunState, _ submission: ChannelState.Submission, of send: Send) {
        switch submission {
        case .attempted(let attempt):
            handle(&run, attempt)
        case .queued(let windowOpensAt):
            if metering { run.metrics?.backlogChanged(send.channel, by: 1) }
            if let windowOpensAt { run.agenda.schedule(.windowOpens(send.channel), at: windowOpensAt, phase: .windowRelease) }
        }
    }

    @inline(__always)
    private func handle(_ run: inout RunState, _ attempt: ChannelState.Attempt) {
        switch attempt {
        case .arrives(let send, let time):
            if time == run.now {
                // The channel counted it already; a Messenger delivery still updates the user.
                arrived(&run, send)
            } else {
                run.agenda.schedule(.arrival(send), at: time, phase: .timer)
            }
        case .failed(let send, let retryAt):
            run.agenda.schedule(.retry(send), at: retryAt, phase: .timer)
            if journaling, run.journal?.records(send.recipient) == true {
                note(&run, send.recipient, .attemptFailed(run.messages[send.message.int], send.channel, failures: Int(send.failures), retryAt: retryAt))
            }
        case .bounced(let send):
            run.books.bounced(send)
            if metering { run.metrics?.settledWithoutDelivery(send.channel) }
            if journaling, run.journal?.records(send.recipient) == true {
                note(&run, send.recipient, .bounced(run.messages[send.message.int], send.channel))
            }
        }
    }

    /// A send in flight arrives: the channel counts it, and it is delivered.
    private func arriveLater(_ run: inout RunState, _ send: Send) {
        let now = run.now
        channels.withPresentState(send.channel.rawValue) { $0.recordArrival(of: send, at: now) }
        arrived(&run, send)
    }

    /// A send has arrived: Messenger updates the user's read state; the trace, the checks, the
    /// books and the journal see the delivery.
    @inline(__always)
    private func arrived(_ run: inout RunState, _ send: Send) {
        var seen = false
        if send.channel == .messenger {
            let thread = run.messages[send.message.int].thread
            seen = users.withState(send.recipient.int) { $0.arrive(send.message, in: thread) } ?? false
        } else if send.channel == .chat, customerWidgetUsed {
            seen = customerChatArrived(send, in: run.messages[send.message.int].thread)
        }
        recordDelivery(&run, send)
        if journaling, run.journal?.records(send.recipient) == true { noteDelivery(&run, send, seen: seen) }
    }

    /// A delivery has arrived: whoever watches deliveries hears of it, in order.
    @inline(__always)
    private func recordDelivery(_ run: inout RunState, _ send: Send) {
        let delivery = Delivery(
            time: run.now, channel: send.channel, recipient: send.recipient, message: send.message, due: send.due, batch: send.batch)
        run.deliveryCount += 1
        if observing {
            // The first observer (the trace writer, as a rule) is called through a constant of its
            // own, borrowed: taken from the list, each was copied out, a retain and a release per
            // delivery of a traced run.
            firstObserver?.delivered(delivery, messages: run.messages, cast: cast)
            for observer in otherObservers { observer.delivered(delivery, messages: run.messages, cast: cast) }
        }
        if watchesDeliveries { run.ledger.observe(delivery, text: run.messages[send.message.int].text) }
        if watchesCapacity { run.capacity.observe(delivery, cast: cast) }
        if metering { run.metrics?.delivered(delivery) }
        run.books.delivered(delivery)
    }
}

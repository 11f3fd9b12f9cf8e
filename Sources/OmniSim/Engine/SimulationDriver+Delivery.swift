extension SimulationDriver {
    /// Posts a message and sends it to every recipient the rules name, in membership order:
    /// for a user, Messenger (then push) and the fallback deadline; for a customer, chat or email.
    /// A user who posts through the app (`viaApp`) views the thread from then on (writing is
    /// viewing): after the post's own membership change, before its deliveries.
    @inline(__always)
    func post(
        _ run: inout RunState, in thread: ThreadID, by author: PersonID, text: String, isNote: Bool, viaApp: Bool,
        mentioning mentions: [Member]
    ) throws(Rejection) {
        let mentioned = mentioned(mentions, run.teams)
        let posting = try threads.lendPresent(thread.int) { (actor) throws(Rejection) in
            try actor.postSync(by: author, isNote: isNote, mentioning: mentioned)
        }
        if journaling {
            for person in posting.addedByMention { note(&run, person, .mentioned(by: author, thread: thread)) }
        }
        if viaApp, let seen = users.lend(author.int, { $0.viewSync(thread) }) {
            if journaling { noteView(&run, author, thread, .wrote, seen: seen) }
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
        // One call hands Messenger all of the message's sends when nothing in force could hold one
        // back; otherwise each is submitted on its own below.
        let now = run.now
        let messengerChannel = ChannelKind.messenger.rawValue
        let messengerAtOnce =
            userRecipients > 0 && channels.lendPresent(messengerChannel) { $0.deliverAtOnceSync(count: userRecipients, at: now) }
        for k in candidates {
            guard let recipient = recipient(k) else { continue }
            if users.contains(recipient.int) {
                let messenger = Send(message: message, recipient: recipient, channel: .messenger, due: run.now)
                if metering { run.metrics?.due(.messenger) }
                // The channel first: when the delivery arrives at once, one call to the user both
                // receives and delivers it.
                let submission = messengerAtOnce
                    ? .attempted(.arrives(messenger, at: now)) : channels.lendPresent(messengerChannel) { $0.submitSync(messenger, at: now) }
                // Matched, not compared with `==`: the derived equality of the nested enums was a call per delivery.
                let arrivedNow: Bool
                if case .attempted(.arrives(let send, let time)) = submission, time == now, send == messenger {
                    arrivedNow = true
                } else {
                    arrivedNow = false
                }
                let everyone = run.everyone
                let reception = users.lendPresent(recipient.int) { user in
                    user.receiveSync(message, in: thread, at: now, everyone: everyone, arrivedNow: arrivedNow, fromCustomer: fromCustomer)
                }
                if journaling, run.journal?.records(recipient) == true {
                    let teams = run.teams
                    if k < memberCount, let team = threads.lendPresent(thread.int, { $0.teamSync(giving: recipient, teams: teams) }) {
                        note(&run, recipient, .throughTeam(run.messages[message.int], team: team))
                    }
                    notePush(&run, reception, recipient: recipient, message: message)
                }
                // The books hear that the send was called for with its delivery (one record when
                // it arrived now), or just before it is followed.
                if arrivedNow {
                    recordDelivery(&run, messenger, untold: .expected)
                    if journaling, run.journal?.records(recipient) == true { noteDelivery(&run, messenger, seen: reception.seen) }
                } else {
                    run.books.tell(.expected, of: messenger)
                    follow(&run, submission, of: messenger)
                }
                if reception.push {
                    call(&run, Send(message: message, recipient: recipient, channel: .push, due: run.now))
                }
                if reception.notifies {
                    let deadline: TimerEvent = reception.seen ? .fallbackSeen(message, recipient) : .fallbackDeadline(message, recipient)
                    run.agenda.schedule(deadline, at: reception.deadline, phase: .timer)
                }
            } else if let channel = customers.lend(recipient.int, { $0.channelForMessageSync() }) {
                if journaling, run.journal?.records(recipient) == true {
                    note(&run, recipient, .channelChosen(run.messages[message.int], channel))
                }
                call(&run, Send(message: message, recipient: recipient, channel: channel, due: run.now))
            }
        }
    }

    /// The users a message's mentions name now: each team stands for its members at this instant.
    @inline(__always)
    private func mentioned(_ mentions: [Member], _ teams: TeamRoster) -> [PersonID] {
        if mentions.isEmpty { return [] }
        var people: [PersonID] = []
        for mention in mentions {
            switch mention {
            case .person(let person): people.append(person)
            case .team(let team): people.append(contentsOf: teams.members(of: team))
            }
        }
        return people
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
        case .windowOpens(let kind):
            let now = run.now
            let (attempts, next) = channels.lendPresent(kind.rawValue) { $0.windowOpensSync(at: now) }
            if metering { run.metrics?.backlogChanged(kind, by: -attempts.count) }
            for attempt in attempts { handle(&run, attempt) }
            if let next { run.agenda.schedule(.windowOpens(kind), at: next, phase: .windowRelease) }
        case .arrival(let send):
            arriveLater(&run, send)
        case .retry(let send):
            submit(&run, send)
        case .fallbackDeadline:
            preconditionFailure("the run loop handles fallback deadlines itself")
        case .fallbackSeen(let message, let recipient):
            _ = fallbackDecided(&run, .seen, message: message, recipient: recipient)
        case .batchDue(let id):
            batchGoesOut(&run, id)
        }
    }

    /// A fallback email that fell due waits in a batch: it joins `batch`, or opens one that goes
    /// out after `window`. The oracle expects the batch's email when it goes out, not now.
    func batchEmail(_ run: inout RunState, _ message: MessageID, for user: PersonID, joining batch: Int?, window: SimDuration) {
        if journaling, run.journal?.records(user) == true { note(&run, user, .fallback(run.messages[message.int], .batched(window))) }
        run.books.fallbackDecided(message, user, .batched(window))
        if let batch {
            run.batches.join(batch, message)
        } else {
            if metering { run.metrics?.batchWaiting(1) }
            let id = run.batches.open(user: user, thread: run.messages[message.int].thread, message: message, goesOutAt: run.now + window)
            run.agenda.schedule(.batchDue(id), at: run.now + window)
        }
    }

    /// A batch goes out: its messages seen by now are dropped; if any is left, one email falls due,
    /// carrying the last one (the highest number) and how many it covers.
    private func batchGoesOut(_ run: inout RunState, _ id: Int) {
        guard let batch = run.batches.close(id), let user = users[batch.user.int] else { return }
        if metering { run.metrics?.batchWaiting(-1) }
        let seen = user.releaseBatchedSync(batch.messages)
        let covered = batch.messages.indices.filter { !seen[$0] }.map { batch.messages[$0] }
        let carrier = covered.max { run.messages[$0.int].number < run.messages[$1.int].number }
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

    /// A user's fallback deadline decided `decision`: the journal and the oracle note it. Returns the
    /// email that falls due now, if one does: the books are not told of that decision yet — the
    /// caller submits the email with ``settle(_:_:of:untold:)`` and `.decidedAndExpected`.
    func fallbackDecided(
        _ run: inout RunState, _ decision: FallbackDecision, message: MessageID, recipient: PersonID
    ) -> Send? {
        if journaling, run.journal?.records(recipient) == true { note(&run, recipient, .fallback(run.messages[message.int], decision)) }
        guard decision == .sendEmail else {
            run.books.fallbackDecided(message, recipient, decision)
            return nil
        }
        if metering { run.metrics?.due(.email) }
        return Send(message: message, recipient: recipient, channel: .email, due: run.now)
    }

    /// The rules call for a send: it falls due now (the books hear of it with its fate).
    @inline(__always)
    private func call(_ run: inout RunState, _ send: Send) {
        if metering { run.metrics?.due(send.channel) }
        submit(&run, send, untold: .expected)
    }

    /// A send falls due now on its channel; `untold`: what the books have not heard of it yet.
    @inline(__always)
    private func submit(_ run: inout RunState, _ send: Send, untold: Bookkeeping.Untold = .nothing) {
        let now = run.now
        let submission = channels.lendPresent(send.channel.rawValue) { $0.submitSync(send, at: now) }
        settle(&run, submission, of: send, untold: untold)
    }

    /// What follows a submission. The common case without another suspension: the send arrived at
    /// once and no user needs to hear of it (not Messenger, no journal) — recorded, with what the
    /// books were not told yet of it, in one record. Otherwise the books are told first, and
    /// ``follow(_:_:of:)`` carries it out.
    @inline(__always)
    func settle(_ run: inout RunState, _ submission: ChannelState.Submission, of send: Send, untold: Bookkeeping.Untold) {
        if !journaling, send.channel != .messenger, case .attempted(.arrives(_, let time)) = submission, time == run.now {
            recordDelivery(&run, send, untold: untold)
            return
        }
        run.books.tell(untold, of: send)
        follow(&run, submission, of: send)
    }

    /// Carries out what the channel did with a send that fell due.
    func follow(_ run: inout RunState, _ submission: ChannelState.Submission, of send: Send) {
        switch submission {
        case .attempted(let attempt):
            handle(&run, attempt)
        case .queued(let windowOpensAt):
            if metering { run.metrics?.backlogChanged(send.channel, by: 1) }
            if let windowOpensAt { run.agenda.schedule(.windowOpens(send.channel), at: windowOpensAt, phase: .windowRelease) }
        }
    }

    private func handle(_ run: inout RunState, _ attempt: ChannelState.Attempt) {
        switch attempt {
        case .arrives(let send, let time):
            if time == run.now {
                // The channel counted it already; a Messenger delivery still updates the user.
                var seen = false
                if send.channel == .messenger {
                    let thread = run.messages[send.message.int].thread
                    seen = users.lend(send.recipient.int) { $0.arriveSync(send.message, in: thread) } ?? false
                }
                record(&run, send, seen: seen)
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

    /// A send in flight arrives: the channel counts it, Messenger updates the user's read state.
    private func arriveLater(_ run: inout RunState, _ send: Send) {
        let now = run.now
        channels.lendPresent(send.channel.rawValue) { $0.recordArrivalSync(of: send, at: now) }
        var seen = false
        if send.channel == .messenger {
            let thread = run.messages[send.message.int].thread
            seen = users.lend(send.recipient.int) { $0.arriveSync(send.message, in: thread) } ?? false
        }
        record(&run, send, seen: seen)
    }

    /// A delivery has arrived: the trace, the checks, the oracle and the journal see it.
    private func record(_ run: inout RunState, _ send: Send, seen: Bool) {
        recordDelivery(&run, send)
        if journaling, run.journal?.records(send.recipient) == true { noteDelivery(&run, send, seen: seen) }
    }

    /// The synchronous part of ``record(&run, _:seen:)``: no suspension on the hot path.
    private func recordDelivery(_ run: inout RunState, _ send: Send, untold: Bookkeeping.Untold = .nothing) {
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
        run.books.delivered(delivery, untold: untold)
    }
}

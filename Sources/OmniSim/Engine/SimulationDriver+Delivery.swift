extension SimulationDriver {
    /// Posts a message and sends it to every recipient the rules name, in membership order:
    /// for a user, Messenger (then push) and the fallback deadline; for a customer, chat or email.
    @inline(__always)
    func post(_ c: inout DriverCore, in thread: ThreadActor, by author: PersonID, text: String, isNote: Bool) async throws(Rejection) {
        let posting = try await thread.post(by: author, isNote: isNote)
        let message = MessageID(c.messages.count)
        c.messages.append(Message(thread: thread.id, number: posting.number, author: author, text: text, isNote: isNote))
        var slot = c.oracle.posted(message, posting, cast: cast)
        // One call hands Messenger all of the message's sends when nothing in force could hold one
        // back; otherwise each is submitted on its own below.
        var userRecipients = 0
        for recipient in posting.members where posting.isRecipient(recipient, cast: cast) && cast.isUser(recipient) {
            userRecipients += 1
        }
        let messengerChannel = channels[ChannelKind.messenger.rawValue]
        let messengerAtOnce = userRecipients > 0 ? await messengerChannel.deliverAtOnce(count: userRecipients, at: c.now) : false
        for recipient in posting.members where posting.isRecipient(recipient, cast: cast) {
            defer { slot += 1 }
            if let user = users[recipient.int] {
                var messenger = Send(message: message, recipient: recipient, channel: .messenger, due: c.now)
                messenger.slot = slot
                c.oracle.expect(messenger)
                // The channel first: when the delivery arrives at once, one call to the user both
                // receives and delivers it.
                let submission = messengerAtOnce
                    ? .attempted(.arrives(messenger, at: c.now)) : await messengerChannel.submit(messenger, at: c.now)
                let arrivedNow = submission == .attempted(.arrives(messenger, at: c.now))
                let reception = await user.receive(message, in: thread.id, at: c.now, everyone: c.everyone, arrivedNow: arrivedNow)
                if journaling, c.journal?.records(recipient) == true { await notePush(&c, reception, user: user, message: message) }
                if arrivedNow {
                    recordDelivery(&c, messenger)
                    if journaling, c.journal?.records(recipient) == true { await noteDelivery(&c, messenger, seen: reception.seen) }
                } else {
                    await follow(&c, submission, of: messenger)
                }
                if reception.push {
                    var push = Send(message: message, recipient: recipient, channel: .push, due: c.now)
                    push.slot = slot
                    await call(&c, push)
                }
                c.queue.push(.fallbackDeadline(message, recipient, slot: slot), at: reception.deadline, phase: .timer)
            } else if let customer = customers[recipient.int] {
                let channel = await customer.channelForMessage()
                if journaling, c.journal?.records(recipient) == true {
                    let why = channel == .chat ? "in live chat at posting: chat" : "not in live chat at posting: email"
                    note(&c, .channelChoice, recipient, channel, message, "\(describe(c.messages, message)): \(why)")
                }
                var send = Send(message: message, recipient: recipient, channel: channel, due: c.now)
                send.slot = slot
                await call(&c, send)
            }
        }
    }

    /// A timer comes due.
    @inline(__always)
    func fire(_ c: inout DriverCore, _ event: TimerEvent) async {
        switch event {
        case .windowOpens(let kind):
            let (attempts, next) = await channels[kind.rawValue].windowOpens(at: c.now)
            for attempt in attempts { await handle(&c, attempt) }
            if let next { c.queue.push(.windowOpens(kind), at: next, phase: .windowRelease) }
        case .arrival(let send):
            await arriveLater(&c, send)
        case .retry(let send):
            await submit(&c, send)
        case .fallbackDeadline:
            preconditionFailure("the run loop handles fallback deadlines itself")
        }
    }

    /// A user's fallback deadline decided `decision`: the journal and the oracle note it. Returns the
    /// email that falls due now, if one does (already noted by the oracle as called for).
    func fallbackDecided(
        _ c: inout DriverCore, _ decision: FallbackDecision, message: MessageID, recipient: PersonID, slot: Int32
    ) -> Send? {
        if journaling, c.journal?.records(recipient) == true {
            let why = switch decision {
            case .seen: "seen before its deadline: no email"
            case .emailOff: "unseen at its deadline, but email is off: no email"
            case .sendEmail: "unseen at its deadline with email on: the fallback email falls due"
            }
            note(
                &c, .fallback, recipient, .email, message, "email fallback for \(describe(c.messages, message)): \(why)",
                decision: decision)
        }
        c.oracle.fallbackDecided(slot: slot, recipient, decision, at: c.now)
        guard decision == .sendEmail else { return nil }
        var email = Send(message: message, recipient: recipient, channel: .email, due: c.now)
        email.slot = slot
        c.oracle.expect(email)
        return options.testingFault == .skipFallbackEmail ? nil : email
    }

    /// The rules call for a send: the oracle notes it, and it falls due now.
    @inline(__always)
    private func call(_ c: inout DriverCore, _ send: Send) async {
        c.oracle.expect(send)
        await submit(&c, send)
    }

    /// A send falls due now on its channel.
    @inline(__always)
    private func submit(_ c: inout DriverCore, _ send: Send) async {
        let submission = await channels[send.channel.rawValue].submit(send, at: c.now)
        if !settledAtOnce(&c, submission, of: send) { await follow(&c, submission, of: send) }
    }

    /// The common case of a submission, without another suspension: the send arrived at once and
    /// no user needs to hear of it (not Messenger, no journal). Records it and returns true; else
    /// returns false and leaves it to ``follow(_:_:of:)``.
    func settledAtOnce(_ c: inout DriverCore, _ submission: ChannelState.Submission, of send: Send) -> Bool {
        guard !journaling, send.channel != .messenger, case .attempted(.arrives(_, let time)) = submission, time == c.now
        else { return false }
        recordDelivery(&c, send)
        return true
    }

    /// Carries out what the channel did with a send that fell due.
    func follow(_ c: inout DriverCore, _ submission: ChannelState.Submission, of send: Send) async {
        switch submission {
        case .attempted(let attempt):
            await handle(&c, attempt)
        case .queued(let windowOpensAt):
            if let windowOpensAt { c.queue.push(.windowOpens(send.channel), at: windowOpensAt, phase: .windowRelease) }
        }
    }

    private func handle(_ c: inout DriverCore, _ attempt: ChannelState.Attempt) async {
        switch attempt {
        case .arrives(let send, let time):
            if time == c.now {
                // The channel counted it already; a Messenger delivery still updates the user.
                var seen = false
                if send.channel == .messenger, let user = users[send.recipient.int] {
                    seen = await user.arrive(send.message, in: c.messages[send.message.int].thread)
                }
                await record(&c, send, seen: seen)
            } else {
                c.queue.push(.arrival(send), at: time, phase: .timer)
            }
        case .failed(let send, let retryAt):
            c.queue.push(.retry(send), at: retryAt, phase: .timer)
        case .bounced(let send):
            c.oracle.bounced(send)
            if journaling, c.journal?.records(send.recipient) == true {
                note(&c, .delivery, send.recipient, send.channel, send.message, "\(send.channel.name): \(describe(c.messages, send.message)) bounced for good (not retried)")
            }
        }
    }

    /// A send in flight arrives: the channel counts it, Messenger updates the user's read state.
    private func arriveLater(_ c: inout DriverCore, _ send: Send) async {
        await channels[send.channel.rawValue].recordArrival(of: send, at: c.now)
        var seen = false
        if send.channel == .messenger, let user = users[send.recipient.int] {
            seen = await user.arrive(send.message, in: c.messages[send.message.int].thread)
        }
        await record(&c, send, seen: seen)
    }

    /// A delivery has arrived: the trace, the checks, the oracle and the journal see it.
    private func record(_ c: inout DriverCore, _ send: Send, seen: Bool) async {
        recordDelivery(&c, send)
        if journaling, c.journal?.records(send.recipient) == true { await noteDelivery(&c, send, seen: seen) }
    }

    /// The synchronous part of ``record(&c, _:seen:)``: no suspension on the hot path.
    private func recordDelivery(_ c: inout DriverCore, _ send: Send) {
        let delivery = Delivery(time: c.now, channel: send.channel, recipient: send.recipient, message: send.message, due: send.due)
        c.deliveryCount += 1
        if trace.isEnabled { trace.write(delivery, message: c.messages[send.message.int], cast: cast) }
        if watchesDeliveries { c.ledger.observe(delivery, text: c.messages[send.message.int].text) }
        c.oracle.delivered(delivery, slot: send.slot)
        if options.testingFault == .duplicateMessenger && send.channel == .messenger {
            c.oracle.delivered(delivery, slot: send.slot)
        }
    }
}

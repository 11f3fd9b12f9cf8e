extension SimulationDriver {
    /// Posts a message and sends it to every recipient the rules name, in membership order:
    /// for a user, Messenger (then push) and the fallback deadline; for a customer, chat or email.
    func post(in thread: ThreadActor, by author: PersonID, text: String, isNote: Bool) async throws(Rejection) {
        let now = self.now, everyone = self.everyone
        let posting = try await thread.post(by: author, isNote: isNote)
        let message = MessageID(messages.count)
        messages.append(Message(thread: thread.id, number: posting.number, author: author, text: text, isNote: isNote))
        var slot = oracle.posted(message, posting, cast: cast)
        for recipient in posting.members where posting.isRecipient(recipient, cast: cast) {
            defer { slot += 1 }
            if let user = users[recipient.int] {
                var messenger = Send(message: message, recipient: recipient, channel: .messenger, due: now)
                messenger.slot = slot
                oracle.expect(messenger)
                // The channel first: when the delivery arrives at once, one call to the user both
                // receives and delivers it.
                let submission = await channels[ChannelKind.messenger.rawValue].submit(messenger, at: now)
                let arrivedNow = submission == .attempted(.arrives(messenger, at: now))
                let reception = await user.receive(message, in: thread.id, at: now, everyone: everyone, arrivedNow: arrivedNow)
                if journaling, journal?.records(recipient) == true { await notePush(reception, user: user, message: message) }
                if arrivedNow {
                    recordDelivery(messenger)
                    if journaling, journal?.records(recipient) == true { await noteDelivery(messenger, seen: reception.seen) }
                } else {
                    await follow(submission, of: messenger)
                }
                if reception.push {
                    var push = Send(message: message, recipient: recipient, channel: .push, due: now)
                    push.slot = slot
                    await call(push)
                }
                queue.push(.fallbackDeadline(message, recipient, slot: slot), at: reception.deadline, phase: .timer)
            } else if let customer = customers[recipient.int] {
                let channel = await customer.channelForMessage()
                if journaling, journal?.records(recipient) == true {
                    let why = channel == .chat ? "in live chat at posting: chat" : "not in live chat at posting: email"
                    note(.channelChoice, recipient, channel, message, "\(describe(message)): \(why)")
                }
                var send = Send(message: message, recipient: recipient, channel: channel, due: now)
                send.slot = slot
                await call(send)
            }
        }
    }

    /// A timer comes due.
    func fire(_ event: TimerEvent) async {
        let now = self.now, everyone = self.everyone
        switch event {
        case .windowOpens(let kind):
            let (attempts, next) = await channels[kind.rawValue].windowOpens(at: now)
            for attempt in attempts { await handle(attempt) }
            if let next { queue.push(.windowOpens(kind), at: next, phase: .windowRelease) }
        case .arrival(let send):
            await arriveLater(send)
        case .retry(let send):
            await submit(send)
        case .fallbackDeadline(let message, let recipient, let slot):
            guard let user = users[recipient.int] else { return }
            let decision = await user.deadlineReached(message, everyone: everyone)
            if journaling, journal?.records(recipient) == true {
                let why = switch decision {
                case .seen: "seen before its deadline: no email"
                case .emailOff: "unseen at its deadline, but email is off: no email"
                case .sendEmail: "unseen at its deadline with email on: the fallback email falls due"
                }
                note(.fallback, recipient, .email, message, "email fallback for \(describe(message)): \(why)")
            }
            oracle.fallbackDecided(slot: slot, recipient, decision, at: now)
            guard decision == .sendEmail else { return }
            var email = Send(message: message, recipient: recipient, channel: .email, due: now)
            email.slot = slot
            if options.testingFault == .skipFallbackEmail {
                oracle.expect(email)
            } else {
                await call(email)
            }
        }
    }

    /// The rules call for a send: the oracle notes it, and it falls due now.
    private func call(_ send: Send) async {
        oracle.expect(send)
        await submit(send)
    }

    /// A send falls due now on its channel.
    private func submit(_ send: Send) async {
        await follow(await channels[send.channel.rawValue].submit(send, at: now), of: send)
    }

    /// Carries out what the channel did with a send that fell due.
    private func follow(_ submission: ChannelState.Submission, of send: Send) async {
        switch submission {
        case .attempted(let attempt):
            await handle(attempt)
        case .queued(let windowOpensAt):
            if let windowOpensAt { queue.push(.windowOpens(send.channel), at: windowOpensAt, phase: .windowRelease) }
        }
    }

    private func handle(_ attempt: ChannelState.Attempt) async {
        switch attempt {
        case .arrives(let send, let time):
            if time == now {
                // The channel counted it already; a Messenger delivery still updates the user.
                var seen = false
                if send.channel == .messenger, let user = users[send.recipient.int] {
                    seen = await user.arrive(send.message, in: messages[send.message.int].thread)
                }
                await record(send, seen: seen)
            } else {
                queue.push(.arrival(send), at: time, phase: .timer)
            }
        case .failed(let send, let retryAt):
            queue.push(.retry(send), at: retryAt, phase: .timer)
        case .bounced(let send):
            oracle.bounced(send)
            if journaling, journal?.records(send.recipient) == true {
                note(.delivery, send.recipient, send.channel, send.message, "\(send.channel.name): \(describe(send.message)) bounced for good (not retried)")
            }
        }
    }

    /// A send in flight arrives: the channel counts it, Messenger updates the user's read state.
    private func arriveLater(_ send: Send) async {
        await channels[send.channel.rawValue].recordArrival(of: send, at: now)
        var seen = false
        if send.channel == .messenger, let user = users[send.recipient.int] {
            seen = await user.arrive(send.message, in: messages[send.message.int].thread)
        }
        await record(send, seen: seen)
    }

    /// A delivery has arrived: the trace, the checks, the oracle and the journal see it.
    private func record(_ send: Send, seen: Bool) async {
        recordDelivery(send)
        if journaling, journal?.records(send.recipient) == true { await noteDelivery(send, seen: seen) }
    }

    /// The synchronous part of ``record(_:seen:)``: no suspension on the hot path.
    private func recordDelivery(_ send: Send) {
        let delivery = Delivery(time: now, channel: send.channel, recipient: send.recipient, message: send.message, due: send.due)
        deliveryCount += 1
        if trace.isEnabled { trace.write(delivery, message: messages[send.message.int], cast: cast) }
        if watchesDeliveries { ledger.observe(delivery, text: messages[send.message.int].text) }
        oracle.delivered(delivery, slot: send.slot)
        if options.testingFault == .duplicateMessenger && send.channel == .messenger {
            oracle.delivered(delivery, slot: send.slot)
        }
    }
}

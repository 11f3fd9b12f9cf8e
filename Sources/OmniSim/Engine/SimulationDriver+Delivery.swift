extension SimulationDriver {
    /// Posts a message and sends it to every recipient the rules name, in membership order:
    /// for a user, Messenger (then push) and the fallback deadline; for a customer, chat or email.
    func post(in thread: ThreadActor, by author: PersonID, text: String, isNote: Bool) throws(Rejection) {
        let now = self.now, everyone = self.everyone
        let posting = try thread.onSharedExecutor { (thread) throws(Rejection) in try thread.post(by: author, isNote: isNote) }
        let message = MessageID(messages.count)
        messages.append(Message(thread: thread.id, number: posting.number, author: author, text: text, isNote: isNote))
        var slot = oracle.posted(message, posting, cast: cast)
        for recipient in posting.members where posting.isRecipient(recipient, cast: cast) {
            defer { slot += 1 }
            if let user = users[recipient.int] {
                let reception = user.onSharedExecutor { $0.receive(at: now, everyone: everyone) }
                if journal?.records(recipient) == true { notePush(reception, user: user, message: message) }
                var messenger = Send(message: message, recipient: recipient, channel: .messenger, due: now)
                messenger.receipt = Int32(truncatingIfNeeded: reception.receipt)
                messenger.slot = slot
                call(messenger)
                if reception.push {
                    var push = Send(message: message, recipient: recipient, channel: .push, due: now)
                    push.slot = slot
                    call(push)
                }
                queue.push(
                    .fallbackDeadline(message, recipient, receipt: messenger.receipt, slot: slot), at: reception.deadline,
                    phase: .timer)
            } else if let customer = customers[recipient.int] {
                let channel = customer.onSharedExecutor { $0.channelForMessage() }
                if journal?.records(recipient) == true {
                    let why = channel == .chat ? "in live chat at posting: chat" : "not in live chat at posting: email"
                    note(.channelChoice, recipient, channel, message, "\(describe(message)): \(why)")
                }
                var send = Send(message: message, recipient: recipient, channel: channel, due: now)
                send.slot = slot
                call(send)
            }
        }
    }

    /// A timer comes due.
    func fire(_ event: TimerEvent) {
        let now = self.now, everyone = self.everyone
        switch event {
        case .windowOpens(let kind):
            let (attempts, next) = channels[kind.rawValue].onSharedExecutor { $0.windowOpens(at: now) }
            for attempt in attempts { handle(attempt) }
            if let next { queue.push(.windowOpens(kind), at: next, phase: .windowRelease) }
        case .arrival(let send):
            deliver(send)
        case .retry(let send):
            submit(send)
        case .fallbackDeadline(let message, let recipient, let receipt, let slot):
            guard let user = users[recipient.int] else { return }
            let decision = user.onSharedExecutor { $0.deadlineReached(Int(receipt), everyone: everyone) }
            if journal?.records(recipient) == true {
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
                call(email)
            }
        }
    }

    /// The rules call for a send: the oracle notes it, and it falls due now.
    private func call(_ send: Send) {
        oracle.expect(send)
        submit(send)
    }

    /// A send falls due now on its channel.
    private func submit(_ send: Send) {
        let now = self.now
        switch channels[send.channel.rawValue].onSharedExecutor({ $0.submit(send, at: now) }) {
        case .attempted(let attempt):
            handle(attempt)
        case .queued(let windowOpensAt):
            if let windowOpensAt { queue.push(.windowOpens(send.channel), at: windowOpensAt, phase: .windowRelease) }
        }
    }

    private func handle(_ attempt: ChannelState.Attempt) {
        switch attempt {
        case .arrives(let send, let time):
            if time == now {
                deliver(send)
            } else {
                queue.push(.arrival(send), at: time, phase: .timer)
            }
        case .failed(let send, let retryAt):
            queue.push(.retry(send), at: retryAt, phase: .timer)
        case .bounced(let send):
            oracle.bounced(send)
            if journal?.records(send.recipient) == true {
                note(.delivery, send.recipient, send.channel, send.message, "\(send.channel.name): \(describe(send.message)) bounced for good (not retried)")
            }
        }
    }

    /// The delivery arrives: Messenger updates the user's read state; the trace and checks see it.
    private func deliver(_ send: Send) {
        let message = messages[send.message.int]
        let now = self.now
        channels[send.channel.rawValue].onSharedExecutor { $0.recordArrival(of: send, at: now) }
        var seen = false
        if send.channel == .messenger, let user = users[send.recipient.int] {
            seen = user.onSharedExecutor { $0.arrive(Int(send.receipt), in: message.thread) }
        }
        let delivery = Delivery(time: now, channel: send.channel, recipient: send.recipient, message: send.message, due: send.due)
        deliveryCount += 1
        trace.write(delivery, message: message, cast: cast)
        ledger.observe(delivery, text: message.text)
        oracle.delivered(delivery, slot: send.slot)
        if journal?.records(send.recipient) == true { noteDelivery(send, seen: seen) }
        if options.testingFault == .duplicateMessenger && send.channel == .messenger {
            oracle.delivered(delivery, slot: send.slot)
        }
    }
}

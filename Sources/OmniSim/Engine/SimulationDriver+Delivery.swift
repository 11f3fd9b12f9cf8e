extension SimulationDriver {
    /// Posts a message and sends it to every recipient the rules name, in membership order:
    /// for a user, Messenger (then push) and the fallback deadline; for a customer, chat or email.
    func post(in thread: ThreadActor, by author: PersonID, text: String, isNote: Bool) throws(Rejection) {
        let now = self.now, everyone = self.everyone
        let posting = try thread.onSharedExecutor { (thread) throws(Rejection) in try thread.post(by: author, isNote: isNote) }
        let message = MessageID(messages.count)
        messages.append(Message(thread: thread.id, number: posting.number, author: author, text: text, isNote: isNote))
        oracle.posted(
            message, author: author, recipients: posting.recipients, inUserConversation: posting.inUserConversation,
            isNote: isNote)
        for recipient in posting.recipients {
            if let user = users[recipient.int] {
                let reception = user.onSharedExecutor { $0.receive(at: now, everyone: everyone) }
                call(Send(message: message, recipient: recipient, channel: .messenger, due: now))
                if reception.push {
                    call(Send(message: message, recipient: recipient, channel: .push, due: now))
                }
                queue.push(.fallbackDeadline(message, recipient), at: reception.deadline, phase: .timer)
            } else if let customer = customers[recipient.int] {
                let channel = customer.onSharedExecutor { $0.channelForMessage() }
                call(Send(message: message, recipient: recipient, channel: channel, due: now))
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
        case .fallbackDeadline(let message, let recipient):
            guard let user = users[recipient.int] else { return }
            let decision = user.onSharedExecutor { $0.deadlineReached(message, everyone: everyone) }
            oracle.fallbackDecided(message, recipient, decision, at: now)
            guard decision == .sendEmail else { return }
            let email = Send(message: message, recipient: recipient, channel: .email, due: now)
            if options.testingFault == .skipFallbackEmail {
                oracle.expect(email.message, email.recipient, email.channel)
            } else {
                call(email)
            }
        }
    }

    /// The rules call for a send: the oracle notes it, and it falls due now.
    private func call(_ send: Send) {
        oracle.expect(send.message, send.recipient, send.channel)
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
        }
    }

    /// The delivery arrives: Messenger updates the user's read state; the trace and checks see it.
    private func deliver(_ send: Send) {
        let message = messages[send.message.int]
        let now = self.now
        channels[send.channel.rawValue].onSharedExecutor { $0.recordArrival(of: send, at: now) }
        if send.channel == .messenger, let user = users[send.recipient.int] {
            _ = user.onSharedExecutor { $0.arrive(send.message, in: message.thread) }
        }
        let delivery = Delivery(time: now, channel: send.channel, recipient: send.recipient, message: send.message, due: send.due)
        deliveryCount += 1
        trace.write(delivery, message: message, cast: cast)
        ledger.observe(delivery, text: message.text)
        oracle.delivered(delivery)
        if options.testingFault == .duplicateMessenger && send.channel == .messenger {
            oracle.delivered(delivery)
        }
    }
}

/// The journal's entries, in words (only called when the journal records the person).
extension SimulationDriver {
    func describe(_ messages: [Message], _ message: MessageID) -> String {
        let m = messages[message.int]
        let text = m.text.count <= 40 ? m.text : String(m.text.prefix(39)) + "…"
        return "\(m.isNote ? "note" : "message") #\(m.number) in \(cast.name(of: m.thread)) from \(cast.name(of: m.author)) \"\(text)\""
    }

    func note(
        _ run: inout RunState, _ kind: Journal.Entry.Kind, _ person: PersonID, _ channel: ChannelKind?, _ message: MessageID?,
        _ text: String, decision: FallbackDecision? = nil
    ) {
        run.journal?.add(Journal.Entry(
            time: run.now, person: person, kind: kind, channel: channel, message: message, text: text, decision: decision))
    }

    func notePush(_ run: inout RunState, _ reception: UserState.Reception, user: UserActor, message: MessageID) async {
        let state = await user.snapshot()
        let settings = state.settings.resolved(over: run.everyone)
        let why: String
        if reception.push {
            why = "push: has the mobile app, push on, not logged in"
        } else if !state.hasMobile {
            why = "no push: no mobile app"
        } else if !settings.push {
            why = "no push: push is off"
        } else {
            why = "no push: logged in"
        }
        note(&run, .push, user.id, .push, message, "\(describe(run.messages, message)) posted; \(why); email fallback decided at \(reception.deadline)")
    }

    func noteDelivery(_ run: inout RunState, _ send: Send, seen: Bool) async {
        let delay = run.now - send.due
        let late = delay == .zero ? "" : " (\(delay) after it was due)"
        note(&run, .delivery, send.recipient, send.channel, send.message, "\(send.channel.name): \(describe(run.messages, send.message)) arrives\(late)")
        guard send.channel == .messenger, let user = users[send.recipient.int] else { return }
        let (unread, bubble) = (await user.unread(), await user.bubble(everyone: run.everyone))
        if seen {
            note(&run, .seen, send.recipient, nil, send.message, "seen at arrival: logged in and viewing \(cast.name(of: run.messages[send.message.int].thread))")
        } else {
            note(&run, .unread, send.recipient, nil, send.message, "unseen at arrival: unread \(unread), bubble \(bubble)")
        }
    }

    func notePresence(_ run: inout RunState, _ person: PersonID, _ text: String) async {
        if journaling, run.journal?.records(person) == true { note(&run, .presence, person, nil, nil, text) }
    }

    func noteView(_ run: inout RunState, _ person: PersonID, _ thread: ThreadID, seen: Int) async {
        guard journaling, run.journal?.records(person) == true, let user = users[person.int] else { return }
        let (unread, bubble) = (await user.unread(), await user.bubble(everyone: run.everyone))
        note(&run, .view, person, nil, nil, "views \(cast.name(of: thread)): \(seen) \(seen == 1 ? "message" : "messages") seen; unread \(unread), bubble \(bubble)")
    }

    /// A person's own action that succeeded, placed before the entries it caused (`mark`: the
    /// journal's length before the action ran). Views and presence have entries of their own.
    func noteAction(_ run: inout RunState, _ action: PlannedEvent.Action, at mark: Int) {
        guard case .known(let person)? = action.subject, run.journal?.records(person) == true,
              let text = actionText(action) else { return }
        run.journal?.insert(
            Journal.Entry(time: run.now, person: person, kind: .action, channel: nil, message: nil, text: text), at: mark)
    }

    private func actionText(_ action: PlannedEvent.Action) -> String? {
        func threadName(_ ref: ThreadRef) -> String {
            switch ref {
            case .known(let id): cast.name(of: id)
            case .person(let id): cast.name(of: id)
            case .unknown(let name): name
            }
        }
        func names(_ refs: [PersonRef]) -> String {
            refs.map { ref in
                switch ref {
                case .known(let id): cast.name(of: id)
                case .unknown(let name): name
                }
            }.joined(separator: ", ")
        }
        switch action {
        case .start(_, let thread, let isCustomer, let listed, _):
            return "starts \(isCustomer ? "customer " : "")conversation \(threadName(thread)) with \(names(listed))"
        case .draft(_, let thread, let isCustomer, let listed):
            return "drafts \(isCustomer ? "customer " : "")conversation \(threadName(thread)) with \(names(listed)) (not sent)"
        case .send(_, let thread, _): return "sends the draft \(threadName(thread))"
        case .cancel(_, let thread): return "cancels the draft \(threadName(thread)) (nothing is sent)"
        case .write(_, let thread, _, let route):
            return route == .email ? "replies by email to \(threadName(thread))" : "writes to \(threadName(thread))"
        case .note(_, let thread, _): return "notes \(threadName(thread)) (internal)"
        case .add(_, let people, let thread): return "adds \(names(people)) to \(threadName(thread))"
        case .remove(_, let people, let thread): return "removes \(names(people)) from \(threadName(thread))"
        case .follow(_, let thread): return "follows \(threadName(thread))"
        case .unfollow(_, let thread): return "unfollows \(threadName(thread))"
        case .close(_, let thread): return "closes \(threadName(thread))"
        case .reopen(_, let thread): return "reopens \(threadName(thread))"
        case .logIn, .logOut, .joinChat, .leaveChat, .view, .setting, .mobile, .channel: return nil
        }
    }
}

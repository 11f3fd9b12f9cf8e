/// The c.journal's entries, in words (only called when a c.journal records the person).
extension SimulationDriver {
    func describe(_ messages: [Message], _ message: MessageID) -> String {
        let m = messages[message.int]
        let text = m.text.count <= 40 ? m.text : String(m.text.prefix(39)) + "…"
        return "\(m.isNote ? "note" : "message") #\(m.number) in \(cast.name(of: m.thread)) from \(cast.name(of: m.author)) \"\(text)\""
    }

    func note(
        _ c: inout DriverCore, _ kind: Journal.Entry.Kind, _ person: PersonID, _ channel: ChannelKind?, _ message: MessageID?,
        _ text: String, decision: FallbackDecision? = nil
    ) {
        c.journal?.add(Journal.Entry(
            time: c.now, person: person, kind: kind, channel: channel, message: message, text: text, decision: decision))
    }

    func notePush(_ c: inout DriverCore, _ reception: UserState.Reception, user: UserActor, message: MessageID) async {
        let state = await user.snapshot()
        let settings = state.settings.resolved(over: c.everyone)
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
        note(&c, .push, user.id, .push, message, "\(describe(c.messages, message)) posted; \(why); email fallback decided at \(reception.deadline)")
    }

    func noteDelivery(_ c: inout DriverCore, _ send: Send, seen: Bool) async {
        let delay = c.now - send.due
        let late = delay == .zero ? "" : " (\(delay) after it was due)"
        note(&c, .delivery, send.recipient, send.channel, send.message, "\(send.channel.name): \(describe(c.messages, send.message)) arrives\(late)")
        guard send.channel == .messenger, let user = users[send.recipient.int] else { return }
        let (unread, bubble) = (await user.unread(), await user.bubble(everyone: c.everyone))
        if seen {
            note(&c, .seen, send.recipient, nil, send.message, "seen at arrival: logged in and viewing \(cast.name(of: c.messages[send.message.int].thread))")
        } else {
            note(&c, .unread, send.recipient, nil, send.message, "unseen at arrival: unread \(unread), bubble \(bubble)")
        }
    }

    func notePresence(_ c: inout DriverCore, _ person: PersonID, _ text: String) async {
        if journaling, c.journal?.records(person) == true { note(&c, .presence, person, nil, nil, text) }
    }

    func noteView(_ c: inout DriverCore, _ person: PersonID, _ thread: ThreadID, seen: Int) async {
        guard journaling, c.journal?.records(person) == true, let user = users[person.int] else { return }
        let (unread, bubble) = (await user.unread(), await user.bubble(everyone: c.everyone))
        note(&c, .view, person, nil, nil, "views \(cast.name(of: thread)): \(seen) \(seen == 1 ? "message" : "c.messages") seen; unread \(unread), bubble \(bubble)")
    }
}

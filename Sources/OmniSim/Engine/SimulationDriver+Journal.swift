/// The journal's entries, as data (only called when the journal records the person).
extension SimulationDriver {
    func note(_ run: inout RunState, _ person: PersonID, _ happening: Journal.Happening) {
        run.journal?.add(Journal.Entry(time: run.now, person: person, happening: happening))
    }

    func notePush(_ run: inout RunState, _ reception: UserState.Reception, recipient: PersonID, message: MessageID) {
        guard let state = users[recipient.int]?.snapshotSync() else { return }
        let settings = state.settings.resolved(over: run.everyone)
        let reason: Journal.PushReason =
            if !reception.notifies { .notNotified } else if reception.push { .pushed } else if !state.hasMobile { .noMobileApp }
            else if !settings.push { .pushOff } else { .loggedIn }
        note(&run, recipient, .posted(run.messages[message.int], push: reason, deadline: reception.notifies ? reception.deadline : nil))
    }

    func noteDelivery(_ run: inout RunState, _ send: Send, seen: Bool) {
        let message = run.messages[send.message.int]
        note(&run, send.recipient, .delivered(message, send.channel, late: run.now - send.due))
        guard send.channel == .messenger, let user = users[send.recipient.int] else { return }
        let (unread, bubble) = (user.unreadSync(), user.bubbleSync(everyone: run.everyone))
        note(&run, send.recipient, seen ? .seenAtArrival(message) : .unseenAtArrival(message, unread: unread, bubble: bubble))
    }

    /// People added to or removed from a team (each entry on the person's own timeline).
    func noteTeamChange(_ run: inout RunState, _ people: [PersonRef], _ team: TeamID, joined: Bool, by actor: PersonID) {
        for case .known(let person) in people where run.journal?.records(person) == true {
            note(&run, person, .teamChanged(team, joined: joined, by: actor))
        }
    }

    func notePresence(_ run: inout RunState, _ person: PersonID, _ change: Journal.PresenceChange) {
        if journaling, run.journal?.records(person) == true { note(&run, person, .presence(change)) }
    }

    func noteView(_ run: inout RunState, _ person: PersonID, _ thread: ThreadID, _ kind: Journal.ViewKind, seen: Int) {
        guard journaling, run.journal?.records(person) == true, let user = users[person.int] else { return }
        let (unread, bubble) = (user.unreadSync(), user.bubbleSync(everyone: run.everyone))
        note(&run, person, .viewed(thread, kind, seen: seen, unread: unread, bubble: bubble))
    }

    /// A person's own action that succeeded, placed before the entries it caused (`mark`: the
    /// journal's length before the action ran). Views and presence have entries of their own.
    func noteAction(_ run: inout RunState, _ action: PlannedEvent.Action, at mark: Int) {
        guard case .known(let person)? = action.subject, run.journal?.records(person) == true else { return }
        switch action {
        case .logIn, .logOut, .joinChat, .leaveChat, .view, .viewOnMobile, .setting, .mobile, .channel: return
        default: run.journal?.insert(Journal.Entry(time: run.now, person: person, happening: .action(action)), at: mark)
        }
    }
}

/// The journal's entries, as data (only called when the journal records the person).
extension SimulationDriver {
    func note(_ run: inout RunState, _ person: PersonID, _ happening: Journal.Happening) {
        run.journal?.add(Journal.Entry(time: run.now, person: person, happening: happening))
    }

    /// What the policy's notice at posting called for, with the reason for push or none.
    func notePosted(_ run: inout RunState, _ notice: NotificationPolicy.Notice, recipient: PersonID, message: MessageID) {
        guard let (hasMobile, settings) = users.withState(recipient.int, { ($0.hasMobile, $0.settings) }) else { return }
        let push = settings.resolved(over: run.everyone).push
        let reason: Journal.PushReason =
            if !notice.notifies { .notNotified } else if notice.deliverNow.contains(.push) { .pushed } else if !hasMobile { .noMobileApp }
            else if !push { .pushOff } else { .loggedIn }
        note(&run, recipient, .posted(run.messages[message.int], push: reason, deadline: notice.deadline))
    }

    func noteDelivery(_ run: inout RunState, _ send: Send, seen: Bool) {
        let message = run.messages[send.message.int]
        note(&run, send.recipient, .delivered(message, send.channel, late: run.now - send.due))
        if send.channel == .chat, seen { return note(&run, send.recipient, .seenInWidget(message)) }
        let everyone = run.everyone
        guard send.channel == .messenger, let (unread, bubble) = users.withState(send.recipient.int, { ($0.unread, $0.bubble(everyone: everyone)) })
        else { return }
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
        let everyone = run.everyone
        guard journaling, run.journal?.records(person) == true,
              let (unread, bubble) = users.withState(person.int, { ($0.unread, $0.bubble(everyone: everyone)) })
        else { return }
        note(&run, person, .viewed(thread, kind, seen: seen, unread: unread, bubble: bubble))
    }

    /// A person's own action that succeeded, placed before the entries it caused (`mark`: the
    /// journal's length before the action ran). Views and presence have entries of their own.
    func noteAction(_ run: inout RunState, _ action: PlannedEvent.Action, at mark: Int) {
        guard case .known(let person)? = action.subject, run.journal?.records(person) == true else { return }
        switch action {
        case .logIn, .logOut, .joinChat, .leaveChat, .view, .viewOnMobile, .setting, .mobile, .channel, .stopViewing: return
        // `takes` has an entry of its own (it says whether the user joined: ``Journal/Happening/took(_:joined:)``).
        case .take: return
        default:
            // Writing that takes the thread takes it first (v3): its entry stays before the write's.
            var at = mark
            if let entries = run.journal?.entries, at < entries.count, entries[at].person == person,
               case .tookByWriting = entries[at].happening { at += 1 }
            run.journal?.insert(Journal.Entry(time: run.now, person: person, happening: .action(action)), at: at)
        }
    }
}

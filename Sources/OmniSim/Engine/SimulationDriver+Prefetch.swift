internal import CacheHints

/// Prefetching: the run knows what comes next (the load's events are generated ahead, and fallback
/// deadlines are set in time order), so the actors those steps will touch are asked into the cache
/// a few steps early. With a million people the first touch of a person's actor is a miss to
/// memory, and finding it is one more (the table of actors is itself larger than the cache); asked
/// for ahead, those misses overlap instead of each stalling the loop in turn.
///
/// In stages, each reading only what the one before fetched: a message's thread four steps ahead
/// of the prefetch distance, its member list three, the people's entries in the actor tables two,
/// and the people's actors one — so no stage waits on memory itself.
///
/// Only hints: nothing here changes what a run does (a hint for the wrong actor, or none, only
/// changes when memory is waited for), so a trace is the same with or without it.
extension SimulationDriver {
    /// The prefetch distance, in events (each stage is this far behind the one before).
    static let eventsAhead = 4
    /// Likewise for fallback deadlines, in timers.
    static let timersAhead = 4

    /// After taking an event: each stage of prefetching for the events coming after it.
    @inline(__always)
    func prefetchEvents(_ run: borrowing RunState) {
        run.agenda.peekEvents(4 * Self.eventsAhead) { action in
            if let thread = Self.thread(of: action) { threads.prefetch(thread.int) }
        }
        run.agenda.peekEvents(3 * Self.eventsAhead) { action in
            guard Self.isMessage(action), let thread = Self.thread(of: action),
                  let address = threads.lend(thread.int, { $0.membersAddressSync() }) ?? nil
            else { return }
            omnisim_prefetch(address)
        }
        run.agenda.peekEvents(2 * Self.eventsAhead) { action in
            forEachPerson(in: action) { person in
                users.prefetchEntry(person)
                customers.prefetchEntry(person)
            }
        }
        run.agenda.peekEvents(Self.eventsAhead) { action in
            forEachPerson(in: action) { person in
                users.prefetch(person)
                customers.prefetch(person)
                run.totals.prefetch(.messenger, person)
            }
        }
    }

    /// After taking a timer: the stages for the fallback deadlines a few timers ahead.
    @inline(__always)
    func prefetchTimers(_ run: borrowing RunState) {
        if case .fallbackDeadline(_, let person)? = run.agenda.peekTimer(2 * Self.timersAhead) { users.prefetchEntry(person.int) }
        if case .fallbackDeadline(_, let person)? = run.agenda.peekTimer(Self.timersAhead) {
            users.prefetch(person.int)
            run.totals.prefetch(.email, person.int)
        }
    }

    /// The person who acts, and for a message the thread's members (its recipients).
    @inline(__always)
    private func forEachPerson(in action: borrowing PlannedEvent.Action, _ body: (Int) -> Void) {
        if case .known(let person)? = action.subject { body(person.int) }
        guard Self.isMessage(action), let thread = Self.thread(of: action),
              let members = threads.lend(thread.int, { $0.membersSync() })
        else { return }
        for member in members { body(member.int) }
    }

    private static func thread(of action: borrowing PlannedEvent.Action) -> ThreadID? {
        switch action {
        case .view(_, .known(let thread)), .write(_, .known(let thread), _, _), .start(_, .known(let thread), _, _, _),
             .note(_, .known(let thread), _):
            return thread
        default:
            return nil
        }
    }

    private static func isMessage(_ action: borrowing PlannedEvent.Action) -> Bool {
        switch action {
        case .write, .start, .note: return true
        default: return false
        }
    }
}

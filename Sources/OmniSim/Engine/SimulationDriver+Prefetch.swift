internal import CacheHints

/// Prefetching: the run knows what comes next (the load's events are generated ahead, and fallback
/// deadlines are set in time order), so the actors those steps will touch are asked into the cache
/// a few steps early. With a million people the first touch of a person's actor is a miss to
/// memory, and finding it is one more (the table of actors is itself larger than the cache); asked
/// for ahead, those misses overlap instead of each stalling the loop in turn.
///
/// In stages, each reading only what the one before fetched: the thread of a message or a view
/// four steps ahead of the prefetch distance, its member list three, the people's entries in the
/// actor tables two, and the people's actors one — so no stage waits on memory itself.
///
/// Only hints: nothing here changes what a run does (a hint for the wrong actor, or none, only
/// changes when memory is waited for), so a trace is the same with or without it.
extension SimulationDriver {
    /// The prefetch distance, in events (each stage is this far behind the one before).
    static let eventsAhead = 6
    /// Likewise for fallback deadlines, in timers.
    static let timersAhead = 8

    /// After taking an event: each stage of prefetching for the events coming after it.
    @inline(__always)
    func prefetchEvents(_ run: borrowing RunState) {
        for load in 0..<run.agenda.loadCount {
            if let event = run.agenda.upcomingEvent(4 * Self.eventsAhead, load: load), event.thread >= 0 {
                threads.prefetch(Int(event.thread))
            }
            // A message reads the member list for its recipients, a view to check the viewer.
            if let event = run.agenda.upcomingEvent(3 * Self.eventsAhead, load: load), event.thread >= 0,
               let address = threads.withState(Int(event.thread), { state in
                   state.members.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) }
               }) ?? nil {
                omnisim_prefetch(address)
            }
            if let event = run.agenda.upcomingEvent(2 * Self.eventsAhead, load: load) {
                forEachPerson(in: event) { person in
                    users.prefetchEntry(person)
                    customers.prefetchEntry(person)
                }
            }
            if let event = run.agenda.upcomingEvent(Self.eventsAhead, load: load) {
                forEachPerson(in: event) { person in
                    users.prefetch(person)
                    customers.prefetch(person)
                }
            }
        }
    }

    /// After taking a timer: the stages for the fallback deadlines a few timers ahead.
    @inline(__always)
    func prefetchTimers(_ run: borrowing RunState) {
        if case .fallbackDeadline(_, let person)? = run.agenda.peekTimer(2 * Self.timersAhead) { users.prefetchEntry(person.int) }
        if case .fallbackDeadline(_, let person)? = run.agenda.peekTimer(Self.timersAhead) { users.prefetch(person.int) }
    }

    /// The person who acts, and for a message the thread's (first) members: its recipients.
    @inline(__always)
    private func forEachPerson(in event: UpcomingEvent, _ body: (Int) -> Void) {
        if event.subject >= 0 { body(Int(event.subject)) }
        guard event.isMessage, let members = threads.withState(Int(event.thread), { MemberSample($0.members) }) else { return }
        members.forEach(body)
    }
}

import Testing
@testable import OmniSim

/// The contract's same-instant order, written once in the agenda.
@Suite("Agenda: events, then timers, then checks at each instant; window releases first")
struct AgendaTests {
    let cast = Cast(personNames: ["a"], personKinds: [.user], threadNames: [])

    func plan(events: [Int64], checks: [Int64], endAt: SimInstant? = nil) -> ScenarioPlan {
        let person = PersonRef.known(PersonID(0))
        return ScenarioPlan(
            cast: cast,
            events: events.enumerated().map { PlannedEvent(time: SimInstant(milliseconds: $1), action: .logIn(person), sourceIndex: $0) },
            checks: checks.enumerated().map { PlannedCheck(id: $0, time: SimInstant(milliseconds: $1), condition: .unread(PersonID(0), 0)) },
            endAt: endAt)
    }

    /// The steps as `kind@time` words, timers scheduled as the steps go.
    func steps(_ agenda: inout Agenda, onEvent schedule: (inout Agenda, SimInstant) -> Void = { _, _ in }) -> [String] {
        var taken: [String] = []
        while let (time, step) = agenda.next() {
            switch step {
            case .event:
                taken.append("event@\(time)")
                schedule(&agenda, time)
            case .timer(let timer):
                if case .windowOpens = timer.event { taken.append("window@\(time)") } else { taken.append("timer@\(time)") }
            case .check: taken.append("check@\(time)")
            }
        }
        return taken
    }

    @Test("at one instant: a window release, then events in file order, then timers in the order set, then checks")
    func sameInstant() {
        var agenda = Agenda(plan: plan(events: [1000, 1000], checks: [1000]))
        agenda.schedule(.windowOpens(.email), at: SimInstant(milliseconds: 1000), phase: .windowRelease)
        agenda.schedule(.fallbackDeadline(MessageID(0), PersonID(0)), at: SimInstant(milliseconds: 1000))
        #expect(steps(&agenda) == ["window@1s", "event@1s", "event@1s", "timer@1s", "check@1s"])
    }

    @Test("a window release set for the current instant by an event runs in the timer phase, not in the past")
    func releaseSetNow() {
        var agenda = Agenda(plan: plan(events: [2000], checks: []))
        let taken = steps(&agenda) { agenda, now in agenda.schedule(.windowOpens(.email), at: now, phase: .windowRelease) }
        #expect(taken == ["event@2s", "window@2s"])
    }

    @Test("events and timers after 'end at' never come out; checks after it do")
    func endAt() {
        var agenda = Agenda(plan: plan(events: [1000, 5000], checks: [9000], endAt: SimInstant(milliseconds: 3000)))
        agenda.schedule(.fallbackDeadline(MessageID(0), PersonID(0)), at: SimInstant(milliseconds: 3000))
        agenda.schedule(.fallbackDeadline(MessageID(1), PersonID(0)), at: SimInstant(milliseconds: 3001))
        #expect(steps(&agenda) == ["event@1s", "timer@3s", "check@9s"])
        #expect(agenda.pendingTimers.count == 1)
    }
}

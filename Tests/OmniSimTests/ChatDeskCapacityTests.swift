import Testing
@testable import OmniSim

@Suite("ChatDesk capacity, closing and abandonment (contract v3, Staffing)")
struct ChatDeskCapacityTests {
    @Test("a take that would put the agent over capacity is refused, changing nothing, in the contract's words")
    func overCapacityRefused() {
        var desk = desk(agents: 1, routing: .broadcast, capacity: 1)
        _ = desk.start(chat(1), at: at(1))
        _ = desk.start(chat(2), at: at(1))
        do { let got = desk.take(chat(1), by: 0, at: at(2)); #expect(got == .taken(first: true)) }
        let refused = desk.take(chat(2), by: 0, at: at(3))
        #expect(refused == .refused(ChatCapacityRefusal(openChats: 1, capacity: 1)))
        if case .refused(let reason) = refused { #expect(reason.message(agent: "ana") == "ana has 1 open chats (chat-capacity 1)") }
        #expect(desk.waitingCount == 1)
        #expect(desk.chat(chat(2))?.holders == [])
        #expect(desk.measures.takeTimes[0] == [at(2)])
    }

    @Test("capacity limits under every routing; chat-capacity 0 refuses every take and the agent is never free")
    func capacityZero() {
        for routing in ChatRouting.allCases {
            var desk = desk(agents: 1, routing: routing, loggedIn: [0], capacity: 0)
            _ = desk.start(chat(1), at: at(1))
            do { let got = desk.assignWaiting(at: at(1)); #expect(got == []) }
            do { let got = desk.take(chat(1), by: 0, at: at(1)); #expect(got == .refused(ChatCapacityRefusal(openChats: 0, capacity: 0))) }
        }
    }

    @Test("the default is unlimited")
    func unlimitedByDefault() {
        var desk = ChatDesk(agents: 1)
        for n in 0..<50 {
            _ = desk.start(chat(n), at: at(1))
            do { let got = desk.take(chat(n), by: 0, at: at(1)); #expect(got == .taken(first: true)) }
        }
        #expect(desk.agents[0].openChats == 50)
    }

    @Test("lowering capacity removes no chat; the agent is not free until below the new capacity")
    func loweringRemovesNothing() {
        var desk = desk(agents: 1, routing: .firstFree, loggedIn: [0], capacity: 3)
        for n in 1...3 { _ = desk.start(chat(n), at: at(1)) }
        _ = desk.assignWaiting(at: at(1))
        desk.setCapacity(1, of: 0, at: at(2))
        #expect(desk.agents[0].openChats == 3 && !desk.agents[0].isFree)
        desk.close(chat(1), at: at(3))
        desk.close(chat(2), at: at(4))
        #expect(!desk.agents[0].isFree)
        desk.close(chat(3), at: at(5))
        #expect(desk.agents[0].freeSince == at(5))
    }

    @Test("closing ends a chat for every holder; a reopen opens it again for them even over capacity, with no routing")
    func closeAndReopen() {
        var desk = desk(agents: 2, routing: .broadcast, loggedIn: [0, 1], capacity: 1)
        _ = desk.start(chat(1), at: at(1))
        _ = desk.take(chat(1), by: 0, at: at(2))
        _ = desk.take(chat(1), by: 1, at: at(3))
        desk.close(chat(1), at: at(4))
        #expect(desk.agents.map(\.openChats) == [0, 0])
        _ = desk.start(chat(2), at: at(5))
        _ = desk.take(chat(2), by: 0, at: at(5))
        desk.reopen(chat(1), at: at(6))
        #expect(desk.agents.map(\.openChats) == [2, 1])
        #expect(desk.agents.map(\.isFree) == [false, false])
    }

    @Test("removal ends a chat for that agent only; taking again while holding changes nothing")
    func removalAndRetake() {
        var desk = desk(agents: 2, routing: .broadcast, loggedIn: [0, 1])
        _ = desk.start(chat(1), at: at(1))
        _ = desk.take(chat(1), by: 0, at: at(2))
        do { let got = desk.take(chat(1), by: 0, at: at(3)); #expect(got == .alreadyHolding) }
        do { let got = desk.take(chat(1), by: 1, at: at(3)); #expect(got == .taken(first: false)) }
        desk.remove(0, from: chat(1), at: at(4))
        #expect(desk.agents.map(\.openChats) == [0, 1])
        #expect(desk.chat(chat(1))?.holders == [1])
        #expect(desk.measures.takeTimes.map(\.count) == [1, 1])
    }

    @Test("a chat closed while waiting leaves the queue, neither taken nor abandoned")
    func closedWhileWaiting() {
        var desk = desk(agents: 1, routing: .firstFree)
        desk.patience = .seconds(30)
        _ = desk.start(chat(1), at: at(1))
        desk.close(chat(1), at: at(2))
        #expect(desk.waitingCount == 0)
        #expect(desk.chat(chat(1))?.status == .withdrawn)
        do { let got = desk.abandon(chat(1), at: at(31)); #expect(!got) }
        desk.logIn(0, at: at(40))
        do { let got = desk.assignWaiting(at: at(40)); #expect(got == []) }
    }

    @Test("customers wait at most D: the deadline is start + D, D read at the start")
    func abandonmentDeadline() {
        var desk = ChatDesk(agents: 1)
        do { let got = desk.start(chat(1), at: at(1)); #expect(got == nil) }
        desk.patience = .seconds(30)
        do { let got = desk.start(chat(2), at: at(2)); #expect(got == at(32)) }
        desk.patience = .seconds(5)
        do { let got = desk.start(chat(3), at: at(3)); #expect(got == at(8)) }
    }

    @Test("a take at exactly start + D runs before the timer: no abandonment")
    func takeAtTheDeadline() {
        var desk = ChatDesk(agents: 1)
        desk.patience = .seconds(30)
        let deadline = desk.start(chat(1), at: at(1))!
        do { let got = desk.take(chat(1), by: 0, at: deadline); #expect(got == .taken(first: true)) }
        do { let got = desk.abandon(chat(1), at: deadline); #expect(!got) }
        #expect(desk.measures.abandoned == 0)
    }

    @Test("an abandoned chat leaves the queue and is no longer a chat: a later take is a plain take, uncounted")
    func abandonedIsNoChat() {
        var desk = desk(agents: 1, routing: .firstFree, capacity: 0)
        desk.patience = .seconds(30)
        _ = desk.start(chat(1), at: at(1))
        do { let got = desk.abandon(chat(1), at: at(31)); #expect(got) }
        #expect(desk.waitingCount == 0 && desk.measures.abandoned == 1)
        #expect(!desk.isChat(chat(1)))
        do { let got = desk.take(chat(1), by: 0, at: at(40)); #expect(got == .notAChat) }
        #expect(desk.measures.taken == 0 && desk.measures.takeTimes[0] == [])
        desk.setCapacity(nil, of: 0, at: at(41))
        desk.logIn(0, at: at(41))
        do { let got = desk.assignWaiting(at: at(41)); #expect(got == []) }
    }
}

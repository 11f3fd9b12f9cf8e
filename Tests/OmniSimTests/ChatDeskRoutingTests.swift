import Testing
@testable import OmniSim

/// An instant `seconds` after the start.
func at(_ seconds: Int64) -> SimInstant { .start + .seconds(seconds) }

/// A thread id for chat `n`.
func chat(_ n: Int) -> ThreadID { ThreadID(n) }

/// A desk with `agents` agents, the given routing, and each of `loggedIn` logged in at 0s in order.
func desk(agents: Int, routing: ChatRouting, loggedIn: [Int] = [], capacity: Int? = nil) -> ChatDesk {
    var desk = ChatDesk(agents: agents)
    desk.routing = routing
    for agent in 0..<agents where capacity != nil { desk.setCapacity(capacity, of: agent, at: at(0)) }
    for agent in loggedIn { desk.logIn(agent, at: at(0)) }
    return desk
}

@Suite("ChatDesk routing: who gets a waiting chat (contract v3, Staffing)")
struct ChatDeskRoutingTests {
    @Test("users start logged out: a chat waits under first-free until someone logs in, then goes at once")
    func waitsForALogIn() {
        var desk = desk(agents: 2, routing: .firstFree)
        _ = desk.start(chat(1), at: at(1))
        do { let got = desk.assignWaiting(at: at(1)); #expect(got == []) }
        #expect(desk.waitingCount == 1)
        desk.logIn(1, at: at(4))
        do { let got = desk.assignWaiting(at: at(4)); #expect(got == [ChatAssignment(chat: chat(1), agent: 1)]) }
        #expect(desk.waitingCount == 0)
        #expect(desk.chat(chat(1))?.wait == .seconds(3))
    }

    @Test("first-free: the agent free the longest; agents free since the same instant go by declaration order")
    func longestFreeThenDeclarationOrder() {
        var desk = desk(agents: 3, routing: .firstFree, capacity: 1)
        desk.logIn(2, at: at(0))
        desk.logIn(0, at: at(1))
        desk.logIn(1, at: at(1))
        for n in 1...3 { _ = desk.start(chat(n), at: at(2)) }
        do { let got = desk.assignWaiting(at: at(2)).map(\.agent); #expect(got == [2, 0, 1]) }
    }

    @Test("a take that still leaves room keeps the agent's longest-free moment: under unlimited capacity the first agent in gets every chat")
    func takeWithRoomKeepsFreeSince() {
        var desk = desk(agents: 2, routing: .firstFree)
        desk.logIn(0, at: at(0))
        desk.logIn(1, at: at(1))
        for n in 1...3 {
            _ = desk.start(chat(n), at: at(Int64(n) + 1))
            do { let got = desk.assignWaiting(at: at(Int64(n) + 1)).map(\.agent); #expect(got == [0]) }
        }
        #expect(desk.agents[0].freeSince == at(0))
        #expect(desk.agents[0].openChats == 3)
    }

    @Test("open chats dropping below capacity make the agent free from that moment")
    func closingResetsFreeSince() {
        var desk = desk(agents: 2, routing: .firstFree, capacity: 1)
        desk.logIn(0, at: at(0))
        desk.logIn(1, at: at(1))
        _ = desk.start(chat(1), at: at(2))
        _ = desk.start(chat(2), at: at(2))
        do { let got = desk.assignWaiting(at: at(2)).map(\.agent); #expect(got == [0, 1]) }
        desk.close(chat(2), at: at(5))   // bob free since 5s
        desk.close(chat(1), at: at(6))   // ana free since 6s
        _ = desk.start(chat(3), at: at(7))
        do { let got = desk.assignWaiting(at: at(7)).map(\.agent); #expect(got == [1]) }
        #expect(desk.agents[0].freeSince == at(6))
    }

    @Test("a capacity raise makes an agent at capacity free from that moment and lets waiting chats go at once")
    func capacityRaiseFrees() {
        var desk = desk(agents: 2, routing: .firstFree, loggedIn: [0, 1], capacity: 1)
        for n in 1...3 { _ = desk.start(chat(n), at: at(1)) }
        do { let got = desk.assignWaiting(at: at(1)).map(\.agent); #expect(got == [0, 1]) }
        desk.setCapacity(2, of: 1, at: at(3))
        #expect(desk.agents[1].freeSince == at(3))
        do { let got = desk.assignWaiting(at: at(3)); #expect(got == [ChatAssignment(chat: chat(3), agent: 1)]) }
    }

    @Test("least-busy: the fewest open chats, then free the longest, then declaration order")
    func leastBusy() {
        var desk = desk(agents: 3, routing: .leastBusy, capacity: 3)
        desk.logIn(1, at: at(0))
        desk.logIn(2, at: at(0))
        desk.logIn(0, at: at(1))
        // 1 and 2 free since 0s (1 first by declaration), 0 since 1s: all with no open chat.
        for n in 1...6 { _ = desk.start(chat(n), at: at(2)) }
        do { let got = desk.assignWaiting(at: at(2)).map(\.agent); #expect(got == [1, 2, 0, 1, 2, 0]) }
        desk.close(chat(5), at: at(3))   // agent 2 down to one open chat
        _ = desk.start(chat(7), at: at(4))
        do { let got = desk.assignWaiting(at: at(4)).map(\.agent); #expect(got == [2]) }
    }

    @Test("waiting chats are assigned oldest first")
    func oldestFirst() {
        var desk = desk(agents: 1, routing: .firstFree, capacity: 3)
        for (second, n) in [5, 3, 9].enumerated() { _ = desk.start(chat(n), at: at(Int64(second))) }
        desk.logIn(0, at: at(10))
        do { let got = desk.assignWaiting(at: at(10)).map(\.chat); #expect(got == [chat(5), chat(3), chat(9)]) }
    }

    @Test("broadcast assigns nothing: a chat waits, counted, until its first take")
    func broadcastAssignsNothing() {
        var desk = desk(agents: 2, routing: .broadcast, loggedIn: [0, 1])
        _ = desk.start(chat(1), at: at(1))
        do { let got = desk.assignWaiting(at: at(1)); #expect(got == []) }
        #expect(desk.waitingCount == 1)
        do { let got = desk.take(chat(1), by: 1, at: at(9)); #expect(got == .taken(first: true)) }
        #expect(desk.waitingCount == 0)
        #expect(desk.chat(chat(1))?.wait == .seconds(8))
    }

    @Test("a timed switch from broadcast to first-free assigns the waiting chats at the next assignment")
    func switchToFirstFree() {
        var desk = desk(agents: 1, routing: .broadcast, loggedIn: [0])
        _ = desk.start(chat(1), at: at(1))
        do { let got = desk.assignWaiting(at: at(1)); #expect(got == []) }
        desk.routing = .firstFree
        do { let got = desk.assignWaiting(at: at(2)).map(\.chat); #expect(got == [chat(1)]) }
    }

    @Test("a logged-out agent keeps their open chats, is never free, and nothing is queued again")
    func logOutKeepsChats() {
        var desk = desk(agents: 2, routing: .firstFree, loggedIn: [0], capacity: 2)
        _ = desk.start(chat(1), at: at(1))
        _ = desk.assignWaiting(at: at(1))
        desk.logOut(0, at: at(2))
        #expect(desk.agents[0].openChats == 1)
        #expect(!desk.agents[0].isFree && desk.agents[0].freeSince == nil)
        #expect(desk.waitingCount == 0)
        _ = desk.start(chat(2), at: at(3))
        do { let got = desk.assignWaiting(at: at(3)); #expect(got == []) }
        desk.logIn(0, at: at(4))
        #expect(desk.agents[0].freeSince == at(4))
        do { let got = desk.assignWaiting(at: at(4)).map(\.agent); #expect(got == [0]) }
    }
}

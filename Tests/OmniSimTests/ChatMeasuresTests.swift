import Testing
@testable import OmniSim

@Suite("ChatMeasures: waits, the queue, takes per window, utilisation (contract v3, Staffing)")
struct ChatMeasuresTests {
    @Test("the wait runs from the start to the first take or assignment; a second take changes nothing")
    func waitToFirstTake() {
        var desk = desk(agents: 2, routing: .broadcast)
        _ = desk.start(chat(1), at: at(10))
        _ = desk.take(chat(1), by: 1, at: at(25))
        _ = desk.take(chat(1), by: 0, at: at(90))
        #expect(desk.measures.waits == [.seconds(15)])
    }

    @Test("wait percentiles are nearest-rank over taken chats only; with none taken there is none")
    func percentilesOverTakenOnly() {
        var desk = ChatDesk(agents: 1)
        desk.patience = .seconds(100)
        #expect(desk.measures.waitPercentile(95) == nil)
        // Waits 1s … 20s taken; one abandoned and one still waiting are left out.
        for n in 1...21 { _ = desk.start(chat(n), at: at(0)) }
        for n in 1...20 { _ = desk.take(chat(n), by: 0, at: at(Int64(n))) }
        _ = desk.start(chat(22), at: at(50))
        do { let got = desk.abandon(chat(21), at: at(100)); #expect(got) }
        #expect(desk.measures.waitPercentile(50) == .seconds(10))
        #expect(desk.measures.waitPercentile(95) == .seconds(19))
        #expect(desk.measures.waitPercentile(99) == .seconds(20))
        let summary = desk.summary(at: at(120))
        #expect(summary.chats == 22 && summary.taken == 20 && summary.abandoned == 1 && summary.waiting == 1)
        #expect(summary.waitMax == .seconds(20))
    }

    @Test("chats waiting counts the queue once an instant is over: chats started and taken at one instant never count")
    func queueOnceAnInstantIsOver() {
        var desk = desk(agents: 1, routing: .broadcast)
        for n in 1...3 { _ = desk.start(chat(n), at: at(1)) }
        for n in 1...3 { _ = desk.take(chat(n), by: 0, at: at(1)) }
        _ = desk.start(chat(4), at: at(2))
        #expect(desk.waitingMax == 1)
        _ = desk.start(chat(5), at: at(3))
        _ = desk.take(chat(4), by: 0, at: at(4))
        _ = desk.take(chat(5), by: 0, at: at(4))
        #expect(desk.waitingMax == 2)
        #expect(desk.waitingCount == 0)
    }

    @Test("handles per D counts takes and assignments in sliding half-open windows; two exactly D apart share none")
    func slidingWindows() {
        var desk = ChatDesk(agents: 1)
        for (n, second) in [0, 30, 60, 61, 119].enumerated() {
            _ = desk.start(chat(n), at: at(Int64(second)))
            _ = desk.take(chat(n), by: 0, at: at(Int64(second)))
        }
        let minute = desk.measures.busiestWindow(of: 0, per: .minutes(1))
        #expect(minute.count == 3 && minute.start == at(30))   // 30s, 60s, 61s; [0, 60) has 0s, 30s only
        let all = desk.measures.busiestWindow(of: 0, per: nil)
        #expect(all.count == 5 && all.start == at(0))
        #expect(desk.measures.busiestWindow(of: 0, per: .seconds(1)).start == at(0))   // ties: the earliest window
        #expect(ChatDesk(agents: 1).measures.busiestWindow(of: 0, per: .minutes(1)).count == 0)
    }

    @Test("utilisation is the share of logged-in time with at least one open chat; never logged in: none")
    func utilisation() {
        var desk = desk(agents: 2, routing: .firstFree)
        desk.logIn(0, at: at(0))
        _ = desk.start(chat(1), at: at(20))
        _ = desk.assignWaiting(at: at(20))
        desk.close(chat(1), at: at(70))
        // Busy again from 80s, logged out at 90s (the open chat no longer counts), back at 100s.
        _ = desk.start(chat(2), at: at(80))
        _ = desk.assignWaiting(at: at(80))
        desk.logOut(0, at: at(90))
        desk.logIn(0, at: at(150))
        desk.close(chat(2), at: at(160))
        let summary = desk.summary(at: at(200))
        #expect(summary.agents[0].utilisation == 70.0 / 140.0)
        #expect(summary.agents[0].takes == 2)
        #expect(summary.agents[1].utilisation == nil)
    }

    @Test("the first reply is the first user message before any abandonment")
    func firstReply() {
        var desk = ChatDesk(agents: 1)
        desk.patience = .seconds(60)
        _ = desk.start(chat(1), at: at(0))
        _ = desk.start(chat(2), at: at(0))
        _ = desk.take(chat(1), by: 0, at: at(5))
        desk.userPosted(in: chat(1), at: at(12))
        desk.userPosted(in: chat(1), at: at(20))
        _ = desk.abandon(chat(2), at: at(60))
        desk.userPosted(in: chat(2), at: at(61))
        #expect(desk.chat(chat(1))?.firstReply == .seconds(12))
        #expect(desk.chat(chat(2))?.firstReply == nil)
        #expect(desk.measures.firstReplies == [.seconds(12)])
    }
}

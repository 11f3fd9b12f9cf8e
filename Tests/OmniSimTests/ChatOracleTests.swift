import Testing
@testable import OmniSim

/// Issue 23's invariants, fed by hand through the book records the engine writes: each fault a
/// broken desk could commit is injected here and must be caught; a correct sequence is clean.
@Suite("Chat oracle: capacity, no waiting beside a free agent, a chat taken once")
struct ChatOracleTests {
    let cast = Cast(personNames: ["ana", "ben", "k1"], personKinds: [.user, .user, .customer], threadNames: ["q1", "q2"])
    let ana = PersonID(0), ben = PersonID(1)
    let q1 = ThreadID(0), q2 = ThreadID(1)

    /// The records `body` makes, read by a chat oracle.
    func oracle(_ body: (inout Bookkeeping) -> Void) -> ChatOracle {
        var books = Bookkeeping(cast: cast)
        body(&books)
        return books.finish(pending: []).chat
    }

    @Test("a correct run is clean: ana logs in with capacity 1, q1 is assigned, q2 waits until q1 closes")
    func clean() {
        let oracle = oracle { books in
            books.chatRouting(.firstFree)
            books.chatCapacity(ana, 1)
            books.chatPresence(ana, loggedIn: true)
            books.chatStarted(q1)
            books.chatGiven(q1, to: ana, assigned: true)
            books.chatSettled(waiting: 0)
            books.chatStarted(q2)
            books.chatSettled(waiting: 1)
            books.chatClosed(q1, closed: true)
            books.chatGiven(q2, to: ana, assigned: true)
            books.chatSettled(waiting: 0)
        }
        #expect(oracle.violationCount == 0, "\(oracle.violations)")
    }

    @Test("an assignment over capacity is caught, and so is one to an agent who is not free")
    func overCapacity() {
        let oracle = oracle { books in
            books.chatRouting(.firstFree)
            books.chatCapacity(ana, 1)
            books.chatPresence(ana, loggedIn: true)
            books.chatStarted(q1)
            books.chatStarted(q2)
            books.chatGiven(q1, to: ana, assigned: true)
            books.chatGiven(q2, to: ana, assigned: true)
        }
        #expect(oracle.violations.map(\.invariant) == [.chatAssignedToBusyAgent, .chatOverCapacity])
    }

    @Test("a chat left waiting while an agent is free is caught (first-free), not under broadcast")
    func waitingBesideAFreeAgent() {
        let routed = oracle { books in
            books.chatRouting(.firstFree)
            books.chatPresence(ben, loggedIn: true)
            books.chatStarted(q1)
            books.chatSettled(waiting: 1)
        }
        #expect(routed.violations.map(\.invariant) == [.chatWaitedForFreeAgent])
        #expect(routed.violations.first?.person == ben)
        let broadcast = oracle { books in
            books.chatPresence(ben, loggedIn: true)
            books.chatStarted(q1)
            books.chatSettled(waiting: 1)
        }
        #expect(broadcast.violationCount == 0)
    }

    @Test("a chat's wait ending twice is caught: assigned after a take, or abandoned after an assignment")
    func takenTwice() {
        let oracle = oracle { books in
            books.chatRouting(.firstFree)
            books.chatPresence(ana, loggedIn: true)
            books.chatPresence(ben, loggedIn: true)
            books.chatStarted(q1)
            books.chatGiven(q1, to: ana, assigned: false)
            books.chatGiven(q1, to: ben, assigned: true)
            books.chatAbandoned(q1)
        }
        #expect(oracle.violations.map(\.invariant) == [.chatTakenTwice, .chatTakenTwice])
    }

    @Test("a reopen or a lowered capacity may leave an agent over capacity: the contract allows it")
    func reopenOverCapacity() {
        let oracle = oracle { books in
            books.chatCapacity(ana, 1)
            books.chatPresence(ana, loggedIn: true)
            books.chatStarted(q1)
            books.chatGiven(q1, to: ana, assigned: false)
            books.chatClosed(q1, closed: true)
            books.chatStarted(q2)
            books.chatGiven(q2, to: ana, assigned: false)
            books.chatClosed(q1, closed: false)
            books.chatCapacity(ana, 0)
        }
        #expect(oracle.violationCount == 0, "\(oracle.violations)")
    }

    @Test("a late recipient who already received the message is caught by the delivery oracle")
    func lateRecipientTwice() {
        var oracle = Oracle(cast: cast)
        let posting = ThreadState.Posting(
            number: 1, members: [PersonID(2), ana], author: PersonID(2), isNote: false, inUserConversation: false)
        oracle.posted(MessageID(0), posting, recipients: posting.recipients(cast: cast))
        oracle.addLateRecipient(ben, of: MessageID(0))
        oracle.addLateRecipient(ana, of: MessageID(0))
        #expect(oracle.violations.map(\.invariant) == [.lateRecipientTwice])
        oracle.expect(Send(message: MessageID(0), recipient: ben, channel: .messenger, due: .start))
        oracle.delivered(MessageID(0), to: ben, on: .messenger)
        oracle.finish(pending: [])
        #expect(oracle.violationCount == 1, "ben's late Messenger delivery is owed and arrived")
    }
}

import Testing
@testable import OmniSim

/// The oracle's own book, fed by hand: each fault a broken engine could commit is injected here,
/// from test code, and must be caught.
@Suite("Oracle: invariants over a whole run, with faults injected from the test")
struct OracleTests {
    let cast = Cast(personNames: ["maria", "jonas", "carol"], personKinds: [.user, .user, .customer], threadNames: ["plan"])
    let message = MessageID(0)

    /// maria posts to jonas; the rules call for Messenger and (unseen at the deadline) a fallback email.
    func oracleAfterPosting() -> Oracle {
        var oracle = Oracle(cast: cast)
        let posting = ThreadState.Posting(
            number: 1, members: [PersonID(0), PersonID(1)], author: PersonID(0), isNote: false, inUserConversation: true)
        oracle.posted(message, posting, recipients: posting.recipients(cast: cast))
        oracle.expect(Send(message: message, recipient: PersonID(1), channel: .messenger, due: .start))
        return oracle
    }

    func delivery(_ channel: ChannelKind, to person: Int = 1, at time: SimInstant = .start) -> Delivery {
        Delivery(time: time, channel: channel, recipient: PersonID(person), message: message, due: time)
    }

    @Test("a correct run is clean")
    func clean() {
        var oracle = oracleAfterPosting()
        oracle.delivered(delivery(.messenger))
        oracle.fallbackDecided(message, PersonID(1), .sendEmail, at: .start + .minutes(1))
        oracle.expect(Send(message: message, recipient: PersonID(1), channel: .email, due: .start + .minutes(1)))
        oracle.delivered(delivery(.email, at: .start + .minutes(1)))
        oracle.finish(pending: [])
        #expect(oracle.violationCount == 0)
    }

    @Test("a Messenger delivery reported twice is caught")
    func duplicate() {
        var oracle = oracleAfterPosting()
        oracle.delivered(delivery(.messenger))
        oracle.delivered(delivery(.messenger))
        #expect(oracle.violations.first?.invariant == .receivedTwice)
        #expect(oracle.violations.first?.channel == .messenger)
    }

    @Test("a fallback email that fell due but never arrived (nor is pending) is lost")
    func skippedFallback() {
        var oracle = oracleAfterPosting()
        oracle.delivered(delivery(.messenger))
        oracle.fallbackDecided(message, PersonID(1), .sendEmail, at: .start + .minutes(1))
        oracle.expect(Send(message: message, recipient: PersonID(1), channel: .email, due: .start + .minutes(1)))
        oracle.finish(pending: [])
        #expect(oracle.violations.contains { $0.invariant == .sendLost && $0.channel == .email })
    }

    @Test("a message covered by two batch emails is caught")
    func coveredTwice() {
        var oracle = oracleAfterPosting()
        oracle.fallbackDecided(message, PersonID(1), .batched(.minutes(2)), at: .start + .minutes(1))
        oracle.batchSent(covering: [message], for: PersonID(1))
        #expect(oracle.violationCount == 0)
        oracle.batchSent(covering: [message], for: PersonID(1))
        #expect(oracle.violations.first?.invariant == .batchCoversTwice)
    }

    func email(to person: Int = 1, _ message: MessageID? = nil) -> Send {
        Send(message: message ?? self.message, recipient: PersonID(person), channel: .email, due: .start + .minutes(1))
    }

    @Test("a fallback email to a user that no deadline called for, or after it found the message seen, is caught")
    func emailWithoutDecision() {
        var oracle = oracleAfterPosting()
        oracle.delivered(delivery(.messenger))
        oracle.expect(email())
        oracle.delivered(delivery(.email, at: .start + .minutes(1)))
        #expect(oracle.violations.map(\.invariant) == [.emailNotOwed])
        #expect(oracle.violations.first?.person == PersonID(1), "jonas")

        var seen = oracleAfterPosting()
        seen.delivered(delivery(.messenger))
        seen.fallbackDecided(message, PersonID(1), .seen, at: .start + .minutes(1))
        seen.expect(email())
        #expect(seen.violations.map(\.invariant) == [.emailNotOwed])

        var off = oracleAfterPosting()
        off.delivered(delivery(.messenger))
        off.fallbackDecided(message, PersonID(1), .emailOff, at: .start + .minutes(1))
        off.expect(email())
        #expect(off.violations.map(\.invariant) == [.emailNotOwed])
    }

    @Test("one deadline owes one email: a second for its message, or one for the next message, is caught; a customer's email owes nothing to a deadline")
    func oneEmailPerDecision() {
        let cast = Cast(personNames: ["maria", "jonas", "carol"], personKinds: [.user, .user, .customer], threadNames: ["case"])
        var oracle = Oracle(cast: cast)
        let posting = ThreadState.Posting(
            number: 1, members: [PersonID(0), PersonID(1), PersonID(2)], author: PersonID(0), isNote: false, inUserConversation: false)
        let next = MessageID(1)
        oracle.posted(message, posting, recipients: posting.recipients(cast: cast))
        oracle.posted(next, posting, recipients: posting.recipients(cast: cast))
        oracle.expect(email(to: 2))  // carol is not in the chat widget: email at posting, no deadline
        oracle.fallbackDecided(message, PersonID(1), .sendEmail, at: .start + .minutes(1))
        oracle.expect(email())
        #expect(oracle.violationCount == 0)
        oracle.expect(email())
        oracle.expect(email(next))
        #expect(oracle.violations.map(\.invariant) == [
            .sendCalledTwice, .emailNotOwed,
        ])
    }

    @Test("a batch's one email carries messages its deadlines found unseen; a second email, a batch over a message found seen, or an email of its own for a batched message, is caught")
    func batchEmails() {
        let cast = Cast(personNames: ["maria", "jonas"], personKinds: [.user, .user], threadNames: ["plan"])
        var oracle = Oracle(cast: cast)
        let posting = ThreadState.Posting(number: 1, members: [PersonID(0), PersonID(1)], author: PersonID(0), isNote: false, inUserConversation: true)
        let (first, second, third) = (MessageID(0), MessageID(1), MessageID(2))
        for message in [first, second, third] { oracle.posted(message, posting, recipients: [PersonID(1)]) }
        // The first two are found unseen and batched; their batch's email carries the second.
        oracle.fallbackDecided(first, PersonID(1), .batched(.minutes(5)), at: .start)
        oracle.fallbackDecided(second, PersonID(1), .batched(.minutes(5)), at: .start)
        oracle.batchSent(covering: [first, second], for: PersonID(1))
        oracle.expect(email(second))
        #expect(oracle.violationCount == 0)
        // A second email for that batch; a batch over the third, which its deadline found seen.
        oracle.expect(email(first))
        oracle.expect(Send(message: third, recipient: PersonID(1), channel: .messenger, due: .start))
        oracle.delivered(Delivery(time: .start, channel: .messenger, recipient: PersonID(1), message: third, due: .start))
        oracle.fallbackDecided(third, PersonID(1), .seen, at: .start + .minutes(1))
        oracle.batchSent(covering: [third], for: PersonID(1))
        // A fourth, batched and seen before its batch went out (dropped), emailed on its own.
        let fourth = MessageID(3)
        oracle.posted(fourth, posting, recipients: [PersonID(1)])
        oracle.fallbackDecided(fourth, PersonID(1), .batched(.minutes(5)), at: .start)
        oracle.expect(email(fourth))
        #expect(oracle.violations.map(\.invariant) == [
            .emailNotOwed,
            .batchCoversSeen,
            .emailNotOwed,
        ])
    }

    @Test("a pending send is not lost")
    func pending() {
        var oracle = oracleAfterPosting()
        oracle.finish(pending: [Send(message: message, recipient: PersonID(1), channel: .messenger, due: .start)])
        #expect(oracle.violationCount == 0)
    }

    @Test("a delivery to someone who is not a recipient, and a message counted as seen before it arrived, are caught")
    func strangersAndSeenBeforeArrival() {
        var oracle = oracleAfterPosting()
        oracle.delivered(delivery(.email, to: 2))
        oracle.fallbackDecided(message, PersonID(1), .seen, at: .start + .minutes(1))
        #expect(oracle.violations.map(\.invariant) == [
            .receivedByNonRecipient, .seenBeforeArrival,
        ])
    }
}

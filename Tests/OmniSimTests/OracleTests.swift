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
        #expect(oracle.violations.first?.text == "received the same message twice")
        #expect(oracle.violations.first?.channel == .messenger)
    }

    @Test("a fallback email that fell due but never arrived (nor is pending) is lost")
    func skippedFallback() {
        var oracle = oracleAfterPosting()
        oracle.delivered(delivery(.messenger))
        oracle.fallbackDecided(message, PersonID(1), .sendEmail, at: .start + .minutes(1))
        oracle.expect(Send(message: message, recipient: PersonID(1), channel: .email, due: .start + .minutes(1)))
        oracle.finish(pending: [])
        #expect(oracle.violations.contains { $0.text.hasPrefix("a send was lost") && $0.channel == .email })
    }

    @Test("a message covered by two batch emails is caught")
    func coveredTwice() {
        var oracle = oracleAfterPosting()
        oracle.batchSent(covering: [message], for: PersonID(1), carrier: message)
        #expect(oracle.violationCount == 0)
        oracle.batchSent(covering: [message], for: PersonID(1), carrier: message)
        #expect(oracle.violations.first?.text == "a message was covered by two batch emails")
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
        #expect(oracle.violations.map(\.text) == [
            "received a message without being its recipient", "a message counted as seen at its deadline had not arrived",
        ])
    }
}

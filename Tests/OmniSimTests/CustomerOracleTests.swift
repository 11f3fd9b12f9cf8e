import Testing
@testable import OmniSim

/// The oracle over customers' widget fallbacks (contract v3): an email after chat is owed by a
/// deadline that found the message unseen, or by the one batch that covers it; an email at posting
/// (not in the widget) is owed to no deadline; a fallback needs the message to have reached them by
/// chat. Faults are injected from the test, as in ``OracleTests``.
@Suite("Oracle: customers' widget fallbacks")
struct CustomerOracleTests {
    let cast = Cast(personNames: ["ana", "kim"], personKinds: [.user, .customer], threadNames: ["q1"])
    let ana = PersonID(0), kim = PersonID(1)

    /// ana posts `count` messages to kim; each reaches kim by `channel` (called for and arrived).
    func oracle(_ count: Int = 1, by channel: ChannelKind = .chat) -> Oracle {
        var oracle = Oracle(cast: cast)
        let posting = ThreadState.Posting(number: 1, members: [ana, kim], author: ana, isNote: false, inUserConversation: false)
        for index in 0..<count {
            oracle.posted(MessageID(index), posting, recipients: posting.recipients(cast: cast))
            oracle.expect(send(MessageID(index), channel))
            oracle.delivered(MessageID(index), to: kim, on: channel)
        }
        return oracle
    }

    func send(_ message: MessageID, _ channel: ChannelKind = .email) -> Send {
        Send(message: message, recipient: kim, channel: channel, due: .start)
    }

    @Test("a chat message found unseen at its deadline owes one email; found seen, none")
    func owedByDeadline() {
        var oracle = oracle(2)
        oracle.fallbackDecided(MessageID(0), kim, .sendEmail, at: .start + .minutes(5))
        oracle.expect(send(MessageID(0)))
        oracle.delivered(MessageID(0), to: kim, on: .email)
        oracle.fallbackDecided(MessageID(1), kim, .seen, at: .start + .minutes(5))
        oracle.finish(pending: [])
        #expect(oracle.violationCount == 0)
    }

    @Test("an email after chat that no deadline owed, or a second one, is caught")
    func emailAfterChatNotOwed() {
        var seen = oracle()
        seen.fallbackDecided(MessageID(0), kim, .seen, at: .start + .minutes(5))
        seen.expect(send(MessageID(0)))
        #expect(seen.violations.map(\.invariant) == [.emailNotOwed])
        var twice = oracle()
        twice.fallbackDecided(MessageID(0), kim, .sendEmail, at: .start + .minutes(5))
        twice.expect(send(MessageID(0)))
        twice.expect(send(MessageID(0)))
        #expect(twice.violations.map(\.invariant) == [.sendCalledTwice])
        var emailOff = oracle()
        emailOff.fallbackDecided(MessageID(0), kim, .emailOff, at: .start + .minutes(5))
        emailOff.expect(send(MessageID(0)))
        #expect(emailOff.violations.map(\.invariant) == [.emailNotOwed])
    }

    @Test("an email at posting (not in the widget) owes nothing to a deadline; a fallback for it is caught")
    func emailAtPosting() {
        var oracle = oracle(by: .email)
        #expect(oracle.violationCount == 0)
        oracle.fallbackDecided(MessageID(0), kim, .sendEmail, at: .start + .minutes(5))
        #expect(oracle.violations.map(\.invariant) == [.customerFallbackWithoutChat])
    }

    @Test("a message counted seen in the widget must have arrived by chat")
    func seenBeforeChatArrived() {
        var oracle = Oracle(cast: cast)
        let posting = ThreadState.Posting(number: 1, members: [ana, kim], author: ana, isNote: false, inUserConversation: false)
        oracle.posted(MessageID(0), posting, recipients: posting.recipients(cast: cast))
        oracle.expect(send(MessageID(0), .chat))
        oracle.fallbackDecided(MessageID(0), kim, .seen, at: .start + .minutes(5))
        #expect(oracle.violations == [OracleViolation(invariant: .seenBeforeArrival, person: kim, channel: .chat)])
    }

    @Test("a batch covers the chat messages its deadlines found unseen, with one email; covering one twice or a seen one is caught")
    func batches() {
        var oracle = oracle(3)
        oracle.fallbackDecided(MessageID(0), kim, .batched(.minutes(3)), at: .start)
        oracle.fallbackDecided(MessageID(1), kim, .batched(.minutes(3)), at: .start)
        oracle.batchSent(covering: [MessageID(0), MessageID(1)], for: kim)
        oracle.expect(send(MessageID(1)))
        #expect(oracle.violationCount == 0)
        oracle.fallbackDecided(MessageID(2), kim, .seen, at: .start)
        oracle.batchSent(covering: [MessageID(1), MessageID(2)], for: kim)
        #expect(oracle.violations.map(\.invariant) == [.batchCoversTwice, .batchCoversSeen])
    }

    @Test("an email called for after chat must arrive or be pending at the end")
    func lost() {
        var oracle = oracle()
        oracle.fallbackDecided(MessageID(0), kim, .sendEmail, at: .start + .minutes(5))
        oracle.expect(send(MessageID(0)))
        var pending = oracle
        pending.finish(pending: [send(MessageID(0))])
        #expect(pending.violationCount == 0)
        oracle.finish(pending: [])
        #expect(oracle.violations.map(\.invariant) == [.sendLost])
    }
}

import Testing
@testable import OmniSim

/// The oracle fed through compact records, inline or on a thread of its own: it finds exactly what
/// the oracle called directly finds, whichever way it runs and however the records fall into chunks.
@Suite("The oracle's feed: records read in order, inline or on its own thread")
struct OracleFeedTests {
    let cast = Cast(
        personNames: ["maria", "jonas", "carol"], personKinds: [.user, .user, .customer], threadNames: ["plan", "desk"])

    /// A run's worth of what the driver tells the oracle, with faults: a customer in a user
    /// conversation, a duplicate, a delivery to a stranger, a lost email, a bounce, a batch twice.
    /// Applied to the feed and, call for call, to an oracle directly.
    func tell(_ feed: inout OracleFeed, _ oracle: inout Oracle, messages: Int) {
        let (maria, jonas, carol) = (PersonID(0), PersonID(1), PersonID(2))
        for index in 0..<messages {
            let message = MessageID(index)
            let userConversation = index % 3 != 2
            let posting = ThreadState.Posting(
                number: Int32(index + 1), members: [maria, jonas, carol], author: maria, isNote: index % 7 == 6,
                inUserConversation: userConversation)
            let recipients = index % 11 == 10 ? [jonas, carol] : [jonas]
            feed.posted(message, posting, recipients: recipients)
            oracle.posted(message, posting, recipients: recipients, cast: cast)
            let messenger = Send(message: message, recipient: jonas, channel: .messenger, due: .start)
            feed.expect(messenger)
            oracle.expect(messenger)
            let arrival = Delivery(time: .start, channel: .messenger, recipient: jonas, message: message, due: .start)
            feed.delivered(arrival)
            oracle.delivered(arrival)
            if index % 13 == 12 {
                feed.delivered(arrival)
                oracle.delivered(arrival)
            }
            if index % 17 == 16 {
                let stranger = Delivery(time: .start, channel: .email, recipient: carol, message: message, due: .start)
                feed.delivered(stranger)
                oracle.delivered(stranger)
            }
            let decision: FallbackDecision = index % 5 == 0 ? .sendEmail : .seen
            feed.fallbackDecided(message, jonas, decision)
            oracle.fallbackDecided(message, jonas, decision, at: .start)
            if decision == .sendEmail {
                let email = Send(message: message, recipient: jonas, channel: .email, due: .start)
                feed.expect(email)
                oracle.expect(email)
                if index % 10 == 5 {
                    feed.bounced(email)
                    oracle.bounced(email)
                }
            }
            if index % 19 == 18 {
                feed.batchSent(covering: [message], for: jonas)
                feed.batchSent(covering: [message], for: jonas)
                oracle.batchSent(covering: [message], for: jonas, carrier: message)
                oracle.batchSent(covering: [message], for: jonas, carrier: message)
            }
        }
    }

    @Test("inline and on its own thread, over one chunk and over many, the feed finds what the oracle finds",
          arguments: [false, true], [40, 3 * OracleFeed.chunkSize / 4 + 7])
    func sameFindings(ownThread: Bool, messages: Int) {
        var feed = OracleFeed(cast: cast)
        if ownThread { feed.runOnOwnThread() }
        var oracle = Oracle(cast: cast)
        tell(&feed, &oracle, messages: messages)
        let pending = [Send(message: MessageID(0), recipient: PersonID(1), channel: .email, due: .start)]
        let found = feed.finish(pending: pending)
        oracle.finish(pending: pending)
        #expect(oracle.violationCount > 0)
        #expect(found.count == oracle.violationCount)
        #expect(found.violations == oracle.violations)
    }
}

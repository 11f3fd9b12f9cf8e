import Testing
@testable import OmniSim

/// The run's books kept from compact records, inline or on a thread of their own: the oracle finds
/// exactly what the oracle called directly finds, and the totals count what they are shown
/// directly, whichever way the books run and however the records fall into chunks.
@Suite("The run's books: records read in order, inline or on their own thread")
struct BookkeepingTests {
    let cast = Cast(
        personNames: ["maria", "jonas", "carol"], personKinds: [.user, .user, .customer], threadNames: ["plan", "desk"])

    /// A run's worth of what the driver tells the oracle, with faults: a customer in a user
    /// conversation, a duplicate, a delivery to a stranger, a lost email, a bounce, a batch twice.
    /// Applied to the feed and, call for call, to an oracle directly.
    /// With `fused`, deadlines' emails arrive right after their decision, as the driver tells them
    /// when nothing holds a send back: the books fold those records into one (as they fold every
    /// send called for and arrived at once).
    func tell(_ feed: inout Bookkeeping, _ oracle: inout Oracle, _ totals: inout DeliveryTotals, messages: Int, fused: Bool = false) {
        let (maria, jonas, carol) = (PersonID(0), PersonID(1), PersonID(2))
        for index in 0..<messages {
            let message = MessageID(index)
            let userConversation = index % 3 != 2
            let posting = ThreadState.Posting(
                number: Int32(index + 1), members: [maria, jonas, carol], author: maria, isNote: index % 7 == 6,
                inUserConversation: userConversation)
            let recipients = index % 11 == 10 ? [jonas, carol] : [jonas]
            feed.posted(message, posting)
            for recipient in recipients { feed.recipient(recipient, of: message) }
            oracle.posted(message, posting, recipients: recipients)
            let messenger = Send(message: message, recipient: jonas, channel: .messenger, due: .start)
            // Delays from none to past what sixteen bits of milliseconds hold, and a thousand years.
            let delay: SimDuration = index % 23 == 22 ? .hours(24 * 365 * 1_000) : .milliseconds(Int64(index % 4 * 40_000))
            let arrival = Delivery(time: .start + delay, channel: .messenger, recipient: jonas, message: message, due: .start)
            feed.expect(messenger)
            feed.delivered(arrival)
            oracle.expect(messenger)
            oracle.delivered(arrival)
            totals.observe(arrival)
            if index % 13 == 12 {
                feed.delivered(arrival)
                oracle.delivered(arrival)
                totals.observe(arrival)
            }
            if index % 17 == 16 {
                let stranger = Delivery(time: .start, channel: .email, recipient: carol, message: message, due: .start)
                feed.delivered(stranger)
                oracle.delivered(stranger)
                totals.observe(stranger)
            }
            let decision: FallbackDecision = index % 5 == 0 ? .sendEmail : .seen
            if fused, decision == .sendEmail, index % 10 != 5 {
                // The email arrives at once (one record) or three seconds on (the records one by one).
                let email = Send(message: message, recipient: jonas, channel: .email, due: .start)
                let emailed = Delivery(
                    time: .start + .seconds(index % 20 == 0 ? 3 : 0), channel: .email, recipient: jonas, message: message, due: .start)
                feed.fallbackDecided(message, jonas, .sendEmail)
                feed.expect(email)
                feed.delivered(emailed)
                oracle.fallbackDecided(message, jonas, .sendEmail, at: .start)
                oracle.expect(email)
                oracle.delivered(emailed)
                totals.observe(emailed)
                continue
            }
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
                oracle.batchSent(covering: [message], for: jonas)
                oracle.batchSent(covering: [message], for: jonas)
            }
        }
    }

    @Test("inline and on their own thread, over one chunk and over many, the books come out as kept directly",
          arguments: [false, true], [40, 3 * Bookkeeping.chunkSize / 4 + 7])
    func sameBooks(ownThread: Bool, messages: Int) {
        sameBooks(ownThread: ownThread, messages: messages, fused: false)
    }

    @Test("a send called for and arrived at once is one record; a deadline's email that arrives at once too")
    func fusedRecords() {
        var feed = Bookkeeping(cast: cast)
        let (jonas, message) = (PersonID(1), MessageID(0))
        feed.posted(message, ThreadState.Posting(number: 1, members: [PersonID(0), jonas], author: PersonID(0), isNote: false, inUserConversation: true))
        feed.recipient(jonas, of: message)
        let messenger = Send(message: message, recipient: jonas, channel: .messenger, due: .start)
        feed.expect(messenger)
        feed.delivered(Delivery(time: .start, channel: .messenger, recipient: jonas, message: message, due: .start))
        #expect(feed.records.map(\.kind) == [.posted, .recipient, .expectedAndDelivered])
        feed.fallbackDecided(message, jonas, .sendEmail)
        feed.expect(Send(message: message, recipient: jonas, channel: .email, due: .start + .minutes(1)))
        feed.delivered(Delivery(time: .start + .minutes(1), channel: .email, recipient: jonas, message: message, due: .start + .minutes(1)))
        #expect(feed.records.map(\.kind).last == .emailedAtOnce)
        #expect(feed.records.count == 4)
        // A delay, or a record of another send between, keeps them apart.
        feed.expect(messenger)
        feed.delivered(Delivery(time: .start + .seconds(1), channel: .messenger, recipient: jonas, message: message, due: .start))
        #expect(feed.records.map(\.kind).suffix(2) == [.expect, .delivered])
        #expect(feed.finish(pending: []).oracle.violationCount == 2, "the second Messenger send is called for twice and delivered twice")
    }

    @Test("told a deadline's email with its decision (one record when it arrives at once), the books come out the same",
          arguments: [false, true])
    func sameBooksFused(ownThread: Bool) {
        sameBooks(ownThread: ownThread, messages: 3 * Bookkeeping.chunkSize / 4 + 7, fused: true)
    }

    @Test("fed records of a user's email with no deadline behind it, or after one found the message seen, the books catch both",
          arguments: [false, true])
    func emailsWithoutDecision(ownThread: Bool) {
        let (maria, jonas) = (PersonID(0), PersonID(1))
        var feed = Bookkeeping(cast: cast)
        if ownThread { feed.runOnOwnThread() }
        let posting = ThreadState.Posting(number: 1, members: [maria, jonas], author: maria, isNote: false, inUserConversation: true)
        for index in 0..<3 {
            let message = MessageID(index)
            feed.posted(message, posting)
            feed.recipient(jonas, of: message)
            feed.expect(Send(message: message, recipient: jonas, channel: .messenger, due: .start))
            feed.delivered(Delivery(time: .start, channel: .messenger, recipient: jonas, message: message, due: .start))
        }
        let email = { (index: Int) in Send(message: MessageID(index), recipient: jonas, channel: .email, due: .start + .minutes(1)) }
        let emailed = { (index: Int) in
            Delivery(time: .start + .minutes(1), channel: .email, recipient: jonas, message: MessageID(index), due: .start + .minutes(1))
        }
        // The first: an email called for and arrived at once (one record), no deadline decided.
        feed.expect(email(0))
        feed.delivered(emailed(0))
        // The second: its deadline found it seen, and an email went out anyway.
        feed.fallbackDecided(MessageID(1), jonas, .seen)
        feed.expect(email(1))
        feed.delivered(emailed(1))
        // The third, as the engine tells it: found unseen, emailed at once (one record): clean.
        feed.fallbackDecided(MessageID(2), jonas, .sendEmail)
        feed.expect(email(2))
        feed.delivered(emailed(2))
        let books = feed.finish(pending: [])
        #expect(books.oracle.violations.map(\.invariant) == [
            .emailNotOwed,
            .emailNotOwed,
        ])
    }

    func sameBooks(ownThread: Bool, messages: Int, fused: Bool) {
        var feed = Bookkeeping(cast: cast)
        if ownThread { feed.runOnOwnThread() }
        var oracle = Oracle(cast: cast)
        var totals = DeliveryTotals(people: cast.personKinds.count)
        tell(&feed, &oracle, &totals, messages: messages, fused: fused)
        let pending = [Send(message: MessageID(0), recipient: PersonID(1), channel: .email, due: .start)]
        let books = feed.finish(pending: pending)
        oracle.finish(pending: pending)
        #expect(oracle.violationCount > 0)
        #expect(books.oracle.violationCount == oracle.violationCount)
        #expect(books.oracle.violations == oracle.violations)
        for channel in ChannelKind.allCases {
            var kept = ChannelStatistics(channel: channel), direct = ChannelStatistics(channel: channel)
            books.totals.complete(&kept)
            totals.complete(&direct)
            #expect(kept == direct)
        }
        var messenger = ChannelStatistics(channel: .messenger)
        books.totals.complete(&messenger)
        #expect(messenger.delayPercentiles.last == .hours(24 * 365 * 1_000))
    }
}

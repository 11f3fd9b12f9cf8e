@testable import OmniSim
import Testing

/// The notification rules as one pure function of a recipient's state: what a posted message
/// calls for now, and what its deadline calls for then.
@Suite("NotificationPolicy: the rules, stated once")
struct NotificationPolicyTests {
    let plan = ThreadID(0)
    let nine = SimInstant.start + .hours(9)

    func posted(mention: Mention? = nil, fromCustomer: Bool = false) -> NotificationPolicy.Posted {
        NotificationPolicy.Posted(thread: plan, at: nine, fromCustomer: fromCustomer, mention: mention)
    }

    @Test("a user gets Messenger, push when away with the app, and a deadline email-after from posting")
    func atPosting() {
        let away = UserState(hasMobile: true)
        #expect(NotificationPolicy.atPosting(posted(), to: away, everyone: .init())
            == .init(deliverNow: [.messenger, .push], deadline: nine + .minutes(1)))
        var here = UserState(hasMobile: true)
        here.logIn()
        #expect(NotificationPolicy.atPosting(posted(), to: here, everyone: .init(emailAfter: .minutes(5)))
            == .init(deliverNow: [.messenger], deadline: nine + .minutes(5)))
    }

    @Test("customer-messages none: a customer's message notifies nothing (Messenger only, no deadline)")
    func quiet() {
        let user = UserState(settings: .init(customerMessages: CustomerMessages.none), hasMobile: true)
        #expect(NotificationPolicy.atPosting(posted(fromCustomer: true), to: user, everyone: .init())
            == .init(deliverNow: [.messenger], deadline: nil, notifies: false))
        #expect(NotificationPolicy.atPosting(posted(), to: user, everyone: .init()).notifies)
    }

    @Test("mention-email now: a mention is emailed at once, with no deadline, unless the user views the thread")
    func mentionEmail() {
        let mention = Mention(person: PersonID(1), team: TeamID(0))
        let now = UserState(settings: .init(mentionEmail: .now))
        #expect(NotificationPolicy.atPosting(posted(mention: mention), to: now, everyone: .init())
            == .init(deliverNow: [.messenger, .email], deadline: nil, emailedFor: mention))
        #expect(NotificationPolicy.atPosting(posted(), to: now, everyone: .init()).deadline == nine + .minutes(1), "no mention: the fallback")
        var viewing = now
        viewing.view(plan)
        #expect(NotificationPolicy.atPosting(posted(mention: mention), to: viewing, everyone: .init())
            == .init(deliverNow: [.messenger], deadline: nine + .minutes(1)))
        var elsewhere = now
        elsewhere.view(ThreadID(1))
        #expect(NotificationPolicy.atPosting(posted(mention: mention), to: elsewhere, everyone: .init()).deliverNow.contains(.email))
        let normal = UserState()
        #expect(NotificationPolicy.atPosting(posted(mention: mention), to: normal, everyone: .init()).emailedFor == nil)
        #expect(NotificationPolicy.atPosting(posted(mention: mention), to: normal, everyone: .init(mentionEmail: .now)).emailedFor == mention)
        // With their email off, the mention still decides: no email now, and no fallback either.
        let off = UserState(settings: .init(email: false, mentionEmail: .now))
        #expect(NotificationPolicy.atPosting(posted(mention: mention), to: off, everyone: .init())
            == .init(deliverNow: [.messenger], deadline: nil, emailedFor: mention))
        let quiet = UserState(settings: .init(customerMessages: CustomerMessages.none, mentionEmail: .now))
        #expect(NotificationPolicy.atPosting(posted(mention: mention, fromCustomer: true), to: quiet, everyone: .init()).deliverNow == [.messenger])
    }

    @Test("a customer gets chat when in the widget at posting, else email")
    func customer() {
        var customer = CustomerState()
        #expect(NotificationPolicy.atPosting(toCustomer: customer).deliverNow == [.email])
        customer.joinChat()
        #expect(NotificationPolicy.atPosting(toCustomer: customer).deliverNow == [.chat])
    }

    @Test("at a deadline: seen is nothing (settings unread); unseen is email off, batched, or an email now")
    func atDeadline() {
        let on = UserSettings.contractDefaults.resolved(over: .init())
        #expect(NotificationPolicy.atDeadline(.seen, settings: { Issue.record("settings read for a seen message"); return on }(), batchOpen: true) == .seen)
        #expect(NotificationPolicy.atDeadline(.unseen, settings: on, batchOpen: false) == .sendEmail)
        #expect(NotificationPolicy.atDeadline(.unseen, settings: on, batchOpen: true) == .batched(.zero))
        var off = on
        off.email = false
        #expect(NotificationPolicy.atDeadline(.unseen, settings: off, batchOpen: true) == .emailOff)
        var batching = on
        batching.emailBatch = .minutes(2)
        #expect(NotificationPolicy.atDeadline(.unseen, settings: batching, batchOpen: false) == .batched(.minutes(2)))
    }

    @Test("a batch due: the seen are dropped, the email carries the highest number of the rest")
    func batchDue() {
        #expect(NotificationPolicy.atBatchDue(seen: [false, true, false], numbers: [3, 9, 5]) == ([0, 2], 2))
        #expect(NotificationPolicy.atBatchDue(seen: [true, true], numbers: [1, 2]).carrier == nil)
    }

    @Test("channels due now are carried out in channel order")
    func channelOrder() {
        let set: ChannelSet = [.push, .email, .messenger]
        #expect(Array(set) == [.messenger, .email, .push])
        #expect(ChannelSet.all.count { _ in true } == ChannelKind.allCases.count)
    }
}

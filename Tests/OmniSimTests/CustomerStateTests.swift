import Testing
@testable import OmniSim

/// Contract v3, "Customers' own settings", as ``CustomerState`` and ``NotificationPolicy`` state it:
/// synchronously, without a simulation.
@Suite("CustomerState: the widget, views in it, and the widget fallback")
struct CustomerStateTests {
    let q1 = ThreadID(0)
    let q2 = ThreadID(1)
    let nine = SimInstant.start + .hours(9)

    /// A customer in the widget with `email-after 5m` of their own.
    func kim(_ settings: UserSettings = UserSettings(emailAfter: .minutes(5))) -> CustomerState {
        var kim = CustomerState(settings: settings)
        kim.joinChat()
        return kim
    }

    @Test("in the widget at posting: chat, and with email-after a deadline t + D; out of it: email at once, no deadline")
    func chatOrEmailAtPosting() {
        var kim = kim()
        let notice = NotificationPolicy.atPosting(toCustomer: kim, at: nine, customers: UserSettings())
        #expect(notice == .init(deliverNow: [.chat], deadline: nine + .minutes(5)))
        kim.leaveChat()
        #expect(NotificationPolicy.atPosting(toCustomer: kim, at: nine, customers: UserSettings()) == .init(deliverNow: [.email]))
    }

    @Test("without email-after there is no fallback: v2 exactly (chat, no deadline)")
    func noEmailAfterNoFallback() {
        let kim = kim(UserSettings())
        #expect(NotificationPolicy.atPosting(toCustomer: kim, at: nine, customers: UserSettings()) == .init(deliverNow: [.chat]))
        #expect(NotificationPolicy.atPosting(toCustomer: kim) == .init(deliverNow: [.chat]), "v2's call reads the same")
    }

    @Test("their own setting wins over 'set customers'; 'set customers' applies to those without one")
    func ownSettingWins() {
        let customers = UserSettings(email: false, emailAfter: .minutes(2), emailBatch: .minutes(3))
        let own = kim(UserSettings(email: true, emailAfter: .minutes(5)))
        #expect(own.resolved(over: customers) == CustomerSettings(email: true, emailAfter: .minutes(5), emailBatch: .minutes(3)))
        #expect(NotificationPolicy.atPosting(toCustomer: own, at: nine, customers: customers).deadline == nine + .minutes(5))
        let none = kim(UserSettings())
        #expect(none.resolved(over: customers) == CustomerSettings(email: false, emailAfter: .minutes(2), emailBatch: .minutes(3)))
        #expect(NotificationPolicy.atPosting(toCustomer: none, at: nine, customers: customers).deadline == nine + .minutes(2))
        #expect(none.resolved(over: UserSettings()) == CustomerSettings(email: true, emailAfter: nil, emailBatch: .zero), "no defaults: no fallback")
    }

    @Test("a chat message unseen at its deadline falls due for email; one seen in the widget by then does not")
    func unseenEmailedSeenNot() {
        var kim = kim()
        kim.receive(MessageID(0), in: q1, deadline: nine)
        kim.receive(MessageID(1), in: q2, deadline: nine)
        #expect(kim.arriveByChat(MessageID(0), in: q1) == false)
        #expect(kim.arriveByChat(MessageID(1), in: q2) == false)
        #expect(kim.unseenChats == 2)
        #expect(kim.view(q1) == (seen: 1, ended: nil))
        #expect(kim.deadlineReached(MessageID(0), customers: UserSettings()) == .seen)
        #expect(kim.deadlineReached(MessageID(1), customers: UserSettings()) == .sendEmail, "q2 was not viewed")
        #expect(kim.waitingCount == 0, "both are done with")
    }

    @Test("a view stays on while they remain in the widget: later chat messages of that thread are seen at arrival, others not")
    func viewIsSticky() {
        var kim = kim()
        kim.view(q1)
        kim.receive(MessageID(0), in: q1, deadline: nine)
        kim.receive(MessageID(1), in: q2, deadline: nine)
        #expect(kim.arriveByChat(MessageID(0), in: q1) == true)
        #expect(kim.arriveByChat(MessageID(1), in: q2) == false)
        #expect(kim.deadlineReached(MessageID(0), customers: UserSettings()) == .seen)
        #expect(kim.deadlineReached(MessageID(1), customers: UserSettings()) == .sendEmail)
    }

    @Test("a view ends with 'leaves chat', 'stops viewing' or another thread's view: later arrivals are unseen")
    func viewsEnd() {
        var kim = kim()
        kim.view(q1)
        #expect(kim.leaveChat() == q1)
        #expect(kim.viewing == nil && !kim.isInChat)
        kim.joinChat()
        #expect(kim.arriveByChat(MessageID(0), in: q1) == false, "joining again does not bring the view back")
        #expect(kim.view(q1).seen == 1)
        #expect(kim.stopViewing(q2) == false, "not viewing q2: nothing changes")
        #expect(kim.stopViewing(q1) == true)
        #expect(kim.isInChat, "stopping a view keeps them in the widget")
        #expect(kim.arriveByChat(MessageID(1), in: q1) == false)
        #expect(kim.view(q1).seen == 1)
        #expect(kim.view(q2) == (seen: 0, ended: q1))
        #expect(kim.arriveByChat(MessageID(2), in: q1) == false)
    }

    @Test("viewing puts a customer in the widget, so the next message reaches them by chat")
    func viewJoinsTheWidget() {
        var kim = CustomerState(settings: UserSettings(emailAfter: .minutes(5)))
        #expect(!kim.isInChat)
        kim.view(q1)
        #expect(kim.isInChat && kim.isViewing(q1))
        #expect(NotificationPolicy.atPosting(toCustomer: kim, at: nine, customers: UserSettings()).deliverNow == [.chat])
    }

    @Test("a chat message still in flight at its deadline is unseen; a view before it arrives does not see it, the view at arrival does")
    func inFlight() {
        var kim = kim()
        kim.receive(MessageID(0), in: q1, deadline: nine)
        kim.receive(MessageID(1), in: q1, deadline: nine)
        #expect(kim.view(q1).seen == 0, "nothing has arrived")
        #expect(kim.deadlineReached(MessageID(0), customers: UserSettings()) == .sendEmail)
        #expect(kim.arriveByChat(MessageID(1), in: q1) == true, "viewing at arrival")
        #expect(kim.deadlineReached(MessageID(1), customers: UserSettings()) == .seen)
    }

    @Test("email off at the deadline stops the widget fallback; email-batch batches it, and a batch drops what was seen meanwhile")
    func emailOffAndBatches() {
        var kim = kim()
        kim.receive(MessageID(0), in: q1, deadline: nine)
        kim.arriveByChat(MessageID(0), in: q1)
        kim.settings.email = false
        #expect(kim.deadlineReached(MessageID(0), customers: UserSettings()) == .emailOff, "email read at the deadline")
        kim.settings.email = nil
        kim.settings.emailBatch = .minutes(3)
        for number in 1...3 {
            kim.receive(MessageID(number), in: q1, deadline: nine)
            kim.arriveByChat(MessageID(number), in: q1)
        }
        #expect(kim.deadlineReached(MessageID(1), customers: UserSettings()) == .batched(.minutes(3)))
        #expect(kim.deadlineReached(MessageID(2), customers: UserSettings(), batchOpen: true) == .batched(.minutes(3)))
        kim.view(q1)
        kim.stopViewing(q1)
        #expect(kim.deadlineReached(MessageID(3), customers: UserSettings()) == .seen)
        #expect(kim.releaseBatched([MessageID(1), MessageID(2)]) == [true, true], "viewed before the batch went out: dropped")
        #expect(kim.waitingCount == 0)
    }

    @Test("a batch keeps its messages unseen when nothing was viewed; the batch reads email-batch from 'set customers' too")
    func batchFromCustomersDefault() {
        var kim = kim()
        let customers = UserSettings(emailBatch: .minutes(2))
        kim.receive(MessageID(0), in: q1, deadline: nine)
        kim.arriveByChat(MessageID(0), in: q1)
        kim.receive(MessageID(1), in: q1, deadline: nine)  // still in flight when the batch goes out
        #expect(kim.deadlineReached(MessageID(0), customers: customers) == .batched(.minutes(2)))
        #expect(kim.deadlineReached(MessageID(1), customers: customers, batchOpen: true) == .batched(.minutes(2)))
        #expect(kim.releaseBatched([MessageID(0), MessageID(1)]) == [false, false])
    }

    @Test("the customer deadline rule: seen → nothing; email off → nothing; batching → batched; else an email now")
    func deadlineRule() {
        let on = CustomerSettings(email: true, emailAfter: .minutes(1))
        #expect(NotificationPolicy.atDeadline(.seen, customer: on, batchOpen: false) == .seen)
        #expect(NotificationPolicy.atDeadline(.unseen, customer: on, batchOpen: false) == .sendEmail)
        #expect(NotificationPolicy.atDeadline(.unseen, customer: CustomerSettings(email: false), batchOpen: true) == .emailOff)
        #expect(NotificationPolicy.atDeadline(.unseen, customer: on, batchOpen: true) == .batched(.zero),
            "email-batch 0s does not close an open batch (v2)")
        #expect(NotificationPolicy.atDeadline(.unseen, customer: CustomerSettings(emailBatch: .minutes(2)), batchOpen: false) == .batched(.minutes(2)))
    }
}

import Testing
@testable import OmniSim

@Suite("UserState: presence, push, read state and the email fallback")
struct UserStateTests {
    let plan = ThreadID(0)
    let other = ThreadID(1)

    @Test("a logged-out user with the mobile app gets push at posting, and a deadline one minute later")
    func loggedOutUserWithAppGetsPush() {
        var bob = UserState(hasMobile: true)
        let reception = bob.receive(at: .start + .seconds(5), everyone: .init())
        #expect(reception == .init(receipt: 0, push: true, deadline: .start + .seconds(65)))
        #expect(bob.receive(at: .start, everyone: .init()).receipt == 1, "receipts count up")
    }

    @Test("no push for a user who is logged in, has no app, or turned push off")
    func noPush() {
        var loggedIn = UserState(hasMobile: true)
        loggedIn.logIn()
        #expect(loggedIn.receive(at: .start, everyone: .init()).push == false)
        var noApp = UserState(hasMobile: false)
        #expect(noApp.receive(at: .start, everyone: .init()).push == false)
        var pushOff = UserState(settings: .init(push: false), hasMobile: true)
        #expect(pushOff.receive(at: .start, everyone: .init()).push == false)
        var everyoneOff = UserState(hasMobile: true)
        #expect(everyoneOff.receive(at: .start, everyone: .init(push: false)).push == false)
    }

    @Test("a person's own email-after wins over everyone's, which wins over the default")
    func emailAfterPrecedence() {
        var own = UserState(settings: .init(emailAfter: .minutes(5)))
        #expect(own.receive(at: .start, everyone: .init(emailAfter: .minutes(2))).deadline == .start + .minutes(5))
        var plain = UserState()
        #expect(plain.receive(at: .start, everyone: .init(emailAfter: .minutes(2))).deadline == .start + .minutes(2))
        #expect(plain.receive(at: .start, everyone: .init()).deadline == .start + .minutes(1))
    }

    @Test("an unseen message at its deadline sends the email; a seen one does not")
    func fallbackDecisions() {
        var bob = UserState()
        let first = bob.receive(at: .start, everyone: .init()).receipt
        let second = bob.receive(at: .start, everyone: .init()).receipt
        bob.arrive(first, in: plan)
        bob.arrive(second, in: other)
        bob.view(other)
        #expect(bob.deadlineReached(first, everyone: .init()) == .sendEmail)
        #expect(bob.deadlineReached(second, everyone: .init()) == .seen)
    }

    @Test("deadlines out of receipt order are decided correctly")
    func deadlinesOutOfOrder() {
        var bob = UserState()
        let receipts = (0..<3).map { _ in bob.receive(at: .start, everyone: .init()).receipt }
        for receipt in receipts { bob.arrive(receipt, in: receipt == 1 ? other : plan) }
        bob.view(other)
        #expect(bob.deadlineReached(receipts[2], everyone: .init()) == .sendEmail)
        #expect(bob.deadlineReached(receipts[1], everyone: .init()) == .seen)
        #expect(bob.deadlineReached(receipts[0], everyone: .init()) == .sendEmail)
    }

    @Test("a message that has not arrived by its deadline is unseen, and counts as unread once it arrives")
    func notArrivedIsUnseen() {
        var bob = UserState()
        let receipt = bob.receive(at: .start, everyone: .init()).receipt
        #expect(bob.deadlineReached(receipt, everyone: .init()) == .sendEmail)
        bob.arrive(receipt, in: plan)
        #expect(bob.unread == 1)
        bob.view(plan)
        #expect(bob.unread == 0)
    }

    @Test("with email off at the deadline no email goes out")
    func emailOff() {
        var bob = UserState(settings: .init(email: false))
        let receipt = bob.receive(at: .start, everyone: .init()).receipt
        bob.arrive(receipt, in: plan)
        #expect(bob.deadlineReached(receipt, everyone: .init(email: true)) == .emailOff)
    }

    @Test("a message arriving while its thread is viewed is seen at once; logging out stops viewing")
    func seenAtArrival() {
        var bob = UserState()
        bob.view(plan)
        let first = bob.receive(at: .start, everyone: .init()).receipt
        #expect(bob.arrive(first, in: plan) == true)
        #expect(bob.unread == 0)
        bob.logOut()
        let second = bob.receive(at: .start, everyone: .init()).receipt
        #expect(bob.arrive(second, in: plan) == false)
        #expect(bob.unread == 1)
    }

    @Test("viewing a thread sees all its arrived messages; the bubble follows unread unless turned off")
    func viewingClearsUnread() {
        var bob = UserState()
        bob.arrive(bob.receive(at: .start, everyone: .init()).receipt, in: plan)
        bob.arrive(bob.receive(at: .start, everyone: .init()).receipt, in: other)
        #expect(bob.bubble(everyone: .init()) == 2)
        #expect(bob.bubble(everyone: .init(bubble: false)) == 0)
        #expect(bob.view(plan) == 1)
        #expect(bob.unread == 1)
        #expect(bob.isLoggedIn)
    }
}

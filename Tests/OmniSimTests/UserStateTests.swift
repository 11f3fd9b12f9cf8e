import Testing
@testable import OmniSim

@Suite("UserState: presence, push, read state and the email fallback")
struct UserStateTests {
    let m1 = MessageID(0)
    let m2 = MessageID(1)
    let plan = ThreadID(0)
    let other = ThreadID(1)

    @Test("a logged-out user with the mobile app gets push at posting, and a deadline one minute later")
    func loggedOutUserWithAppGetsPush() {
        let bob = UserState(hasMobile: true)
        let reception = bob.receive(at: .start + .seconds(5), everyone: .init())
        #expect(reception == .init(push: true, deadline: .start + .seconds(65)))
    }

    @Test("no push for a user who is logged in, has no app, or turned push off")
    func noPush() {
        var loggedIn = UserState(hasMobile: true)
        loggedIn.logIn()
        #expect(loggedIn.receive(at: .start, everyone: .init()).push == false)
        #expect(UserState(hasMobile: false).receive(at: .start, everyone: .init()).push == false)
        let pushOff = UserState(settings: .init(push: false), hasMobile: true)
        #expect(pushOff.receive(at: .start, everyone: .init()).push == false)
        #expect(UserState(hasMobile: true).receive(at: .start, everyone: .init(push: false)).push == false)
    }

    @Test("a person's own email-after wins over everyone's, which wins over the default")
    func emailAfterPrecedence() {
        let own = UserState(settings: .init(emailAfter: .minutes(5)))
        #expect(own.receive(at: .start, everyone: .init(emailAfter: .minutes(2))).deadline == .start + .minutes(5))
        #expect(UserState().receive(at: .start, everyone: .init(emailAfter: .minutes(2))).deadline == .start + .minutes(2))
        #expect(UserState().receive(at: .start, everyone: .init()).deadline == .start + .minutes(1))
    }

    @Test("an unseen message at its deadline sends the email; a seen one does not")
    func fallbackDecisions() {
        var bob = UserState()
        bob.arrive(m1, in: plan)
        bob.arrive(m2, in: other)
        bob.view(other)
        #expect(bob.deadlineReached(m1, everyone: .init()) == .sendEmail)
        #expect(bob.deadlineReached(m2, everyone: .init()) == .seen)
    }

    @Test("a message that has not arrived by its deadline is unseen")
    func notArrivedIsUnseen() {
        var bob = UserState()
        #expect(bob.deadlineReached(m1, everyone: .init()) == .sendEmail)
        bob.arrive(m1, in: plan)
        #expect(bob.unread == 1)
    }

    @Test("with email off at the deadline no email goes out")
    func emailOff() {
        var bob = UserState(settings: .init(email: false))
        bob.arrive(m1, in: plan)
        #expect(bob.deadlineReached(m1, everyone: .init(email: true)) == .emailOff)
    }

    @Test("a message arriving while its thread is viewed is seen at once; logging out stops viewing")
    func seenAtArrival() {
        var bob = UserState()
        bob.view(plan)
        #expect(bob.arrive(m1, in: plan) == true)
        #expect(bob.unread == 0)
        bob.logOut()
        #expect(bob.arrive(m2, in: plan) == false)
        #expect(bob.unread == 1)
    }

    @Test("viewing a thread sees all its arrived messages; the bubble follows unread unless turned off")
    func viewingClearsUnread() {
        var bob = UserState()
        bob.arrive(m1, in: plan)
        bob.arrive(m2, in: other)
        #expect(bob.bubble(everyone: .init()) == 2)
        #expect(bob.bubble(everyone: .init(bubble: false)) == 0)
        #expect(bob.view(plan) == 1)
        #expect(bob.unread == 1)
        #expect(bob.isLoggedIn)
    }
}

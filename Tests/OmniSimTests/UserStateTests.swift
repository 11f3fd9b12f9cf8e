import Testing
@testable import OmniSim

@Suite("UserState: presence, push, read state and the email fallback")
struct UserStateTests {
    let plan = ThreadID(0)
    let other = ThreadID(1)

    @Test("a logged-out user with the mobile app gets push at posting, and a deadline one minute later")
    func loggedOutUserWithAppGetsPush() {
        var bob = UserState(hasMobile: true)
        let reception = bob.receive(MessageID(0), in: plan, at: .start + .seconds(5), everyone: .init())
        #expect(reception == .init(push: true, deadline: .start + .seconds(65)))
    }

    @Test("no push for a user who is logged in, has no app, or turned push off")
    func noPush() {
        var loggedIn = UserState(hasMobile: true)
        loggedIn.logIn()
        #expect(loggedIn.receive(MessageID(101), in: plan, at: .start, everyone: .init()).push == false)
        var noApp = UserState(hasMobile: false)
        #expect(noApp.receive(MessageID(102), in: plan, at: .start, everyone: .init()).push == false)
        var pushOff = UserState(settings: .init(push: false), hasMobile: true)
        #expect(pushOff.receive(MessageID(103), in: plan, at: .start, everyone: .init()).push == false)
        var everyoneOff = UserState(hasMobile: true)
        #expect(everyoneOff.receive(MessageID(104), in: plan, at: .start, everyone: .init(push: false)).push == false)
    }

    @Test("v2: reading on mobile sees what has arrived, without logging in or a lasting view")
    func readingOnMobile() {
        var bob = UserState(hasMobile: true)
        _ = bob.receive(MessageID(0), in: plan, at: .start, everyone: .init(), arrivedNow: true)
        _ = bob.receive(MessageID(1), in: plan, at: .start, everyone: .init())  // still in flight
        #expect(bob.unread == 1)
        #expect(bob.viewOnMobile(plan) == 1)
        #expect(bob.unread == 0)
        #expect(!bob.isLoggedIn)
        #expect(bob.viewing == nil)
        #expect(bob.arrive(MessageID(1), in: plan) == false, "not sticky: a later arrival is not seen because of it")
        #expect(bob.deadlineReached(MessageID(0), everyone: .init()) == .seen)
        #expect(bob.deadlineReached(MessageID(1), everyone: .init()) == .sendEmail)
    }

    @Test("v2: under customer-messages none a customer's message is delivered and unread, but notifies nothing")
    func quietCustomerMessages() {
        var lea = UserState(settings: .init(customerMessages: CustomerMessages.none), hasMobile: true)
        let quiet = lea.receive(MessageID(0), in: plan, at: .start, everyone: .init(), arrivedNow: true, fromCustomer: true)
        #expect(quiet.notifies == false)
        #expect(quiet.push == false)
        let loud = lea.receive(MessageID(1), in: plan, at: .start, everyone: .init(), arrivedNow: true, fromCustomer: false)
        #expect(loud.notifies && loud.push)
        #expect(lea.unread == 2)
        #expect(lea.bubble(everyone: .init()) == 1, "only the user's message counts in the bubble")
        lea.view(plan)
        #expect(lea.unread == 0 && lea.bubble(everyone: .init()) == 0)
        // `everyone` is the fallback; the person's own setting wins.
        var sam = UserState(settings: .init(customerMessages: .mine))
        let mine = sam.receive(MessageID(2), in: plan, at: .start, everyone: .init(customerMessages: CustomerMessages.none), fromCustomer: true)
        #expect(mine.notifies)
    }

    @Test("v2: with email-batch a fallback that falls due is batched; a later view still marks it seen")
    func batchedFallbacks() {
        var jonas = UserState(settings: .init(emailBatch: .minutes(5)))
        _ = jonas.receive(MessageID(0), in: plan, at: .start, everyone: .init(), arrivedNow: true)
        _ = jonas.receive(MessageID(1), in: plan, at: .start, everyone: .init(), arrivedNow: true)
        #expect(jonas.deadlineReached(MessageID(0), everyone: .init()) == .batched(.minutes(5)))
        #expect(jonas.deadlineReached(MessageID(1), everyone: .init(), batchOpen: true) == .batched(.minutes(5)))
        jonas.view(plan)
        #expect(jonas.releaseBatched([MessageID(0), MessageID(1)]) == [true, true])
        // Without batching, or with email off, as in v1; an open batch is joined even at 0s.
        var lea = UserState()
        _ = lea.receive(MessageID(2), in: plan, at: .start, everyone: .init(), arrivedNow: true)
        #expect(lea.deadlineReached(MessageID(2), everyone: .init()) == .sendEmail)
        _ = lea.receive(MessageID(3), in: plan, at: .start, everyone: .init(), arrivedNow: true)
        #expect(lea.deadlineReached(MessageID(3), everyone: .init(), batchOpen: true) == .batched(.zero))
        #expect(lea.releaseBatched([MessageID(3)]) == [false])
    }

    @Test("a person's own email-after wins over everyone's, which wins over the default")
    func emailAfterPrecedence() {
        var own = UserState(settings: .init(emailAfter: .minutes(5)))
        #expect(own.receive(MessageID(105), in: plan, at: .start, everyone: .init(emailAfter: .minutes(2))).deadline == .start + .minutes(5))
        var plain = UserState()
        #expect(plain.receive(MessageID(106), in: plan, at: .start, everyone: .init(emailAfter: .minutes(2))).deadline == .start + .minutes(2))
        #expect(plain.receive(MessageID(107), in: plan, at: .start, everyone: .init()).deadline == .start + .minutes(1))
    }

    @Test("an unseen message at its deadline sends the email; a seen one does not")
    func fallbackDecisions() {
        var bob = UserState()
        let (first, second) = (MessageID(1), MessageID(2))
        _ = bob.receive(first, in: plan, at: .start, everyone: .init(), arrivedNow: true)
        _ = bob.receive(second, in: other, at: .start, everyone: .init(), arrivedNow: true)
        bob.view(other)
        #expect(bob.deadlineReached(first, everyone: .init()) == .sendEmail)
        #expect(bob.deadlineReached(second, everyone: .init()) == .seen)
    }

    @Test("deadlines out of posting order are decided correctly")
    func deadlinesOutOfOrder() {
        var bob = UserState()
        let messages = (0..<3).map(MessageID.init)
        for message in messages {
            _ = bob.receive(message, in: message.int == 1 ? other : plan, at: .start, everyone: .init(), arrivedNow: true)
        }
        bob.view(other)
        #expect(bob.deadlineReached(messages[2], everyone: .init()) == .sendEmail)
        #expect(bob.deadlineReached(messages[1], everyone: .init()) == .seen)
        #expect(bob.deadlineReached(messages[0], everyone: .init()) == .sendEmail)
    }

    @Test("a message that has not arrived by its deadline is unseen, and counts as unread once it arrives")
    func notArrivedIsUnseen() {
        var bob = UserState()
        let message = MessageID(1)
        _ = bob.receive(message, in: plan, at: .start, everyone: .init())
        #expect(bob.deadlineReached(message, everyone: .init()) == .sendEmail)
        bob.arrive(message, in: plan)
        #expect(bob.unread == 1)
        bob.view(plan)
        #expect(bob.unread == 0)
    }

    @Test("a message in flight is seen at arrival if its thread is viewed by then")
    func seenWhenItLands() {
        var bob = UserState()
        let message = MessageID(1)
        _ = bob.receive(message, in: plan, at: .start, everyone: .init())
        bob.view(plan)
        #expect(bob.arrive(message, in: plan) == true)
        #expect(bob.deadlineReached(message, everyone: .init()) == .seen)
    }

    @Test("with email off at the deadline no email goes out")
    func emailOff() {
        var bob = UserState(settings: .init(email: false))
        _ = bob.receive(MessageID(1), in: plan, at: .start, everyone: .init(), arrivedNow: true)
        #expect(bob.deadlineReached(MessageID(1), everyone: .init(email: true)) == .emailOff)
    }

    @Test("a message arriving while its thread is viewed is seen at once; logging out stops viewing")
    func seenAtArrival() {
        var bob = UserState()
        bob.view(plan)
        #expect(bob.receive(MessageID(1), in: plan, at: .start, everyone: .init(), arrivedNow: true).seen)
        #expect(bob.unread == 0)
        bob.logOut()
        #expect(!bob.receive(MessageID(2), in: plan, at: .start, everyone: .init(), arrivedNow: true).seen)
        #expect(bob.unread == 1)
    }

    @Test("a message seen as it arrives leaves nothing waiting: its deadline decides seen, whatever the settings")
    func seenAtArrivalIsDoneWith() {
        var bob = UserState(settings: .init(emailBatch: .minutes(5)))
        bob.view(plan)
        for number in 0..<6 {
            #expect(bob.receive(MessageID(number), in: plan, at: .start, everyone: .init(), arrivedNow: true).seen)
        }
        // Nothing waits: a message still in flight is the first (and only) one kept.
        _ = bob.receive(MessageID(6), in: plan, at: .start, everyone: .init())
        #expect(bob.waitingCount == 1)
        for number in 0..<6 {
            #expect(bob.deadlineReached(MessageID(number), everyone: .init(email: false), batchOpen: true) == .seen)
        }
        bob.logOut()
        #expect(bob.deadlineReached(MessageID(6), everyone: .init()) == .batched(.minutes(5)))
    }

    @Test("viewing a thread sees all its arrived messages; the bubble follows unread unless turned off")
    func viewingClearsUnread() {
        var bob = UserState()
        _ = bob.receive(MessageID(1), in: plan, at: .start, everyone: .init(), arrivedNow: true)
        _ = bob.receive(MessageID(2), in: other, at: .start, everyone: .init(), arrivedNow: true)
        #expect(bob.bubble(everyone: .init()) == 2)
        #expect(bob.bubble(everyone: .init(bubble: false)) == 0)
        #expect(bob.view(plan) == 1)
        #expect(bob.unread == 1)
        #expect(bob.isLoggedIn)
    }

    @Test("a view sees only its own thread's messages: the others stay unseen at their deadlines")
    func viewSeesOneThreadOnly() {
        var bob = UserState()
        for (n, thread) in [(1, plan), (2, other), (3, plan), (4, other)] {
            _ = bob.receive(MessageID(n), in: thread, at: .start, everyone: .init(), arrivedNow: true)
        }
        #expect(bob.unread == 4)
        #expect(bob.view(other) == 2)
        #expect(bob.view(other) == 0)
        #expect(bob.unread == 2)
        let decisions = (1...4).map { bob.deadlineReached(MessageID($0), everyone: .init()) }
        #expect(decisions == [.sendEmail, .seen, .sendEmail, .seen])
        // Past their deadlines, the unseen ones still count until the thread is viewed.
        #expect(bob.view(plan) == 2)
        #expect(bob.unread == 0)
    }

    @Test("unread counts per thread, past the two kept inline: each view sees its own thread's, in any order")
    func unreadInManyThreads() {
        var bob = UserState()
        var number = 0
        for (thread, messages) in [(0, 3), (1, 1), (2, 2), (3, 4), (1, 2)] {
            for _ in 0..<messages {
                _ = bob.receive(MessageID(number), in: ThreadID(thread), at: .start, everyone: .init(), arrivedNow: true)
                number += 1
            }
        }
        #expect(bob.unread == 12)
        #expect(bob.view(ThreadID(2)) == 2, "an overflow thread")
        #expect(bob.view(ThreadID(0)) == 3, "an inline one")
        #expect(bob.view(ThreadID(0)) == 0, "nothing left to see")
        bob.logOut()
        _ = bob.receive(MessageID(number), in: ThreadID(5), at: .start, everyone: .init(), arrivedNow: true)
        #expect(bob.view(ThreadID(1)) == 3)
        #expect(bob.view(ThreadID(3)) == 4)
        #expect(bob.view(ThreadID(5)) == 1, "a thread that took a slot freed meanwhile")
        #expect(bob.unread == 0)
    }
}

@Suite("UserSettings: six optional settings packed in three words")
struct UserSettingsTests {
    @Test("every value of every setting, set or not, reads back as written, alone and together", arguments: 0..<64)
    func roundTrips(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        func maybe<T>(_ values: [T]) -> T? { let pick = random.below(values.count + 1); return pick == 0 ? nil : values[pick - 1] }
        let durations = [SimDuration.zero, .milliseconds(1), .minutes(1), .minutes(5), .milliseconds(Int64(Int32.max) * 4)]
        for _ in 0..<50 {
            let (bubble, email, push) = (maybe([false, true]), maybe([false, true]), maybe([false, true]))
            let (after, batch) = (maybe(durations), maybe(durations))
            let scope = maybe(CustomerMessages.allCases)
            let mentions = maybe(MentionEmail.allCases)
            var settings = UserSettings(
                bubble: bubble, email: email, push: push, emailAfter: after, customerMessages: scope, emailBatch: batch,
                mentionEmail: mentions)
            #expect(settings.bubble == bubble && settings.email == email && settings.push == push)
            #expect(settings.emailAfter == after && settings.emailBatch == batch && settings.customerMessages == scope)
            #expect(settings.mentionEmail == mentions)
            // One field changed leaves the others as they were; equal values are equal settings.
            settings.push = !(push ?? false)
            settings.customerMessages = nil
            #expect(settings.bubble == bubble && settings.email == email && settings.push == !(push ?? false))
            #expect(settings.emailAfter == after && settings.emailBatch == batch && settings.customerMessages == nil)
            #expect(settings == UserSettings(
                bubble: bubble, email: email, push: !(push ?? false), emailAfter: after, emailBatch: batch, mentionEmail: mentions))
        }
    }

    @Test("unset fields resolve to everyone's, then to the contract's defaults")
    func resolves() {
        let own = UserSettings(email: false, emailAfter: .minutes(3))
        let everyone = UserSettings(email: true, push: false, customerMessages: CustomerMessages.none)
        let resolved = own.resolved(over: everyone)
        #expect(resolved == ResolvedSettings(
            bubble: true, email: false, push: false, emailAfter: .minutes(3), customerMessages: .none, emailBatch: .zero,
            mentionEmail: .normal))
        #expect(UserSettings().resolved(over: UserSettings()) == ResolvedSettings(
            bubble: true, email: true, push: true, emailAfter: .minutes(1), customerMessages: .mine, emailBatch: .zero,
            mentionEmail: .normal))
    }
}

/// What a posting means for one user, as the tests above state it: the policy's notice (push,
/// deadline, whether it notifies) and whether it was seen as it arrived.
struct Reception: Equatable {
    var push: Bool
    var deadline: SimInstant?
    var seen = false
    var notifies = true
}

extension UserState {
    /// ``receive(_:_:everyone:arrivedNow:)`` for a message posted in `thread` at `now`.
    mutating func receive(
        _ message: MessageID, in thread: ThreadID, at now: SimInstant, everyone: UserSettings, arrivedNow: Bool = false,
        fromCustomer: Bool = false
    ) -> Reception {
        let posted = NotificationPolicy.Posted(thread: thread, at: now, fromCustomer: fromCustomer)
        let (notice, seen) = receive(message, posted, everyone: everyone, arrivedNow: arrivedNow)
        return Reception(push: notice.deliverNow.contains(.push), deadline: notice.deadline, seen: seen, notifies: notice.notifies)
    }
}

@Suite("UnreadByThread past its list: a table, however many threads wait (issue 23's agents)")
struct UnreadByThreadTableTests {
    @Test("random arrivals and views over 100 threads give the counts a dictionary gives", arguments: 0..<5)
    func matchesADictionary(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        var counts = UnreadByThread()
        var model: [Int32: (count: Int32, quiet: Int32)] = [:]
        for step in 0..<5_000 {
            let thread = ThreadID(random.below(100))
            if random.below(4) == 0 {
                let removed = counts.remove(thread)
                let expected = model.removeValue(forKey: thread.index)
                #expect(removed?.count == expected?.count && removed?.quiet == expected?.quiet, "seed \(seed), step \(step)")
            } else {
                let quiet = random.below(4) == 0
                counts.add(thread, quiet: quiet)
                let old = model[thread.index] ?? (0, 0)
                model[thread.index] = (old.count + 1, old.quiet + (quiet ? 1 : 0))
            }
        }
        for thread in 0..<100 {
            let removed = counts.remove(ThreadID(thread))
            #expect(removed?.count == model[Int32(thread)]?.count && removed?.quiet == model[Int32(thread)]?.quiet)
        }
    }

    @Test("past the list's capacity the threads go to a table: every count is kept, added and taken away, and it takes no more room")
    func manyThreads() {
        var unread = UnreadByThread()
        let threads = 4 + UnreadByThread.listCapacity * 3
        for round in 0..<2 {
            for thread in 0..<threads { unread.add(ThreadID(thread), quiet: round == 1 && thread % 2 == 0) }
        }
        for thread in stride(from: threads - 1, through: 0, by: -1) {
            let counts = unread.remove(ThreadID(thread))
            #expect(counts?.count == 2 && counts?.quiet == (thread % 2 == 0 ? 1 : 0), "thread \(thread)")
            #expect(unread.remove(ThreadID(thread)) == nil)
        }
        unread.add(ThreadID(7), quiet: false)
        #expect(unread.remove(ThreadID(7))?.count == 1)
        #expect(MemoryLayout<UnreadByThread>.size == 4 * 12 + MemoryLayout<[Int32]>.size, "the table lives in the same array")
    }
}

import Testing
@testable import OmniSim

@Suite("ThreadState: conversations, drafts, items and their rules")
struct ThreadStateTests {
    // alice, bob, dan are users; carol, erin are customers.
    let cast = Cast(
        personNames: ["alice", "bob", "carol", "dan", "erin"],
        personKinds: [.user, .user, .customer, .user, .customer],
        threadNames: ["c1", "T1"])
    let alice = PersonID(0), bob = PersonID(1), carol = PersonID(2), dan = PersonID(3), erin = PersonID(4)
    let c1 = ThreadID(0)
    /// No teams (the team tests build their own roster).
    let teams = TeamRoster()

    /// People as membership entries.
    func listed(_ people: [PersonID]) -> [Member] { people.map(Member.person) }

    func started(customer: Bool = false, with people: [PersonID]) throws -> ThreadState {
        var thread = ThreadState(id: c1)
        try thread.open(customer: customer, author: alice, listed: listed(people), asDraft: false, cast: cast, teams: teams)
        return thread
    }

    @Test("v2: customer-messages all lets a user see and view customer conversations, never user conversations")
    func seesAllCustomerThreads() throws {
        let customerThread = try started(customer: true, with: [carol])
        #expect(!customerThread.canBeSeen(by: dan, cast: cast))
        #expect(customerThread.canBeSeen(by: dan, cast: cast, seesAllCustomerThreads: true))
        #expect(customerThread.mayView(dan, seesAllCustomerThreads: true))
        #expect(throws: Never.self) { try customerThread.checkViewer(dan, cast: cast, seesAllCustomerThreads: true) }
        #expect(throws: Rejection.notMember(person: "dan", thread: "c1")) { try customerThread.checkViewer(dan, cast: cast) }
        let userThread = try started(with: [bob])
        #expect(!userThread.canBeSeen(by: dan, cast: cast, seesAllCustomerThreads: true))
        #expect(!userThread.mayView(dan, seesAllCustomerThreads: true))
    }

    @Test("members are the author, then the listed people, each once; recipients exclude the author")
    func membershipOrder() throws {
        var thread = try started(with: [dan, alice, bob, dan])
        #expect(thread.members == [alice, dan, bob])
        let posting = try thread.post(by: bob, isNote: false, cast: cast)
        #expect(posting.number == 1)
        #expect(posting.recipients(cast: cast) == [alice, dan])
        #expect(posting.inUserConversation)
        #expect(try thread.post(by: alice, isNote: false, cast: cast).number == 2)
    }

    @Test("a customer can never be in a user conversation, and the error names them")
    func noCustomersInUserConversations() throws {
        var thread = ThreadState(id: c1)
        #expect(throws: Rejection.customerInUserConversation(person: "carol")) {
            try thread.open(customer: false, author: alice, listed: listed([bob, carol]), asDraft: false, cast: cast, teams: teams)
        }
        #expect(thread.lifecycle == .unused)
        var live = try started(with: [bob])
        #expect(throws: Rejection.customerInUserConversation(person: "carol")) { try live.add(listed([dan, carol]), by: alice, cast: cast, teams: teams) }
        #expect(live.members == [alice, bob], "a rejected add applies nothing, not even dan")
        #expect(Rejection.customerInUserConversation(person: "carol").description.contains("customers cannot"))
    }

    @Test("a customer conversation needs a customer, and its last customer cannot be removed")
    func customerConversationKeepsACustomer() throws {
        var empty = ThreadState(id: c1)
        #expect(throws: Rejection.customerConversationNeedsCustomer(thread: "c1")) {
            try empty.open(customer: true, author: alice, listed: listed([bob]), asDraft: false, cast: cast, teams: teams)
        }
        var thread = try started(customer: true, with: [carol, erin])
        _ = try thread.remove(listed([erin]), by: alice, cast: cast, teams: teams)
        #expect(throws: Rejection.lastCustomer(person: "carol", thread: "c1")) { _ = try thread.remove(listed([carol]), by: alice, cast: cast, teams: teams) }
        #expect(thread.members == [alice, carol])
    }

    @Test("a draft has no members until its author sends it; a cancelled draft keeps its name")
    func drafts() throws {
        var thread = ThreadState(id: c1)
        try thread.open(customer: false, author: alice, listed: listed([bob]), asDraft: true, cast: cast, teams: teams)
        #expect(thread.members.isEmpty)
        #expect(!thread.canBeSeen(by: alice, cast: cast))
        #expect(throws: Rejection.draftNotByAuthor(thread: "c1", author: "alice")) { try thread.sendDraft(by: bob, cast: cast, teams: teams) }
        try thread.sendDraft(by: alice, cast: cast, teams: teams)
        #expect(thread.members == [alice, bob])
        var cancelled = ThreadState(id: c1)
        try cancelled.open(customer: false, author: alice, listed: listed([bob]), asDraft: true, cast: cast, teams: teams)
        try cancelled.cancelDraft(by: alice, cast: cast)
        #expect(throws: Rejection.threadIsCancelledDraft(thread: "c1")) { try cancelled.sendDraft(by: alice, cast: cast, teams: teams) }
        #expect(throws: Rejection.nameTaken(name: "c1", byPerson: false)) {
            try cancelled.open(customer: false, author: alice, listed: listed([]), asDraft: false, cast: cast, teams: teams)
        }
    }

    @Test("writing to an item makes a user a follower; customers must follow; notes skip customers")
    func items() throws {
        var item = ThreadState(item: ItemDeclaration(thread: ThreadID(1), kind: .ticket, title: "", followers: listed([carol, bob])), teams: teams)
        #expect(try item.post(by: alice, isNote: false, cast: cast).recipients(cast: cast) == [carol, bob])
        #expect(item.members == [carol, bob, alice])
        #expect(try item.post(by: alice, isNote: true, cast: cast).recipients(cast: cast) == [bob])
        #expect(throws: Rejection.notFollower(person: "erin", thread: "T1")) { try item.post(by: erin, isNote: false, cast: cast) }
        #expect(item.canBeSeen(by: dan, cast: cast), "every user sees an item")
        #expect(!item.canBeSeen(by: erin, cast: cast), "a customer sees only what they follow")
    }

    @Test("a customer's message reopens a closed conversation; a user's does not")
    func reopening() throws {
        var thread = try started(customer: true, with: [carol])
        try thread.setClosed(true, by: alice, cast: cast)
        _ = try thread.post(by: alice, isNote: false, cast: cast)
        #expect(thread.isListed(for: alice, in: .closed))
        _ = try thread.post(by: carol, isNote: false, cast: cast)
        #expect(thread.isListed(for: alice, in: .open))
    }

    @Test("only participants write to a conversation; removing a non-member is rejected")
    func participantsOnly() throws {
        var thread = try started(with: [bob])
        #expect(throws: Rejection.notMember(person: "dan", thread: "c1")) { try thread.post(by: dan, isNote: false, cast: cast) }
        #expect(throws: Rejection.notMember(person: "dan", thread: "c1")) { _ = try thread.remove(listed([dan]), by: alice, cast: cast, teams: teams) }
        #expect(throws: Rejection.notMember(person: "dan", thread: "c1")) { try thread.add(listed([bob]), by: dan, cast: cast, teams: teams) }
    }
}

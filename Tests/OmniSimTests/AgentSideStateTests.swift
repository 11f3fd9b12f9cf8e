import Testing
@testable import OmniSim

/// Contract v3, the agent's side, in the state types: takes, conversations on items (the item's
/// followers merged into the members), and the stamp that tells a `view-timeout` timer whether
/// the view it was set for is still on.
@Suite("Contract v3 state: takes, conversations on items, view stamps")
struct AgentSideStateTests {
    // alice, bob, dan, lea are users; kim and lou are customers. Team 0 is 'support'.
    let cast = Cast(
        personNames: ["alice", "bob", "kim", "dan", "lea", "lou"], personKinds: [.user, .user, .customer, .user, .user, .customer],
        threadNames: ["q1", "T9", "n1"], teamNames: ["support"])
    let alice = PersonID(0), bob = PersonID(1), kim = PersonID(2), dan = PersonID(3), lea = PersonID(4), lou = PersonID(5)
    let q1 = ThreadID(0), item = ThreadID(1), n1 = ThreadID(2)
    let support = TeamID(0)
    let noTeams = TeamRoster(members: [[]])

    func conversation(
        _ id: ThreadID, customer: Bool, author: PersonID, with people: [Member], on followers: [PersonID]? = nil,
        teams: TeamRoster? = nil
    ) throws -> ThreadState {
        var thread = ThreadState(id: id)
        try thread.open(
            customer: customer, author: author, listed: people, asDraft: false, cast: cast, teams: teams ?? noTeams,
            on: followers.map { (item, $0) })
        return thread
    }

    // MARK: Takes

    @Test("a take appends the taker at the end of the membership order, in person")
    func takeJoinsAtTheEnd() throws {
        var chat = try conversation(q1, customer: true, author: kim, with: [.person(lou)])
        chat.take(by: dan, teams: noTeams)
        #expect(chat.members == [kim, lou, dan])
        #expect(chat.listed == [.person(kim), .person(lou), .person(dan)])
    }

    @Test("a participant taking again changes nothing")
    func retakeChangesNothing() throws {
        var chat = try conversation(q1, customer: true, author: kim, with: [.person(dan)])
        chat.take(by: dan, teams: noTeams)
        #expect(chat.members == [kim, dan])
        #expect(chat.listed == [.person(kim), .person(dan)])
    }

    @Test("on a conversation on an item, the taker comes after its own entries and before the item's followers")
    func takerBeforeItemFollowers() throws {
        var chat = try conversation(q1, customer: true, author: kim, with: [], on: [bob, lou])
        #expect(chat.members == [kim, bob, lou])
        chat.take(by: dan, teams: noTeams)
        #expect(chat.members == [kim, dan, bob, lou])
    }

    // MARK: Conversations on items

    @Test("merged: the conversation's own members first, then the item's followers not among them, in the item's order")
    func mergedOrder() {
        #expect(ThreadState.merged([alice, bob], [dan, bob, lea]) == [alice, bob, dan, lea])
        #expect(ThreadState.merged([alice], []) == [alice])
        #expect(ThreadState.merged([], [lea, dan]) == [lea, dan])
    }

    @Test("an internal conversation on an item leaves out the item's customers; a customer one keeps them")
    func internalLeavesOutCustomers() throws {
        let internalOne = try conversation(n1, customer: false, author: alice, with: [], on: [bob, kim, dan])
        #expect(internalOne.members == [alice, bob, dan])
        #expect(internalOne.itemFollowers == [bob, dan])
        #expect(internalOne.item == item)
        #expect(!internalOne.canBeSeen(by: kim, cast: cast))
        let customerOne = try conversation(q1, customer: true, author: alice, with: [], on: [bob, kim, dan])
        #expect(customerOne.members == [alice, bob, kim, dan])
        #expect(customerOne.canBeSeen(by: kim, cast: cast))
    }

    @Test("a customer conversation on an item needs a customer, listed or among the item's followers")
    func customerConversationOnItemNeedsACustomer() throws {
        #expect(throws: Rejection.customerConversationNeedsCustomer(thread: "q1")) {
            try conversation(q1, customer: true, author: alice, with: [.person(bob)], on: [dan])
        }
        #expect(throws: Never.self) { try conversation(q1, customer: true, author: alice, with: [.person(bob)], on: [dan, lou]) }
    }

    @Test("a user conversation drafted on an item with a customer listed is rejected at the draft, as without 'on'")
    func draftedInternalWithACustomer() {
        var draft = ThreadState(id: n1)
        #expect(throws: Rejection.customerInUserConversation(person: "kim")) {
            try draft.open(
                customer: false, author: alice, listed: [.person(kim)], asDraft: true, cast: cast, teams: noTeams, on: (item, [bob]))
        }
        #expect(draft.lifecycle == .unused)
    }

    @Test("a customer conversation drafted on an item is checked when sent, against the item's followers then")
    func draftOnItemResolvedWhenSent() throws {
        var draft = ThreadState(id: q1)
        try draft.open(customer: true, author: alice, listed: [.person(bob)], asDraft: true, cast: cast, teams: noTeams, on: (item, [dan]))
        #expect(draft.members.isEmpty, "a draft has no participants")
        #expect(throws: Rejection.customerConversationNeedsCustomer(thread: "q1")) {
            try draft.sendDraft(by: alice, cast: cast, teams: noTeams, itemFollowers: [dan])
        }
        try draft.sendDraft(by: alice, cast: cast, teams: noTeams, itemFollowers: [dan, kim])
        #expect(draft.members == [alice, bob, dan, kim])
    }

    @Test("setItem follows the item's followers as they change, and returns who is no longer a member")
    func followersChangeLater() throws {
        var thread = try conversation(n1, customer: false, author: alice, with: [.person(lea)], on: [bob])
        #expect(thread.setItem(item, followers: [bob, dan], cast: cast, teams: noTeams).isEmpty)
        #expect(thread.members == [alice, lea, bob, dan])
        #expect(thread.setItem(item, followers: [dan, lea, kim], cast: cast, teams: noTeams) == [bob])
        #expect(thread.members == [alice, lea, dan], "lea stays at her own place; kim is a customer")
    }

    @Test("removing someone who is in only through the item is rejected, naming the item; nothing is applied")
    func removeOnlyThroughItem() throws {
        var thread = try conversation(n1, customer: false, author: alice, with: [.person(lea)], on: [bob])
        #expect(throws: Rejection.onlyThroughItem(person: "bob", thread: "n1", item: "T9")) {
            try thread.remove([.person(lea), .person(bob)], by: alice, cast: cast, teams: noTeams)
        }
        #expect(thread.members == [alice, lea, bob])
        #expect(Rejection.onlyThroughItem(person: "bob", thread: "n1", item: "T9").description
            == "'bob' is in 'n1' only as a follower of 'T9'; they leave it as they stop following 'T9'")
    }

    @Test("someone listed in person and following the item stays after removal of their own entry, at the item's place")
    func removeOwnEntryOfAFollower() throws {
        var thread = try conversation(n1, customer: false, author: alice, with: [.person(bob), .person(lea)], on: [dan, bob])
        #expect(thread.members == [alice, bob, lea, dan])
        #expect(try thread.remove([.person(bob)], by: alice, cast: cast, teams: noTeams).isEmpty)
        #expect(thread.members == [alice, lea, dan, bob])
    }

    @Test("adding an item's follower adds no entry of their own, and people added join before the followers")
    func addBeforeFollowers() throws {
        var thread = try conversation(n1, customer: false, author: alice, with: [], on: [bob])
        try thread.add([.person(bob), .person(lea)], by: alice, cast: cast, teams: noTeams)
        #expect(thread.members == [alice, lea, bob])
        #expect(thread.listed == [.person(alice), .person(lea)])
    }

    @Test("a team the conversation lists changes: the item's followers stay after its own members")
    func teamChangeKeepsFollowersLast() throws {
        var teams = TeamRoster(members: [[lea]])
        var thread = try conversation(n1, customer: false, author: alice, with: [.team(support)], on: [bob], teams: teams)
        #expect(thread.members == [alice, lea, bob])
        try teams.add([.known(dan)], to: support, cast: cast)
        #expect(thread.teamsChanged(teams).isEmpty)
        #expect(thread.members == [alice, lea, dan, bob])
    }

    // MARK: View stamps

    @Test("viewStamp counts every view, of any thread, so a view-timeout timer knows whether it was renewed")
    func viewStampCountsViews() {
        var bob = UserState(hasMobile: true)
        #expect(bob.viewStamp == 0)
        bob.view(q1)
        #expect(bob.viewStamp == 1)
        bob.view(n1)
        bob.view(q1)
        #expect(bob.viewStamp == 3, "a view of another thread and back: the timer set at stamp 1 finds 3")
    }

    @Test("reading on mobile, logging in or out and leaving a thread do not count as views")
    func viewStampIgnoresOtherChanges() {
        var bob = UserState(hasMobile: true)
        bob.view(q1)
        bob.stopViewing(q1)
        bob.logOut()
        bob.logIn()
        _ = bob.viewOnMobile(q1)
        #expect(bob.viewStamp == 1)
        #expect(bob.viewing == nil, "logging in again brings no view back")
        #expect(bob.isLoggedIn)
    }

    @Test("stopViewing another thread than the one viewed changes nothing")
    func stopViewingAnotherThread() {
        var bob = UserState()
        bob.view(q1)
        bob.stopViewing(n1)
        #expect(bob.viewing == q1)
        bob.stopViewing(q1)
        #expect(bob.viewing == nil)
        #expect(bob.isLoggedIn, "the user stays logged in")
    }
}

import Testing
@testable import OmniSim

@Suite("Teams (contract v2): a team stands for its members at every moment that asks")
struct TeamMembershipTests {
    // alice, bob, dan, lea are users; carol is a customer. Team 0 is 'support'.
    let cast = Cast(
        personNames: ["alice", "bob", "carol", "dan", "lea"], personKinds: [.user, .user, .customer, .user, .user],
        threadNames: ["c1", "T1"], teamNames: ["support"])
    let alice = PersonID(0), bob = PersonID(1), carol = PersonID(2), dan = PersonID(3), lea = PersonID(4)
    let support = TeamID(0)
    let c1 = ThreadID(0)

    func roster(_ members: [PersonID]) -> TeamRoster { TeamRoster(members: [members]) }

    func conversation(_ listed: [Member], teams: TeamRoster, customer: Bool = false) throws -> ThreadState {
        var thread = ThreadState(id: c1)
        try thread.open(customer: customer, author: alice, listed: listed, asDraft: false, cast: cast, teams: teams)
        return thread
    }

    @Test("a team's members take its place in the membership order; a person reached twice counts once, first")
    func resolution() throws {
        let thread = try conversation([.person(dan), .team(support), .person(bob)], teams: roster([bob, dan, lea]))
        #expect(thread.members == [alice, dan, bob, lea])
        #expect(thread.listed == [.person(alice), .person(dan), .team(support), .person(bob)])
    }

    @Test("leaving the team loses the thread unless one is also listed in person")
    func teamChanges() throws {
        var teams = roster([bob, dan])
        var thread = try conversation([.team(support), .person(bob)], teams: teams)
        try teams.remove([.known(bob), .known(dan)], from: support, cast: cast)
        #expect(thread.teamsChanged(teams) == [dan])
        #expect(thread.members == [alice, bob])
        try teams.add([.known(lea)], to: support, cast: cast)
        #expect(thread.teamsChanged(teams).isEmpty)
        #expect(thread.members == [alice, lea, bob], "a new member stands at the team's place, before bob's own entry")
    }

    @Test("removing someone in only through a team is rejected, naming the team; a direct entry may go")
    func removingPeople() throws {
        let teams = roster([bob, dan])
        var thread = try conversation([.team(support), .person(bob)], teams: teams)
        #expect(throws: Rejection.onlyThroughTeam(person: "dan", thread: "c1", team: "support", isItem: false)) {
            _ = try thread.remove([.person(dan)], by: alice, cast: cast, teams: teams)
        }
        #expect(try thread.remove([.person(bob)], by: alice, cast: cast, teams: teams).isEmpty, "bob stays through the team")
        #expect(thread.members == [alice, bob, dan])
        #expect(throws: Rejection.notMember(person: "lea", thread: "c1")) {
            _ = try thread.remove([.person(lea)], by: alice, cast: cast, teams: teams)
        }
        // A member through the team may remove the team; its members who are not listed go.
        #expect(try thread.remove([.team(support)], by: dan, cast: cast, teams: teams) == [bob, dan])
        #expect(throws: Rejection.teamNotListed(team: "support", thread: "c1")) {
            _ = try thread.remove([.team(support)], by: alice, cast: cast, teams: teams)
        }
    }

    @Test("adding someone already in through a team adds no entry; adding a listed team changes nothing")
    func addingPeople() throws {
        var teams = roster([bob])
        var thread = try conversation([.team(support)], teams: teams)
        try thread.add([.person(bob), .team(support)], by: alice, cast: cast, teams: teams)
        #expect(thread.listed == [.person(alice), .team(support)])
        try teams.remove([.known(bob)], from: support, cast: cast)
        #expect(thread.teamsChanged(teams) == [bob], "bob was never in it in person")
    }

    @Test("unfollowing an item followed only through a team is rejected; a direct follow goes, the team's stays")
    func unfollowing() throws {
        let teams = roster([bob, dan])
        var item = ThreadState(
            item: ItemDeclaration(thread: ThreadID(1), kind: .ticket, title: "", followers: [.team(support), .person(bob)]),
            teams: teams)
        #expect(throws: Rejection.onlyThroughTeam(person: "dan", thread: "T1", team: "support", isItem: true)) {
            _ = try item.setFollowing(false, user: dan, cast: cast, teams: teams)
        }
        #expect(try item.setFollowing(false, user: bob, cast: cast, teams: teams).isEmpty)
        #expect(item.members == [bob, dan])
        #expect(item.listed == [.team(support)])
        // Writing to an item one follows through a team adds no direct follow.
        _ = try item.post(by: dan, isNote: false, cast: cast)
        #expect(item.listed == [.team(support)])
    }

    @Test("a team in a draft is resolved when the draft is sent")
    func drafts() throws {
        var teams = roster([bob])
        var thread = ThreadState(id: c1)
        try thread.open(customer: false, author: alice, listed: [.team(support)], asDraft: true, cast: cast, teams: teams)
        try teams.add([.known(dan)], to: support, cast: cast)
        try thread.sendDraft(by: alice, cast: cast, teams: teams)
        #expect(thread.members == [alice, bob, dan])
    }

    @Test("a customer conversation needs a customer in person; an empty team is accepted")
    func customerConversation() throws {
        let teams = roster([])
        #expect(throws: Rejection.customerConversationNeedsCustomer(thread: "c1")) {
            _ = try conversation([.team(support)], teams: teams, customer: true)
        }
        #expect(try conversation([.team(support)], teams: teams).members == [alice])
    }

    @Test("only users join a team; adding a member changes nothing; removing a non-member is rejected")
    func roster() throws {
        var teams = roster([bob])
        #expect(throws: Rejection.onlyUsers(person: "carol", action: "join teams")) {
            try teams.add([.known(dan), .known(carol)], to: support, cast: cast)
        }
        #expect(teams.members(of: support) == [bob], "a rejected change applies nothing, not even dan")
        #expect(throws: Rejection.teamActs(team: "support", action: "join teams")) {
            try teams.add([.team(support)], to: support, cast: cast)
        }
        try teams.add([.known(bob), .known(dan)], to: support, cast: cast)
        #expect(teams.members(of: support) == [bob, dan])
        #expect(throws: Rejection.notTeamMember(person: "lea", team: "support")) {
            try teams.remove([.known(lea)], from: support, cast: cast)
        }
    }
}

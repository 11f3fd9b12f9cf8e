/// Who is in a scenario and what each thread slot is called: fixed before a run starts.
///
/// Shared read-only by every actor of a simulation (all stored properties are immutable `let`s of
/// Sendable values, so the compiler checks the conformance).
public final class Cast: Sendable {
    /// Each person's name, by ``PersonID``.
    public let personNames: [String]
    /// Each person's kind, by ``PersonID``.
    public let personKinds: [PersonKind]
    /// Each thread slot's name, by ``ThreadID``.
    public let threadNames: [String]
    /// Each team's name, by ``TeamID`` (contract v2).
    public let teamNames: [String]

    public init(personNames: [String], personKinds: [PersonKind], threadNames: [String], teamNames: [String] = []) {
        precondition(personNames.count == personKinds.count, "one kind per person")
        self.personNames = personNames
        self.personKinds = personKinds
        self.threadNames = threadNames
        self.teamNames = teamNames
    }

    public func name(of person: PersonID) -> String { personNames[person.int] }
    public func name(of thread: ThreadID) -> String { threadNames[thread.int] }
    public func name(of team: TeamID) -> String { teamNames[team.int] }
    /// A membership entry's name: the person's or the team's.
    public func name(of member: Member) -> String {
        switch member {
        case .person(let person): name(of: person)
        case .team(let team): name(of: team)
        }
    }
    public func kind(of person: PersonID) -> PersonKind { personKinds[person.int] }
    public func isUser(_ person: PersonID) -> Bool { personKinds[person.int] == .user }
    public func isCustomer(_ person: PersonID) -> Bool { personKinds[person.int] == .customer }
}

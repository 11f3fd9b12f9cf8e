/// Every team of a run and its members, in each team's order (contract v2, "Teams"): declared at
/// the top of a file, changed by `adds … to team` and `removes … from team` events.
///
/// Owned by the run (one value, changed only by the driver between actor calls); a thread that
/// lists a team resolves it against the roster at each moment that asks. Each mutating method
/// checks all of its rules before it changes anything.
public struct TeamRoster: Sendable, Equatable {
    /// Members by ``TeamID``, in the team's order: declaration order, then additions at the end.
    public private(set) var members: [[PersonID]]

    public init(members: [[PersonID]] = []) { self.members = members }

    public var isEmpty: Bool { members.isEmpty }

    public func members(of team: TeamID) -> [PersonID] { members[team.int] }

    public func contains(_ person: PersonID, in team: TeamID) -> Bool { members[team.int].contains(person) }

    /// Adds users to a team, in order; a current member changes nothing. Only users join teams.
    public mutating func add(_ people: [PersonRef], to team: TeamID, cast: Cast) throws(Rejection) {
        let ids = try Self.users(people, action: "join teams", cast: cast)
        for id in ids where !members[team.int].contains(id) { members[team.int].append(id) }
    }

    /// Removes people from a team; removing someone who is not a member is rejected.
    public mutating func remove(_ people: [PersonRef], from team: TeamID, cast: Cast) throws(Rejection) {
        let ids = try Self.users(people, action: "leave teams", cast: cast)
        for id in ids where !members[team.int].contains(id) {
            throw .notTeamMember(person: cast.name(of: id), team: cast.name(of: team))
        }
        members[team.int].removeAll { ids.contains($0) }
    }

    /// A thread's membership list resolved: each person once, at their first place, each team
    /// standing for its members now.
    public func resolve(_ listed: [Member]) -> [PersonID] {
        var resolved: [PersonID] = []
        resolved.reserveCapacity(listed.count)
        for entry in listed {
            switch entry {
            case .person(let person): if !resolved.contains(person) { resolved.append(person) }
            case .team(let team): for person in members[team.int] where !resolved.contains(person) { resolved.append(person) }
            }
        }
        return resolved
    }

    /// The first team in `listed` that has `person` as a member (the one that gives membership).
    public func team(giving person: PersonID, in listed: [Member]) -> TeamID? {
        for case .team(let team) in listed where members[team.int].contains(person) { return team }
        return nil
    }

    private static func users(_ people: [PersonRef], action: String, cast: Cast) throws(Rejection) -> [PersonID] {
        var ids: [PersonID] = []
        for ref in people {
            switch ref {
            case .known(let id):
                guard cast.isUser(id) else { throw .onlyUsers(person: cast.name(of: id), action: action) }
                ids.append(id)
            case .unknown(let name): throw .unknownPerson(name)
            case .team(let team): throw .teamActs(team: cast.name(of: team), action: action)
            }
        }
        return ids
    }
}

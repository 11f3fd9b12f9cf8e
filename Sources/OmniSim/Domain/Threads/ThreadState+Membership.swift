extension ThreadState {
    /// Adds people and teams. To a conversation, `by` must be a user participant; to an item, any
    /// user. Adding a current member (directly or through a team) or a team already listed changes
    /// nothing; a customer never joins a user conversation.
    public mutating func add(_ entries: [Member], by actor: PersonID, cast: Cast, teams: TeamRoster) throws(Rejection) {
        try requireLive(cast)
        try requireManager(actor, action: "add people", cast: cast)
        if kind == .userConversation {
            for case .person(let person) in entries where cast.isCustomer(person) {
                throw .customerInUserConversation(person: cast.name(of: person))
            }
        }
        for entry in entries {
            switch entry {
            case .person(let person):
                if !members.contains(person) { join(person) }
            case .team(let team):
                guard !listed.contains(entry) else { continue }
                listed.append(entry)
                for person in teams.members(of: team) where !members.contains(person) { members.append(person) }
            }
        }
        if item != nil { syncMembers(teams) }
    }

    /// Removes people and teams, returning who is no longer a member. Removing someone not in the
    /// thread, someone who is in only through a team, a team not listed, or the last customer of a
    /// customer conversation is rejected (and nothing of the event is applied). Someone removed
    /// directly who is also in through a team stays.
    public mutating func remove(
        _ entries: [Member], by actor: PersonID, cast: Cast, teams: TeamRoster
    ) throws(Rejection) -> [PersonID] {
        try requireLive(cast)
        try requireManager(actor, action: "remove people", cast: cast)
        for entry in entries where !listed.contains(entry) {
            switch entry {
            case .person(let person):
                if members.contains(person), let team = teams.team(giving: person, in: listed) {
                    throw .onlyThroughTeam(
                        person: cast.name(of: person), thread: cast.name(of: id), team: cast.name(of: team), isItem: isItem)
                }
                if let item, itemFollowers.contains(person) {
                    throw .onlyThroughItem(person: cast.name(of: person), thread: cast.name(of: id), item: cast.name(of: item))
                }
                throw isItem
                    ? .notFollower(person: cast.name(of: person), thread: cast.name(of: id))
                    : .notMember(person: cast.name(of: person), thread: cast.name(of: id))
            case .team(let team):
                throw .teamNotListed(team: cast.name(of: team), thread: cast.name(of: id))
            }
        }
        let remainingListed = listed.filter { !entries.contains($0) }
        let remaining = Self.merged(teams.resolve(remainingListed), itemFollowers)
        if kind == .customerConversation, !remaining.contains(where: cast.isCustomer) {
            for case .person(let last) in entries where cast.isCustomer(last) {
                throw .lastCustomer(person: cast.name(of: last), thread: cast.name(of: id))
            }
        }
        let lost = members.filter { !remaining.contains($0) }
        listed = remainingListed
        members = remaining
        return lost
    }

    /// A user follows (or stops following) an item; repeating the current state changes nothing.
    /// Returns who is no longer a follower. Unfollowing an item one follows only through a team is
    /// rejected; one followed directly and through a team keeps following through the team.
    public mutating func setFollowing(
        _ follow: Bool, user: PersonID, cast: Cast, teams: TeamRoster
    ) throws(Rejection) -> [PersonID] {
        try requireLive(cast)
        guard cast.isUser(user) else {
            throw .onlyUsers(person: cast.name(of: user), action: follow ? "follow items" : "unfollow items")
        }
        guard isItem else { throw .itemOnly(thread: cast.name(of: id), what: "have followers") }
        if follow {
            if !isMember(user) { join(user) }
            return []
        }
        guard listed.contains(.person(user)) else {
            if isMember(user), let team = teams.team(giving: user, in: listed) {
                throw .onlyThroughTeam(person: cast.name(of: user), thread: cast.name(of: id), team: cast.name(of: team), isItem: true)
            }
            return []
        }
        listed.removeAll { $0 == .person(user) }
        members = teams.resolve(listed)
        return members.contains(user) ? [] : [user]
    }

    /// A team this thread lists has changed: its members are resolved again. Returns who is no
    /// longer a member.
    public mutating func teamsChanged(_ teams: TeamRoster) -> [PersonID] {
        guard isLive, listed.contains(where: { if case .team = $0 { true } else { false } }) else { return [] }
        let resolved = Self.merged(teams.resolve(listed), itemFollowers)
        let lost = members.filter { !resolved.contains($0) }
        members = resolved
        return lost
    }

    /// The team through which `person` is a member, when they are not listed in person.
    public func team(giving person: PersonID, teams: TeamRoster) -> TeamID? {
        guard isLive, !listed.contains(.person(person)) else { return nil }
        return teams.team(giving: person, in: listed)
    }

    /// A person who is not a member yet joins at the end, in person. On a conversation on an item
    /// the caller then calls ``syncMembers(_:)`` (the item's followers come after its own members).
    mutating func join(_ person: PersonID) {
        listed.append(.person(person))
        members.append(person)
    }

    /// v3: the conversation's own members (its list resolved), then its item's followers not among
    /// them, in the item's order.
    static func merged(_ own: [PersonID], _ followers: [PersonID]) -> [PersonID] {
        guard !followers.isEmpty else { return own }
        var all = own
        for person in followers where !all.contains(person) { all.append(person) }
        return all
    }

    /// v3: the members again from the list and the item's followers (after a change of either).
    mutating func syncMembers(_ teams: TeamRoster) {
        members = Self.merged(teams.resolve(listed), itemFollowers)
    }

    /// v3: this conversation is on `item`, whose followers (customers left out of a user
    /// conversation) are now `followers`. Returns who is no longer a member.
    public mutating func setItem(_ item: ThreadID, followers: [PersonID], cast: Cast, teams: TeamRoster) -> [PersonID] {
        self.item = item
        itemFollowers = kind == .userConversation ? followers.filter(cast.isUser) : followers
        guard isLive else { return [] }
        let before = members
        syncMembers(teams)
        return before.filter { !members.contains($0) }
    }

    /// v3 `takes`: a user who is not a member joins at the end of the membership order. The caller
    /// has checked that they may (``mayView(_:seesAllCustomerThreads:)``) and that it is a
    /// customer conversation.
    public mutating func take(by user: PersonID, teams: TeamRoster) {
        guard !isMember(user) else { return }
        listed.append(.person(user))
        if item != nil { syncMembers(teams) } else { members.append(user) }
    }

    /// Whether `person` may view this thread: a participant, or (an item) a follower.
    public func checkViewer(_ person: PersonID, cast: Cast, seesAllCustomerThreads: Bool = false) throws(Rejection) {
        if mayView(person, seesAllCustomerThreads: seesAllCustomerThreads) { return }
        try requireLive(cast)
        throw isItem
            ? .notFollower(person: cast.name(of: person), thread: cast.name(of: id))
            : .notMember(person: cast.name(of: person), thread: cast.name(of: id))
    }

    /// Who may see this thread now: its participants; for an item, every user and its customer followers.
    /// With `customer-messages all` (`seesAllCustomerThreads`) a user also sees every customer
    /// conversation.
    public func canBeSeen(by person: PersonID, cast: Cast, seesAllCustomerThreads: Bool = false) -> Bool {
        guard isLive else { return false }
        return isMember(person) || (isItem && cast.isUser(person)) || (seesAllCustomerThreads && reachedByAll)
    }

    /// Whether `user`'s Messenger view lists this thread now.
    public func isListed(for user: PersonID, in view: InboxView) -> Bool {
        guard isLive, isMember(user) else { return false }
        switch view {
        case .internal: return kind == .userConversation
        case .open: return kind == .customerConversation && !isClosed
        case .closed: return kind == .customerConversation && isClosed
        case .items: return isItem
        }
    }

    private func requireManager(_ actor: PersonID, action: String, cast: Cast) throws(Rejection) {
        guard cast.isUser(actor) else { throw .onlyUsers(person: cast.name(of: actor), action: action) }
        if !isItem && !isMember(actor) {
            throw .notMember(person: cast.name(of: actor), thread: cast.name(of: id))
        }
    }
}

extension ThreadState {
    /// Adds people. To a conversation, `by` must be a user participant; to an item, any user.
    /// Adding a current member changes nothing; a customer never joins a user conversation.
    public mutating func add(_ people: [PersonID], by actor: PersonID, cast: Cast) throws(Rejection) {
        try requireLive(cast)
        try requireManager(actor, action: "add people", cast: cast)
        if kind == .userConversation, let outsider = people.first(where: cast.isCustomer) {
            throw .customerInUserConversation(person: cast.name(of: outsider))
        }
        for person in people where !members.contains(person) { members.append(person) }
    }

    /// Removes people. Removing someone not in the thread, or the last customer of a customer
    /// conversation, is rejected (and nothing of the event is applied).
    public mutating func remove(_ people: [PersonID], by actor: PersonID, cast: Cast) throws(Rejection) {
        try requireLive(cast)
        try requireManager(actor, action: "remove people", cast: cast)
        for person in people where !members.contains(person) {
            throw isItem
                ? .notFollower(person: cast.name(of: person), thread: cast.name(of: id))
                : .notMember(person: cast.name(of: person), thread: cast.name(of: id))
        }
        let remaining = members.filter { !people.contains($0) }
        if kind == .customerConversation, !remaining.contains(where: cast.isCustomer),
           let last = people.first(where: cast.isCustomer) {
            throw .lastCustomer(person: cast.name(of: last), thread: cast.name(of: id))
        }
        members = remaining
    }

    /// A user follows (or stops following) an item; repeating the current state changes nothing.
    public mutating func setFollowing(_ follow: Bool, user: PersonID, cast: Cast) throws(Rejection) {
        try requireLive(cast)
        guard cast.isUser(user) else {
            throw .onlyUsers(person: cast.name(of: user), action: follow ? "follow items" : "unfollow items")
        }
        guard isItem else { throw .itemOnly(thread: cast.name(of: id), what: "have followers") }
        if follow {
            if !isMember(user) { members.append(user) }
        } else {
            members.removeAll { $0 == user }
        }
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

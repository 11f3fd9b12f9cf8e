extension ThreadState {
    /// Starts (sends at once) or drafts a direct conversation. `listed` may repeat the author or a
    /// person; each counts once.
    ///
    /// v3: `on` is the item it is on and that item's followers now (for a draft, again when sent).
    public mutating func open(
        customer: Bool, author: PersonID, listed: [Member], asDraft: Bool, cast: Cast, teams: TeamRoster,
        on: (item: ThreadID, followers: [PersonID])? = nil
    ) throws(Rejection) {
        try requireUnused(cast)
        let entries = Self.membership(author: author, listed: listed)
        let followers = on.map { customer ? $0.followers : $0.followers.filter(cast.isUser) } ?? []
        let members = Self.merged(teams.resolve(entries), followers)
        // A customer conversation drafted on an item is checked when sent, against the item's
        // followers then (they may bring its customer). A user conversation is checked now: the
        // item brings it no customer, so a customer listed in a draft is rejected as without `on`.
        if !asDraft || on == nil || !customer { try Self.validate(customer: customer, members: members, author: author, cast: cast, thread: id) }
        if let on {
            item = on.item
            itemFollowers = followers
        }
        kind = customer ? .customerConversation : .userConversation
        if asDraft {
            lifecycle = .draft(author: author, listed: listed)
        } else {
            lifecycle = .live
            self.listed = entries
            self.members = members
        }
    }

    /// Sends a draft: its people (its teams, resolved now) become participants. The caller then
    /// posts the first message.
    ///
    /// v3: `itemFollowers` are the followers of the item it is on, now.
    public mutating func sendDraft(by author: PersonID, cast: Cast, teams: TeamRoster, itemFollowers followers: [PersonID] = []) throws(Rejection) {
        let drafted = try requireDraft(by: author, cast: cast)
        let entries = Self.membership(author: author, listed: drafted)
        let kept = kind == .userConversation ? followers.filter(cast.isUser) : followers
        let resolved = Self.merged(teams.resolve(entries), kept)
        if item != nil {
            try Self.validate(customer: kind == .customerConversation, members: resolved, author: author, cast: cast, thread: id)
        }
        itemFollowers = kept
        lifecycle = .live
        listed = entries
        members = resolved
    }

    /// Cancels a draft; nothing is sent and the name stays taken.
    public mutating func cancelDraft(by author: PersonID, cast: Cast) throws(Rejection) {
        _ = try requireDraft(by: author, cast: cast)
        lifecycle = .cancelled
    }

    /// Closes or reopens a customer conversation; `by` must be a user participant.
    public mutating func setClosed(_ closed: Bool, by person: PersonID, cast: Cast) throws(Rejection) {
        try requireLive(cast)
        guard kind == .customerConversation else { throw .notCustomerConversation(thread: cast.name(of: id)) }
        guard cast.isUser(person) else {
            throw .onlyUsers(person: cast.name(of: person), action: closed ? "close conversations" : "reopen conversations")
        }
        guard isMember(person) else { throw .notMember(person: cast.name(of: person), thread: cast.name(of: id)) }
        isClosed = closed
    }

    func requireUnused(_ cast: Cast) throws(Rejection) {
        guard lifecycle == .unused else { throw .nameTaken(name: cast.name(of: id), byPerson: false) }
    }

    /// Rejects anything that is not a live thread: unknown names, drafts and cancelled drafts.
    func requireLive(_ cast: Cast) throws(Rejection) {
        switch lifecycle {
        case .live: return
        case .unused: throw .unknownThread(cast.name(of: id))
        case .draft: throw .threadIsDraft(thread: cast.name(of: id))
        case .cancelled: throw .threadIsCancelledDraft(thread: cast.name(of: id))
        }
    }

    private func requireDraft(by author: PersonID, cast: Cast) throws(Rejection) -> [Member] {
        switch lifecycle {
        case .draft(let drafter, let listed):
            guard drafter == author else {
                throw .draftNotByAuthor(thread: cast.name(of: id), author: cast.name(of: drafter))
            }
            return listed
        case .cancelled: throw .threadIsCancelledDraft(thread: cast.name(of: id))
        case .unused: throw .unknownThread(cast.name(of: id))
        case .live: throw .notADraft(thread: cast.name(of: id))
        }
    }

    /// The author, then the listed people and teams, each entry once.
    static func membership(author: PersonID, listed: [Member]) -> [Member] {
        var entries: [Member] = [.person(author)]
        for entry in listed where !entries.contains(entry) { entries.append(entry) }
        return entries
    }

    static func validate(
        customer: Bool, members: [PersonID], author: PersonID, cast: Cast, thread: ThreadID
    ) throws(Rejection) {
        if customer {
            guard members.contains(where: cast.isCustomer) else {
                throw .customerConversationNeedsCustomer(thread: cast.name(of: thread))
            }
        } else if let outsider = members.first(where: cast.isCustomer) {
            throw .customerInUserConversation(person: cast.name(of: outsider))
        }
    }
}

extension ThreadState {
    /// Posts a message (or, with `isNote`, an internal note on an item) by `author`, mentioning
    /// `mentioned` (v2: people, and teams, each standing for its members now).
    ///
    /// Any user may write to or note an item and so becomes its follower; a customer writes only to
    /// items they follow and to conversations they take part in. A customer's message reopens a
    /// closed conversation. Recipients are the members minus the author (users only for a note).
    public mutating func post(
        by author: PersonID, isNote: Bool, cast: Cast, mentioning mentioned: [Member] = [], teams: TeamRoster = TeamRoster()
    ) throws(Rejection) -> Posting {
        try requireLive(cast)
        let isUser = cast.isUser(author)
        if isNote {
            guard isUser else { throw .onlyUsers(person: cast.name(of: author), action: "write internal notes") }
            guard isItem else { throw .itemOnly(thread: cast.name(of: id), what: "take internal notes") }
        }
        if !isMember(author) {
            if isItem && isUser {
                join(author)
            } else if isItem {
                throw .notFollower(person: cast.name(of: author), thread: cast.name(of: id))
            } else {
                throw .notMember(person: cast.name(of: author), thread: cast.name(of: id))
            }
        }
        // Mentions (v2): after the writer's own follow, each mentioned user who is not a member yet
        // joins at the end, in the order of the mentions, before the deliveries.
        let mentions = Self.mentions(mentioned, teams: teams)
        var added: [PersonID] = []
        for mention in mentions where cast.isUser(mention.person) && mention.person != author && !isMember(mention.person) {
            join(mention.person)
            added.append(mention.person)
        }
        if item != nil && !added.isEmpty { syncMembers(teams) }
        if !isUser && isClosed { isClosed = false }
        messageCount += 1
        return Posting(
            number: messageCount, members: members, author: author, isNote: isNote,
            inUserConversation: kind == .userConversation, mentions: mentions, addedByMention: added)
    }

    /// Each person `mentioned` names, in order, with the team that named them (a person named
    /// twice keeps the first).
    static func mentions(_ mentioned: [Member], teams: TeamRoster) -> [Mention] {
        if mentioned.isEmpty { return [] }
        var mentions: [Mention] = []
        for member in mentioned {
            switch member {
            case .person(let person): mentions.append(Mention(person: person))
            case .team(let team): mentions += teams.members(of: team).map { Mention(person: $0, team: team) }
            }
        }
        return mentions
    }
}

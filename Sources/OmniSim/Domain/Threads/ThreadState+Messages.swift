extension ThreadState {
    /// Posts a message (or, with `isNote`, an internal note on an item) by `author`.
    ///
    /// Any user may write to or note an item and so becomes its follower; a customer writes only to
    /// items they follow and to conversations they take part in. A customer's message reopens a
    /// closed conversation. Recipients are the members minus the author (users only for a note).
    public mutating func post(
        by author: PersonID, isNote: Bool, cast: Cast, mentioning mentioned: [PersonID] = []
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
        var added: [PersonID] = []
        for person in mentioned where cast.isUser(person) && person != author && !isMember(person) {
            join(person)
            added.append(person)
        }
        if !isUser && isClosed { isClosed = false }
        messageCount += 1
        return Posting(
            number: messageCount, members: members, author: author, isNote: isNote,
            inUserConversation: kind == .userConversation, addedByMention: added)
    }
}

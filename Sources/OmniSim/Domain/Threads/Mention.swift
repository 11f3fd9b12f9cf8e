/// How a message mentions one user (v2 mentions, `@name` in its text): by name, or as a member of
/// a team it mentions. Resolved when the message is posted (``ThreadState/post(by:isNote:cast:mentioning:teams:)``),
/// so the rules know who was mentioned and why.
public struct Mention: Sendable, Equatable {
    public var person: PersonID
    /// The team mentioned that gave this person the mention; nil when they were mentioned by name.
    public var team: TeamID?

    public init(person: PersonID, team: TeamID? = nil) {
        self.person = person
        self.team = team
    }
}

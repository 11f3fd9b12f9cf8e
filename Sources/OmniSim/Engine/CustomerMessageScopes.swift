/// Each user's own `customer-messages` setting, mirrored for the driver: who gets every customer
/// message (`all`) must be known at each posting without asking every user's actor. Kept in step
/// with the users' own settings by the driver (top-level lines and timed `set` events).
struct CustomerMessageScopes {
    /// By person: their own setting, or nil where they never set one.
    private var own: [CustomerMessages?]
    /// How many people's own setting is `all`.
    private var ownAllCount = 0

    init(plan: ScenarioPlan) {
        own = plan.personSetup.map(\.settings.customerMessages)
        ownAllCount = own.filter { $0 == .all }.count
    }

    /// Whether anybody's effective setting might be `all` (a cheap test before a search).
    func anyAll(everyone: UserSettings) -> Bool { ownAllCount > 0 || everyone.customerMessages == .all }

    /// `person`'s effective setting is `all` (their own wins over everyone's).
    func isAll(_ person: PersonID, everyone: UserSettings) -> Bool {
        // Nobody's own setting is `all` and everyone's is not: nobody's is (without reading the
        // person's entry, a cache miss per view with a million people).
        if ownAllCount == 0 && everyone.customerMessages != .all { return false }
        return (own[person.int] ?? everyone.customerMessages ?? .mine) == .all
    }

    mutating func set(_ person: PersonID, _ scope: CustomerMessages) {
        if own[person.int] == .all { ownAllCount -= 1 }
        own[person.int] = scope
        if scope == .all { ownAllCount += 1 }
    }
}

/// Why an event broke a rule of the contract and was rejected (it changes nothing).
///
/// The text of each case is what `at T expect error "…"` matches against; names are quoted.
public enum Rejection: Error, Sendable, Equatable, CustomStringConvertible {
    case customerConversationNeedsCustomer(thread: String)
    case customerInUserConversation(person: String)
    case draftNotByAuthor(thread: String, author: String)
    case itemOnly(thread: String, what: String)
    case lastCustomer(person: String, thread: String)
    case nameTaken(name: String, byPerson: Bool)
    case nameTakenByTeam(name: String)
    case noMobileApp(person: String)
    case notADraft(thread: String)
    case notCustomerConversation(thread: String)
    case notFollower(person: String, thread: String)
    case notMember(person: String, thread: String)
    case notTeamMember(person: String, team: String)
    case onlyThroughTeam(person: String, thread: String, team: String, isItem: Bool)
    case teamActs(team: String, action: String)
    case teamNotListed(team: String, thread: String)
    case unknownTeam(String)
    case onlyCustomers(person: String, action: String)
    case onlyUsers(person: String, action: String)
    case threadIsCancelledDraft(thread: String)
    case threadIsDraft(thread: String)
    case unknownPerson(String)
    case unknownThread(String)
    /// v3: removing someone who is in a conversation only as a follower of its item.
    case onlyThroughItem(person: String, thread: String, item: String)
    /// v3 `takes`: why the user may not take the conversation (the reason in words).
    case cannotTake(person: String, thread: String, reason: String)
    /// v3 `links`: a conversation is on one item at most.
    case alreadyOnItem(thread: String, item: String)
    /// v3: an item where a conversation was needed (`links`, `takes`).
    case notAConversation(thread: String, what: String)
    /// v3 roles: `A sets B …` by someone who may not.
    case notAdmin(person: String, whose: String)
    /// v3: a setting a customer cannot have (they have `email`, `email-after`, `email-batch`):
    /// `set kim …` (the customer's name), or `set customers …` (nil).
    case settingNotForCustomers(setting: String, customer: String?)
    /// Issue 23: a take that would put the user over their `chat-capacity`.
    case overChatCapacity(person: String, thread: String, openChats: Int, capacity: Int)

    public var description: String {
        switch self {
        case .customerConversationNeedsCustomer(let thread):
            "a customer conversation needs at least one customer; '\(thread)' has none"
        case .customerInUserConversation(let person):
            "customers cannot be in a user conversation; '\(person)' is a customer"
        case .draftNotByAuthor(let thread, let author):
            "only '\(author)', who drafted '\(thread)', can send or cancel it"
        case .itemOnly(let thread, let what):
            "'\(thread)' is not an item; only tickets, tasks and projects \(what)"
        case .lastCustomer(let person, let thread):
            "cannot remove '\(person)', the last customer of '\(thread)'"
        case .noMobileApp(let person):
            "'\(person)' has no mobile app; reading on mobile needs 'mobile \(person)'"
        case .nameTaken(let name, let byPerson):
            "the name '\(name)' is already taken by \(byPerson ? "a person" : "a thread")"
        case .nameTakenByTeam(let name):
            "the name '\(name)' is already taken by a team"
        case .notTeamMember(let person, let team):
            "'\(person)' is not a member of team '\(team)'"
        case .onlyThroughTeam(let person, let thread, let team, let isItem):
            "'\(person)' \(isItem ? "follows" : "is in") '\(thread)' only through team '\(team)'"
        case .teamActs(let team, let action):
            "a team cannot \(action); '\(team)' is a team"
        case .teamNotListed(let team, let thread):
            "team '\(team)' is not in '\(thread)'"
        case .unknownTeam(let name):
            "unknown team '\(name)'"
        case .notADraft(let thread):
            "'\(thread)' is not a draft"
        case .notCustomerConversation(let thread):
            "only customer conversations close or reopen; '\(thread)' is not one"
        case .notFollower(let person, let thread):
            "'\(person)' does not follow '\(thread)'"
        case .notMember(let person, let thread):
            "'\(person)' is not a participant of '\(thread)'"
        case .onlyCustomers(let person, let action):
            "only customers \(action); '\(person)' is a user"
        case .onlyUsers(let person, let action):
            "only users \(action); '\(person)' is a customer"
        case .threadIsCancelledDraft(let thread):
            "'\(thread)' is a cancelled draft"
        case .threadIsDraft(let thread):
            "'\(thread)' is a draft that has not been sent"
        case .unknownPerson(let name):
            "unknown person '\(name)'"
        case .unknownThread(let name):
            "unknown thread '\(name)'"
        case .onlyThroughItem(let person, let thread, let item):
            "'\(person)' is in '\(thread)' only as a follower of '\(item)'; they leave it as they stop following '\(item)'"
        case .cannotTake(let person, let thread, let reason):
            "\(person) cannot take \(thread): \(reason)"
        case .alreadyOnItem(let thread, let item):
            "'\(thread)' is already on '\(item)'; a conversation is on one item at most"
        case .notAConversation(let thread, let what):
            "'\(thread)' is an item; only conversations \(what)"
        case .notAdmin(let person, let whose):
            "only an admin can change \(whose) settings (\(person) is not an admin)"
        case .settingNotForCustomers(let setting, let customer):
            "'\(setting)' applies to users only; \(customer.map { "a customer (\($0))" } ?? "customers") "
                + "\(customer == nil ? "have" : "has") only 'email', 'email-after' and 'email-batch'"
        case .overChatCapacity(let person, let thread, let openChats, let capacity):
            "\(person) cannot take \(thread): "
                + ChatCapacityRefusal(openChats: openChats, capacity: capacity).message(agent: person)
        }
    }
}

/// Who may change a setting, and which settings a customer has (contract v3, "Roles" and
/// "Customers' own settings"): the rule a run applies (`SimulationDriver.settingBy`,
/// `applyCustomerSetting`, `checkCustomersSetting`) and `omnisim check` predicts from the plan
/// alone — who is an admin and who is a customer never change during a run.
public enum SettingRights {
    /// Whose setting changes.
    public enum Owner: Sendable, Equatable {
        case everyone
        case customers
        case person(PersonID)
    }

    /// Why `actor` may not change `owner`'s setting (nil: they may): an admin changes anyone's;
    /// anyone else only their own.
    public static func roleRejection(actor: PersonID, isAdmin: Bool, owner: Owner, cast: Cast) -> Rejection? {
        guard !isAdmin else { return nil }
        let name = cast.name(of: actor)
        switch owner {
        case .everyone: return .notAdmin(person: name, whose: "everyone's")
        case .customers: return .notAdmin(person: name, whose: "the customers'")
        case .person(let person): return person == actor ? nil : .notAdmin(person: name, whose: "\(cast.name(of: person))'s")
        }
    }

    /// Why `owner` may not have `change` (nil: they may): a customer, and `customers`, have
    /// `email`, `email-after` and `email-batch` only.
    public static func customerRejection(owner: Owner, change: SettingChange, cast: Cast) -> Rejection? {
        guard !change.appliesToCustomers else { return nil }
        switch owner {
        case .customers: return .settingNotForCustomers(setting: change.settingWord, customer: nil)
        case .person(let person) where cast.isCustomer(person):
            return .settingNotForCustomers(setting: change.settingWord, customer: cast.name(of: person))
        case .person, .everyone: return nil
        }
    }
}

extension SettingChange {
    /// Whether a customer may have this setting (v3: `email`, `email-after`, `email-batch`).
    public var appliesToCustomers: Bool {
        switch self {
        case .email, .emailAfter, .emailBatch: true
        case .bubble, .push, .customerMessages, .mentionEmail, .viewTimeout, .chatCapacity: false
        }
    }

    /// The setting's word in a `set` line (`view-timeout`), for a rejection's text.
    public var settingWord: String {
        switch self {
        case .bubble: "bubble"
        case .email: "email"
        case .push: "push"
        case .emailAfter: "email-after"
        case .customerMessages: "customer-messages"
        case .emailBatch: "email-batch"
        case .mentionEmail: "mention-email"
        case .viewTimeout: "view-timeout"
        case .chatCapacity: "chat-capacity"
        }
    }
}

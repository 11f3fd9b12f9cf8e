/// What a file's settings let its messages fan out to, read before anything runs: how many users
/// may get every customer message (`customer-messages all`, from `set everyone`, `set NAME` or a
/// timed `at T set …` that could switch it on), and how long a delivery to a user may hold its
/// fallback deadline (the longest `email-after` anyone may have, plus the longest `email-batch`).
///
/// Both are upper bounds over every setting the file writes, whenever it takes effect: nothing of
/// the order of the lines is taken into account.
public struct FanOut: Sendable, Equatable {
    /// Users who may be extra recipients of every customer message in a customer conversation or item.
    public var everyCustomerMessageUsers: Int
    /// How long a user's delivery may wait for its deadline, and its batch (``SimDuration`` of
    /// `email-after` plus `email-batch`; the contract's default is one minute).
    public var deadlineWindow: SimDuration

    public init(everyCustomerMessageUsers: Int = 0, deadlineWindow: SimDuration = .minutes(1)) {
        self.everyCustomerMessageUsers = everyCustomerMessageUsers
        self.deadlineWindow = deadlineWindow
    }

    /// Gathers the settings a file writes (top level or timed, for everyone or for one person
    /// named by `Name`: a name as written, or an id) and says what they allow.
    public struct Gatherer<Name: Hashable> {
        private var everyoneAll = false
        private var namedAll = Set<Name>()
        private var emailAfterMax = SimDuration.minutes(1)  // the contract's default
        private var emailBatchMax = SimDuration.zero

        public init() {}

        /// A `set` for `person` (nil: everyone), wherever and whenever the file writes it.
        public mutating func take(_ change: SettingChange, for person: Name?) {
            switch change {
            case .customerMessages(.all):
                if let person { namedAll.insert(person) } else { everyoneAll = true }
            case .emailAfter(let delay):
                emailAfterMax = max(emailAfterMax, delay)
            case .emailBatch(let window):
                emailBatchMax = max(emailBatchMax, window)
            case .customerMessages, .bubble, .email, .push, .mentionEmail, .viewTimeout, .chatCapacity:  // a mention emailed at once waits for no deadline
                break
            }
        }

        /// Settings as a plan holds them (each field set or not).
        public mutating func take(_ settings: UserSettings, for person: Name?) {
            if let scope = settings.customerMessages { take(.customerMessages(scope), for: person) }
            if let delay = settings.emailAfter { take(.emailAfter(delay), for: person) }
            if let window = settings.emailBatch { take(.emailBatch(window), for: person) }
        }

        /// What the settings allow in a run of `users` users (declared and generated).
        public func fanOut(users: Int) -> FanOut {
            FanOut(
                everyCustomerMessageUsers: everyoneAll ? users : min(users, namedAll.count),
                deadlineWindow: emailAfterMax + emailBatchMax)
        }
    }

    /// What `plan`'s settings allow: its top-level settings and its timed `set` events.
    public init(plan: ScenarioPlan) {
        var gatherer = Gatherer<PersonID>()
        gatherer.take(plan.everyone, for: nil)
        for (index, setup) in plan.personSetup.enumerated() { gatherer.take(setup.settings, for: PersonID(index)) }
        for event in plan.events {
            // v3: `A sets B|everyone …` changes what `set B|everyone …` does (counted even if refused).
            let person: PersonRef?, change: SettingChange
            switch event.action {
            case .setting(let who, let what): (person, change) = (who, what)
            case .settingBy(_, .person(let who), let what): (person, change) = (who, what)
            case .settingBy(_, .everyone, let what): (person, change) = (nil, what)
            default: continue
            }
            switch person {
            case nil: gatherer.take(change, for: nil)
            case .known(let id)?: gatherer.take(change, for: id)
            case .unknown?, .team?: continue  // rejected when it runs: changes nothing
            }
        }
        self = gatherer.fanOut(users: plan.cast.personKinds.count { $0 == .user })
    }
}

/// How a load's messages spread, worked out from ``LoadGenerator``'s own rules before anything is
/// drawn: upper estimates, per message, of its recipients and of the share written by customers,
/// and of how many conversations are customer conversations. ``LoadCost`` multiplies them out.
///
/// The generator draws each conversation's kind and size on its own (``outcomes``): with generated
/// users and customers, one in five is a customer conversation of 1–3 users and 1–3 customers, the
/// others are user conversations of 2–8 users; with `users from TEAM|everyone` and customers, each
/// is one customer with 1–3 of those users, opened by the customer; with customers only, 1–3
/// customers who write everything. A message goes to a conversation picked uniformly (or, with
/// `shape workday`, heavy-tailed) and its author is a member picked uniformly. So the share of
/// customer messages is the mean of the conversations' shares, weighted by how many messages each
/// gets; its estimate is that mean plus four standard deviations of such a weighted mean (``upper``),
/// which matters only for a load of few (or, heavy-tailed, few busy) conversations: ten thousand
/// conversations give 10.9% customer messages where one in ten is expected; one conversation, 75%.
struct LoadSpread {
    /// Recipients of a message (its conversation's members less its author), upper estimate.
    var recipients: Double
    /// The share of messages written by a customer, upper estimate.
    var customerShare: Double
    /// How many of the conversations are customer conversations, upper estimate.
    var customerConversations: Double

    /// One kind of conversation the generator may draw, with its probability.
    struct Outcome {
        var probability: Double
        var recipients: Double
        var customerShare: Double
        var isCustomer: Bool
    }

    /// `users`: the load's users (generated, or `existing` ones from a team or everyone).
    init(users: Int, existing: Bool, customers: Int, conversations: Int, messages: Int, shape: LoadShape) {
        let outcomes = Self.outcomes(users: users, existing: existing, customers: customers)
        // How many equally busy conversations the picks are worth, and the messages' own spread.
        let picked = shape == .workday ? WorkdayCurve.busyPickEffectiveCount(conversations) : Double(conversations)
        let spread = 1 / picked + 1 / Double(messages)
        recipients = Self.upper(outcomes, spread: spread) { $0.recipients }
        // Each author is a coin flip on top: a quarter at most of variance per message.
        customerShare = Self.upper(outcomes, spread: spread, noise: 0.25 / Double(messages)) { $0.customerShare }
        // Conversations opened by a customer (`users from`): each one's first message is theirs.
        if existing && customers > 0 { customerShare = min(1, customerShare + Double(min(conversations, messages)) / Double(messages)) }
        let customerKind = outcomes.filter(\.isCustomer).reduce(0) { $0 + $1.probability }
        let customerKindSpread = (customerKind * (1 - customerKind) / Double(conversations)).squareRoot()
        customerConversations = Double(conversations) * min(1, customerKind + 4 * customerKindSpread)
    }

    /// The mean of `value` over the outcomes plus four standard deviations of a mean weighted by
    /// `spread` (Σ of the squared weights), at most the largest value.
    static func upper(_ outcomes: [Outcome], spread: Double, noise: Double = 0, _ value: (Outcome) -> Double) -> Double {
        let mean = outcomes.reduce(0) { $0 + $1.probability * value($1) }
        let square = outcomes.reduce(0) { $0 + $1.probability * value($1) * value($1) }
        let largest = outcomes.map(value).max() ?? 0
        let deviation = (max(0, square - mean * mean) * spread + noise).squareRoot()
        return min(largest, mean + 4 * deviation)
    }

    /// Every kind of conversation the generator may draw (``LoadGenerator``'s `buildConversations`).
    static func outcomes(users: Int, existing: Bool, customers: Int) -> [Outcome] {
        // `min(pool, random.within(range))`, each value of the range equally likely.
        func sizes(_ range: ClosedRange<Int>, pool: Int) -> [(Double, Int)] {
            range.map { (1 / Double(range.count), min(pool, $0)) }
        }
        var outcomes: [Outcome] = []
        if existing && customers > 0 {
            // One customer and 1–3 of the users (none if there are none).
            for (p, u) in users > 0 ? sizes(1...3, pool: users) : [(1, 0)] {
                outcomes.append(Outcome(probability: p, recipients: Double(u), customerShare: 1 / Double(u + 1), isCustomer: true))
            }
            return outcomes
        }
        let customerKind = customers == 0 ? 0 : users == 0 ? 1 : 0.2
        if customerKind > 0 {
            for (pu, u) in users > 0 ? sizes(1...3, pool: users) : [(1, 0)] {
                for (pc, c) in sizes(1...3, pool: customers) {
                    outcomes.append(Outcome(
                        probability: customerKind * pu * pc, recipients: Double(u + c - 1),
                        customerShare: Double(c) / Double(u + c), isCustomer: true))
                }
            }
        }
        if customerKind < 1 {
            for (p, m) in sizes(2...8, pool: users) {
                outcomes.append(Outcome(
                    probability: (1 - customerKind) * p, recipients: Double(max(0, m - 1)), customerShare: 0, isCustomer: false))
            }
        }
        return outcomes
    }
}

import Testing
@testable import OmniSim

/// The up-front estimate of a load's deliveries against what its generator really draws: never
/// below it, and close to it where a load has many conversations.
@Suite("LoadCost: a load's deliveries and fan-out estimated from its numbers")
struct LoadCostTests {
    /// What a load's generator draws: its messages, their recipients (members less the author),
    /// how many a customer wrote, and how many conversations are customer conversations.
    struct Drawn {
        var messages = 0
        var recipients = 0
        var customerMessages = 0
        var customerConversations = 0
    }

    func draw(_ spec: LoadSpec) -> Drawn {
        var generator = LoadGenerator(spec: spec)
        var drawn = Drawn(customerConversations: generator.conversations.isCustomer.count { $0 })
        let firstCustomer = spec.firstCustomer.int, lastCustomer = firstCustomer + spec.customerCount
        while let event = generator.nextEvent() {
            guard event.kind == .start || event.kind == .write else { continue }
            drawn.messages += 1
            drawn.recipients += generator.conversations.people(of: Int(event.conversation)).count - 1
            if (firstCustomer..<lastCustomer).contains(Int(event.subject)) { drawn.customerMessages += 1 }
        }
        return drawn
    }

    /// A load of generated users (or of `existing` users 0..<existing) and customers.
    func spec(
        seed: UInt64, users: Int, existing: Int? = nil, customers: Int, conversations: Int, messages: Int, shape: LoadShape = .flat
    ) -> LoadSpec {
        let people = existing ?? users
        var spec = LoadSpec(
            seed: seed, firstUser: PersonID(0), userCount: existing == nil ? users : 0, firstCustomer: PersonID(people),
            customerCount: customers, firstThread: ThreadID(0), conversationCount: conversations, messageCount: messages,
            over: .hours(8), sourceIndex: 0)
        spec.shape = shape
        spec.existingUsers = existing.map { (0..<$0).map(PersonID.init) }
        return spec
    }

    static let shapes: [(users: Int, existing: Int?, customers: Int, conversations: Int, shape: LoadShape)] = [
        (400, nil, 100, 1_000, .flat), (400, nil, 100, 1_000, .workday), (400, nil, 100, 30, .flat),
        (400, nil, 100, 1, .flat), (0, 40, 100, 300, .flat), (0, 2, 50, 20, .workday), (0, nil, 60, 200, .flat),
        (1, nil, 5, 50, .flat), (300, nil, 0, 200, .flat),
    ]

    @Test("the estimated recipients and customer messages are never below what the generator draws",
          arguments: shapes.indices, [UInt64(1), 2, 3])
    func neverBelow(shape: Int, seed: UInt64) {
        let (users, existing, customers, conversations, form) = Self.shapes[shape]
        let messages = 20_000
        let drawn = draw(spec(seed: seed, users: users, existing: existing, customers: customers, conversations: conversations, messages: messages, shape: form))
        let estimate = LoadSpread(
            users: existing ?? users, existing: existing != nil, customers: customers, conversations: conversations,
            messages: messages, shape: form)
        #expect(Double(drawn.recipients) <= estimate.recipients * Double(drawn.messages))
        #expect(Double(drawn.customerMessages) <= estimate.customerShare * Double(drawn.messages))
        #expect(Double(drawn.customerConversations) <= estimate.customerConversations)
    }

    @Test("with a thousand conversations the estimate is near what is drawn: recipients within a fifth, customer messages a third")
    func closeWithManyConversations() {
        let drawn = draw(spec(seed: 7, users: 400, customers: 100, conversations: 1_000, messages: 20_000))
        let estimate = LoadSpread(users: 400, existing: false, customers: 100, conversations: 1_000, messages: 20_000, shape: .flat)
        #expect(estimate.recipients * Double(drawn.messages) <= 1.2 * Double(drawn.recipients))
        #expect(estimate.customerShare * Double(drawn.messages) <= 1.4 * Double(drawn.customerMessages))
        // One in five conversations is a customer conversation, where customers write about half.
        #expect(abs(Double(drawn.customerMessages) / Double(drawn.messages) - 0.1) < 0.02)
    }

    @Test("each user who may have 'customer-messages all' is a recipient of every customer message")
    func everyCustomerMessage() {
        let alone = LoadCost(users: 1_000, customers: 100, conversations: 1_000, messages: 100_000, over: .hours(1), fanOut: FanOut())
        let fanned = LoadCost(
            users: 1_000, customers: 100, conversations: 1_000, messages: 100_000, over: .hours(1),
            fanOut: FanOut(everyCustomerMessageUsers: 1_000))
        let spread = LoadSpread(users: 1_000, existing: false, customers: 100, conversations: 1_000, messages: 100_000, shape: .flat)
        #expect(alone.everyCustomerMessageDeliveries == 0)
        #expect(fanned.everyCustomerMessageDeliveries == LoadCost.clamped(100_000 * spread.customerShare * 1_000))
        #expect(fanned.deliveries == LoadCost.clamped(100_000 * (spread.recipients + spread.customerShare * 1_000)))
        #expect(fanned.bytes > alone.bytes + fanned.everyCustomerMessageDeliveries * LoadCost.bytesPerDelivery)
    }

    @Test("the deadlines waiting at once grow with the longest email-after: all of them when it outlasts the load")
    func waitingDeadlines() {
        func bytes(_ window: SimDuration) -> Int {
            LoadCost(
                users: 1_000, customers: 100, conversations: 1_000, messages: 100_000, over: .hours(1),
                fanOut: FanOut(everyCustomerMessageUsers: 1_000, deadlineWindow: window)).bytes
        }
        let perMinute = bytes(.minutes(2)) - bytes(.minutes(1))
        #expect(perMinute > 0)
        #expect(abs(bytes(.minutes(31)) - bytes(.minutes(1)) - 30 * perMinute) <= 30, "up to rounding")
        #expect(bytes(.hours(2)) == bytes(.hours(1)))
    }

    @Test("a workday load's busiest stretch holds the curve's peak share: four times a flat week's")
    func workdayPeak() {
        let week = SimDuration.hours(168)
        let flat = LoadCost.busiestShare(of: .minutes(1), from: .zero, over: week, shape: .flat)
        let workday = LoadCost.busiestShare(of: .minutes(1), from: .zero, over: week, shape: .workday)
        #expect(abs(workday / flat - 160.0 / (6_707.0 / 168)) < 1e-9)
        // Whole weeks are counted at once, with the same sum as hour by hour.
        #expect(WorkdayCurve.weightIntegral(from: 5 * 3_600_000, length: 3 * week.milliseconds + 7)
            == 3 * WorkdayCurve.weightIntegral(from: 0, length: week.milliseconds) + 7 * 3)
    }
}

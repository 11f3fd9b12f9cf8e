/// Generates a `load` line's events lazily, in time order, deterministically from its seed:
/// conversations (about four in five user conversations of 2–8 users, the rest customer
/// conversations of 1–3 customers plus 1–3 users), presence (each person logs in and out, or joins
/// and leaves chat, every 15–90 minutes), messages from random participants at random instants
/// within the load's duration, and views (a recipient who is logged in views the thread 1 ms to
/// 2 minutes later).
///
/// Memory is O(messages + people): message instants are drawn and sorted up front (12 bytes each);
/// presence and views come from two small heaps as time advances.
///
/// v2 (``LoadSpec/from``, ``LoadSpec/shape``, ``LoadSpec/existingUsers``): everything is drawn on
/// `[0, over)` and offset by `from`; with `shape workday` message instants and presence follow the
/// ``WorkdayCurve``, conversations and their members are picked heavy-tailed (some far busier than
/// others) and readers take ``WorkdayCurve/readingDelay(_:)``; existing users get no presence of
/// the load's and are taken to be present. A flat load without existing users draws exactly what v1 did.
struct LoadGenerator {
    let spec: LoadSpec
    /// The conversations and their members (fixed once drawn in `init`).
    private(set) var conversations = LoadConversations()
    private var started: [Bool] = []
    /// Message instants (ms) and conversations, sorted by instant then draw order.
    private var messageTimes: [Int64] = []
    private var messageConversations: [Int32] = []
    private var messageCursor = 0
    /// People's presence as the generator sees it (its own schedule of log-ins and chat visits).
    private var present: [Bool]
    private var presence = BinaryHeap<PresenceDue>()
    private var views = BinaryHeap<ViewDue>()
    private var viewSequence: Int64 = 0
    private var random: SplitMix64
    private let workday: Bool
    private let offset: Int64
    /// With existing users: each one's place among the load's users.
    private var existingIndex: [PersonID: Int] = [:]

    private static let presencePauseMin: Int64 = 15 * 60_000
    private static let presencePauseMax: Int64 = 90 * 60_000
    private static let viewDelayMax = 120_000

    init(spec: LoadSpec) {
        self.spec = spec
        workday = spec.shape == .workday
        offset = spec.from.milliseconds
        let users = spec.existingUsers?.count ?? spec.userCount
        present = Array(repeating: false, count: users + spec.customerCount)
        random = SplitMix64(seed: spec.seed)
        if let existing = spec.existingUsers {
            for (index, person) in existing.enumerated() where existingIndex[person] == nil { existingIndex[person] = index }
            for index in existing.indices { present[index] = true }
        }
        buildConversations()
        buildMessages()
        for person in 0..<present.count where spec.existingUsers == nil || person >= users {
            let first = Int64(random.below(Int(Self.presencePauseMax) + 1))
            if first < spec.over.milliseconds { presence.insert(PresenceDue(time: first, person: Int32(person))) }
        }
    }

    /// How many users the load has: generated, or existing.
    private var userCount: Int { spec.existingUsers?.count ?? spec.userCount }

    /// A person's next presence change: ordered by time, then person (a total order).
    private struct PresenceDue: Comparable, Sendable {
        var time: Int64
        var person: Int32
        static func < (a: Self, b: Self) -> Bool { (a.time, a.person) < (b.time, b.person) }
    }

    /// A recipient's view of a thread: ordered by time, then the order it was drawn in.
    private struct ViewDue: Comparable, Sendable {
        var time: Int64
        var sequence: Int64
        var person: Int32
        var thread: Int32
        static func < (a: Self, b: Self) -> Bool { (a.time, a.sequence) < (b.time, b.sequence) }
        static func == (a: Self, b: Self) -> Bool { (a.time, a.sequence) == (b.time, b.sequence) }
    }

    private func person(_ index: Int) -> PersonID {
        if index < userCount {
            return spec.existingUsers.map { $0[index] } ?? PersonID(spec.firstUser.int + index)
        }
        return PersonID(spec.firstCustomer.int + index - userCount)
    }

    private func localIndex(_ person: PersonID) -> Int {
        if spec.existingUsers != nil, let index = existingIndex[person] { return index }
        return person.int >= spec.firstUser.int && person.int < spec.firstUser.int + userCount && spec.existingUsers == nil
            ? person.int - spec.firstUser.int : userCount + person.int - spec.firstCustomer.int
    }

    private mutating func buildConversations() {
        let users = userCount, customers = spec.customerCount
        for _ in 0..<spec.conversationCount {
            // With existing users and customers of its own, a load is a burst of customer chats:
            // each customer starts a conversation with 1–3 of those users.
            if spec.existingUsers != nil, customers > 0 {
                pickDistinct(1, from: customers, offset: users)
                if users > 0 { pickDistinct(min(users, random.within(1...3)), from: users, offset: 0) }
                conversations.isCustomer.append(true)
                conversations.memberStart.append(Int32(conversations.members.count))
                continue
            }
            let customer = customers > 0 && (users == 0 || random.below(5) == 0)
            if customer {
                let userPart = users == 0 ? 0 : min(users, random.within(1...3))
                let customerPart = min(customers, random.within(1...3))
                pickDistinct(userPart, from: users, offset: 0)
                pickDistinct(customerPart, from: customers, offset: users)
            } else {
                pickDistinct(min(users, random.within(2...8)), from: users, offset: 0)
            }
            conversations.isCustomer.append(customer)
            conversations.memberStart.append(Int32(conversations.members.count))
        }
        started = Array(repeating: false, count: spec.conversationCount)
    }

    /// Appends `count` distinct people drawn from the load's people `offset ..< offset + pool`
    /// (uniformly, or with `shape workday` heavy-tailed).
    private mutating func pickDistinct(_ count: Int, from pool: Int, offset: Int) {
        let start = conversations.members.count
        while conversations.members.count - start < count {
            let drawn = workday ? WorkdayCurve.busyPick(pool, &random) : random.below(pool)
            let candidate = person(offset + drawn)
            if !conversations.members[start...].contains(candidate) { conversations.members.append(candidate) }
        }
    }

    private mutating func buildMessages() {
        guard spec.conversationCount > 0, spec.over.milliseconds > 0 else { return }
        var times: [Int64] = []
        var conversations: [Int32] = []
        times.reserveCapacity(spec.messageCount)
        conversations.reserveCapacity(spec.messageCount)
        for _ in 0..<spec.messageCount {
            if workday {
                // Uniform instants kept with the curve's weight: a working week.
                var time: Int64
                repeat {
                    time = Int64(random.below(Int(spec.over.milliseconds)))
                } while random.below(WorkdayCurve.weightMax) >= WorkdayCurve.weight(at: offset + time)
                times.append(time)
                conversations.append(Int32(WorkdayCurve.busyPick(spec.conversationCount, &random)))
            } else {
                times.append(Int64(random.below(Int(spec.over.milliseconds))))
                conversations.append(Int32(random.below(spec.conversationCount)))
            }
        }
        (messageTimes, messageConversations) = Self.timeOrder(times, conversations)
    }

    /// The messages sorted by instant, then by draw order. Packed into one integer (instant above,
    /// draw index below) whenever both fit, which sorts several times faster than a closure;
    /// `packing: false` takes the general path (the two give the same order; a test checks).
    static func timeOrder(
        _ times: [Int64], _ conversations: [Int32], packing: Bool = true
    ) -> (times: [Int64], conversations: [Int32]) {
        let indexBits = 28
        let latest = times.max() ?? 0
        if packing, times.count < 1 << indexBits, latest >= 0, latest < 1 << (63 - indexBits) {
            var keys = times.indices.map { UInt64(times[$0]) << indexBits | UInt64($0) }
            keys.sort()
            let indexMask = UInt64(1) << indexBits - 1
            return (keys.map { Int64($0 >> indexBits) }, keys.map { conversations[Int($0 & indexMask)] })
        }
        let order = times.indices.sorted { (times[$0], $0) < (times[$1], $1) }
        return (order.map { times[$0] }, order.map { conversations[$0] })
    }

    /// The instant of the next event, if any (a presence check with `shape workday` may change
    /// nothing: ``next()`` then goes on to a later one).
    var nextTime: Int64? { nextRelativeTime.map { $0 + offset } }

    private var nextRelativeTime: Int64? {
        var best = messageCursor < messageTimes.count ? messageTimes[messageCursor] : Int64.max
        if let top = presence.min, top.time < best { best = top.time }
        if let top = views.min, top.time < best { best = top.time }
        return best == .max ? nil : best
    }

    /// The next event in time order (at one instant: presence, then views, then messages), and
    /// its instant.
    mutating func next() -> (time: Int64, action: PlannedEvent.Action)? {
        nextEvent().map { ($0.time, conversations.action(of: $0)) }
    }

    /// ``next()`` as plain numbers (what the generator's thread hands over).
    mutating func nextEvent() -> LoadEvent? {
        while let time = nextRelativeTime {
            if let top = presence.min, top.time == time {
                _ = presence.popMin()
                guard let event = presenceCheck(Int(top.person), at: time) else { continue }
                return event
            }
            if let top = views.min, top.time == time {
                _ = views.popMin()
                return LoadEvent(time: time + offset, subject: top.person, thread: top.thread, kind: .view)
            }
            let conversation = Int(messageConversations[messageCursor])
            let number = messageCursor
            messageCursor += 1
            return message(in: conversation, number: number, at: time)
        }
        return nil
    }

    /// A person's presence comes up for change: flat, it toggles; with `shape workday` they are in
    /// with the curve's weight at that hour (nil: no change). The next check is 15–90 minutes on.
    private mutating func presenceCheck(_ index: Int, at time: Int64) -> LoadEvent? {
        let wanted = workday ? random.below(WorkdayCurve.weightMax) < WorkdayCurve.weight(at: offset + time) : !present[index]
        let pause = Self.presencePauseMin + Int64(random.below(Int(Self.presencePauseMax - Self.presencePauseMin) + 1))
        if time + pause < spec.over.milliseconds { presence.insert(PresenceDue(time: time + pause, person: Int32(index))) }
        guard wanted != present[index] else { return nil }
        present[index] = wanted
        let kind: LoadEvent.Kind = index < userCount ? (present[index] ? .logIn : .logOut) : (present[index] ? .joinChat : .leaveChat)
        return LoadEvent(time: time + offset, subject: person(index).index, kind: kind)
    }

    private mutating func message(in conversation: Int, number: Int, at time: Int64) -> LoadEvent {
        let people = conversations.people(of: conversation)
        let thread = ThreadID(spec.firstThread.int + conversation)
        let author: PersonID
        var event: LoadEvent
        if !started[conversation] {
            started[conversation] = true
            author = people[people.startIndex]
            event = LoadEvent(time: time + offset, subject: author.index, thread: thread.index, kind: .start)
        } else {
            author = people[people.startIndex + random.below(people.count)]
            let inChat = present[localIndex(author)]
            let isCustomer = localIndex(author) >= userCount
            event = LoadEvent(time: time + offset, subject: author.index, thread: thread.index, kind: .write, byEmail: isCustomer && !inChat)
        }
        event.number = Int32(number)
        event.conversation = Int32(conversation)
        for member in people where member != author {
            let index = localIndex(member)
            guard index < userCount, present[index] else { continue }
            let delay = workday ? WorkdayCurve.readingDelay(&random) : Int64(1 + random.below(Self.viewDelayMax))
            views.insert(ViewDue(time: time + delay, sequence: viewSequence, person: Int32(member.int), thread: Int32(thread.int)))
            viewSequence += 1
        }
        return event
    }
}

import OmniSim

/// Writes random scenario files from a seed: explicit statements covering every event type of the
/// contract, mostly valid, with deliberately rule-breaking events each followed by the
/// `at T expect error "…"` line it must raise. The generator keeps its own small model of who is
/// in which thread, so a run that rejects anything else (or misses a rejection) shows a
/// disagreement between this model and the engine. Teams (v2) are modelled too: a thread keeps
/// its listed entries (people and teams) and resolves them against the teams at each use, and the
/// generator now and then checks a thread's participants against its model. Contract v3 is
/// modelled as well: conversations on items (the item's followers are members after the
/// conversation's own, customers left out of an internal one), takes under `customer-messages
/// all`, `stops viewing`, `view-timeout`, and settings changed by an admin or oneself; and
/// customers' own settings (`email`, `email-after`, `email-batch`, their own and `set customers`)
/// with customers' views in the widget (a member's allowed, anyone else's refused).
public struct RandomScenario {
    private enum Kind { case user, customer, item }
    private enum Lifecycle { case live, draft(String), cancelled }
    private struct Thread {
        var name: String
        var kind: Kind
        var lifecycle: Lifecycle
        /// People and teams as listed, in membership order.
        var listed: [String]
        var closed = false
        /// v3: the item the conversation is on.
        var item: String?
        var isLive: Bool { if case .live = lifecycle { true } else { false } }
    }

    private var random: SplitMix64
    private var lines: [String] = []
    private var time: Int64 = 0
    private let users: [String]
    private let customers: [String]
    private var threads: [Thread] = []
    private var threadCount = 0
    /// Who has the mobile app so far (u1 and u2 from the start; `at T mobile …` adds).
    private var mobileUsers: Set<String> = ["u1", "u2"]
    /// Teams `t1`, `t2` and their members, in order.
    private let teamNames = ["t1", "t2"]
    private var teamMembers: [[String]] = [[], []]
    /// v3: the admin (`admin u1`), when the file declares one.
    private var admin: String?
    /// `customer-messages` as set so far: everyone's, and each user's own.
    private var everyoneScope = "mine"
    private var userScope: [String: String] = [:]
    /// Issue 23: live chat as work, in about half the seeds, from a stream of its own (so the rest of
    /// a seed's scenario is what it was): chats `q1…` that customers start with no user (routed,
    /// abandoned, assigned to any user), and `ag`, a user outside the model who sees every customer
    /// message with no chat-capacity, so that its takes are never refused. The model keeps no chat.
    private var chatRandom: SplitMix64
    private var chatting = false
    /// The chats started so far, by their customers; the ones `ag` took (open or closed).
    private var chats: [(name: String, customer: String)] = []
    private var taken: [String: Bool] = [:]

    public init(seed: UInt64) {
        random = SplitMix64(seed: seed)
        users = (1...6).map { "u\($0)" }
        customers = (1...3).map { "k\($0)" }
        chatRandom = SplitMix64(seed: seed ^ 0xC4A7_0023)
    }

    /// The scenario's text.
    public static func text(seed: UInt64, events: Int = 60) -> String {
        var generator = RandomScenario(seed: seed)
        return generator.generate(events: events)
    }

    private mutating func generate(events: Int) -> String {
        lines.append("scenario \"random scenario\"")
        lines.append("user " + users.joined(separator: " "))
        lines.append("customer " + customers.joined(separator: " "))
        lines.append("mobile u1 u2")
        for team in teamNames.indices {
            teamMembers[team] = unique((0..<random.below(3)).map { _ in pick(users) })
            lines.append((["team", teamNames[team]] + teamMembers[team]).joined(separator: " "))
        }
        chatting = chatRandom.below(2) == 0
        if chatting { chatDeclarations() }
        if random.below(2) == 0 { lines.append("set everyone email-after \(1 + random.below(3))m") }
        if random.below(2) == 0 {
            admin = "u1"
            lines.append("admin u1")
        }
        if random.below(3) == 0 { lines.append("set everyone view-timeout \(random.below(4))m\(random.below(60))s") }
        customerSettingsAtTop()
        if random.below(3) == 0 { lines.append("channel email latency \(random.below(5))s") }
        if random.below(3) == 0 { lines.append("channel messenger latency \(random.below(3))s") }
        if random.below(3) == 0 { lines.append("channel email rate \(1 + random.below(3))/s") }
        if random.below(3) == 0 { lines.append("channel email down \(random.below(10))m..\(10 + random.below(10))m") }
        if random.below(4) == 0 { lines.append("channel push down 0s..\(1 + random.below(20))m") }
        for index in 1...2 {
            let followers = [random.below(2) == 0 ? pick(teamNames) : pick(users), pick(customers)]
            lines.append("ticket T\(index) \"item \(index)\" followers \(followers.joined(separator: ", "))")
            threads.append(Thread(name: "T\(index)", kind: .item, lifecycle: .live, listed: unique(followers)))
        }
        // With `end at`, events after the end never run: generate none past it.
        let end: Int64? = random.below(3) == 0 ? Int64(30 + random.below(60)) * 60_000 : nil
        if let end { lines.append("end at \(SimDuration(milliseconds: end))") }
        for _ in 0..<events {
            time += Int64(random.below(90_000))
            if let end, time > end { break }
            if chatting, chatRandom.below(3) == 0 { chatEvent() }
            if random.below(6) == 0 { brokenEvent() } else { validEvent() }
        }
        if chatting { chatChecks() }
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: Valid events

    private mutating func validEvent() {
        switch random.below(25) {
        case 23, 24: customerEvent()
        case 18: stopViewing()
        case 19: take()
        case 20: startOnItem()
        case 21: link()
        case 22: setBySomeone()
        case 0: event("\(pick(users)) logs \(random.below(2) == 0 ? "in" : "out")")
        case 1: customerEvent()
        case 2: startUserConversation()
        case 3: startCustomerConversation()
        case 4: draft()
        case 5, 6, 7: write()
        case 8: note()
        case 9: addOrRemove()
        case 10: followOrUnfollow()
        case 11: closeOrReopen()
        case 12, 13: view()
        case 14:
            let (who, setting) = randomSetting()
            event("set \(who) \(setting)")
        case 15, 16: changeTeam()
        default: event(randomChannelChange())
        }
    }

    private mutating func startUserConversation() {
        let author = pick(users)
        let listed = (0..<random.within(1...3)).map { _ in random.below(4) == 0 ? pick(teamNames) : pick(users) }
        let name = nextThreadName()
        event("\(author) starts conversation \(name) with \(listed.joined(separator: ", ")) \"hello \(name)\"")
        threads.append(Thread(name: name, kind: .user, lifecycle: .live, listed: unique([author] + listed)))
        expectParticipants(threads.count - 1)
    }

    private mutating func startCustomerConversation() {
        let byCustomer = random.below(3) == 0
        let author = byCustomer ? pick(customers) : pick(users)
        var listed = [pick(customers), pick(users)]
        if random.below(2) == 0 { listed.append(random.below(2) == 0 ? pick(teamNames) : pick(users)) }
        let name = nextThreadName()
        event("\(author) starts customer conversation \(name) with \(listed.joined(separator: ", ")) \"welcome \(name)\"")
        threads.append(Thread(name: name, kind: .customer, lifecycle: .live, listed: unique([author] + listed)))
    }

    private mutating func draft() {
        let author = pick(users)
        let listed = [random.below(3) == 0 ? pick(teamNames) : pick(users)]
        let name = nextThreadName()
        event("\(author) drafts conversation \(name) with \(listed.joined(separator: ", "))")
        if random.below(2) == 0 {
            time += Int64(random.below(5_000))
            event("\(author) sends \(name) \"draft \(name)\"")
            threads.append(Thread(name: name, kind: .user, lifecycle: .live, listed: unique([author] + listed)))
        } else {
            time += Int64(random.below(5_000))
            event("\(author) cancels \(name)")
            threads.append(Thread(name: name, kind: .user, lifecycle: .cancelled, listed: []))
        }
    }

    private mutating func write() {
        guard let index = choose(candidates(where: { $0.isLive && !members($0).isEmpty })) else { return startUserConversation() }
        let thread = threads[index]
        let present = members(thread)
        let author = thread.kind == .item && random.below(2) == 0 ? pick(users) : present[random.below(present.count)]
        let verb = customers.contains(author) && random.below(2) == 0 ? "emails \(thread.name)" : "writes to \(thread.name)"
        let (text, mentioned) = mentionText("\(thread.name) says \(lines.count)")
        event("\(author) \(verb) \"\(text)\"")
        // Writing to an item one follows through a team adds no direct follow.
        if thread.kind == .item && !present.contains(author) { threads[index].listed.append(author) }
        // v2 mentions: a user's @user makes them a member, after the writer's own follow; @team
        // stands for each of its members now.
        if users.contains(author) {
            for user in mentioned where user != author && !members(threads[index]).contains(user) { threads[index].listed.append(user) }
        }
        if thread.kind == .customer && customers.contains(author) { threads[index].closed = false }
        if !mentioned.isEmpty { expectParticipants(index) }
    }

    /// A message text with, now and then, a mention of a user and near misses that must stay plain
    /// text (`x@u1`, `@u1.x`, `@ghost`, `@k1` — a customer); returns the users it mentions.
    private mutating func mentionText(_ base: String) -> (String, [String]) {
        switch random.below(6) {
        case 0:
            let user = pick(users)
            return ("\(base) cc @\(user).", [user])
        case 1:
            let user = pick(users)
            return ("(@\(user)) and x@\(pick(users)) and @\(pick(users)).x \(base)", [user])
        case 2: return ("@ghost, @\(pick(customers)) or @@ — \(base)", [])
        case 3:
            let team = random.below(teamNames.count)
            return ("@\(teamNames[team]): \(base)", teamMembers[team])
        default: return (base, [])
        }
    }

    private mutating func note() {
        guard let index = choose(candidates(where: { $0.kind == .item })) else { return }
        let author = pick(users)
        event("\(author) notes \(threads[index].name) \"internal \(lines.count)\"")
        if !members(threads[index]).contains(author) { threads[index].listed.append(author) }
    }

    private mutating func addOrRemove() {
        guard let index = choose(candidates(where: { $0.isLive })) else { return }
        let thread = threads[index]
        let present = members(thread)
        let managers = thread.kind == .item ? users : present.filter(users.contains)
        guard !managers.isEmpty else { return }
        let manager = managers[random.below(managers.count)]
        if random.below(2) == 0 {
            let pool = (thread.kind == .user ? users : users + customers) + teamNames
            let entry = pick(pool)
            event("\(manager) adds \(entry) to \(thread.name)")
            // Someone already in (in person or through a team), or a team already listed: nothing.
            if teamNames.contains(entry) ? !thread.listed.contains(entry) : !present.contains(entry) {
                threads[index].listed.append(entry)
            }
        } else {
            // Someone in only through a team cannot be removed in person (the error names the team).
            if let through = present.first(where: { !thread.listed.contains($0) && users.contains($0) }), random.below(3) == 0 {
                // A team of the list first; else (v3) the conversation's item.
                if let team = teamGiving(through, in: thread) {
                    return event("\(manager) removes \(through) from \(thread.name)", error: "only through team '\(team)'")
                }
                return event("\(manager) removes \(through) from \(thread.name)", error: "only as a follower of '\(thread.item ?? "?")'")
            }
            let removable = thread.listed.filter { entry in
                thread.kind != .customer || !customers.contains(entry) || thread.listed.filter(customers.contains).count > 1
            }
            guard !removable.isEmpty else { return }
            let entry = removable[random.below(removable.count)]
            event("\(manager) removes \(entry) from \(thread.name)")
            threads[index].listed.removeAll { $0 == entry }
        }
        expectParticipants(index)
    }

    private mutating func followOrUnfollow() {
        guard let index = choose(candidates(where: { $0.kind == .item })) else { return }
        let user = pick(users)
        let thread = threads[index]
        if random.below(2) == 0 {
            event("\(user) follows \(thread.name)")
            if !members(thread).contains(user) { threads[index].listed.append(user) }
        } else if !thread.listed.contains(user), members(thread).contains(user) {
            event("\(user) unfollows \(thread.name)", error: "only through team '\(teamGiving(user, in: thread) ?? "?")'")
        } else {
            event("\(user) unfollows \(thread.name)")
            threads[index].listed.removeAll { $0 == user }
        }
        expectParticipants(index)
    }

    /// `adds … to team` / `removes … from team` (v2): rejected for a customer, a team, a non-member.
    private mutating func changeTeam() {
        let team = random.below(teamNames.count)
        let actor = pick(users)
        switch random.below(6) {
        case 0: event("\(actor) adds \(pick(customers)) to team \(teamNames[team])", error: "only users join teams")
        case 1: event("\(actor) adds \(pick(teamNames)) to team \(teamNames[team])", error: "a team cannot join teams")
        case 2, 3:
            let user = pick(users)
            event("\(actor) adds \(user) to team \(teamNames[team])")
            if !teamMembers[team].contains(user) { teamMembers[team].append(user) }
        default:
            let user = pick(users)
            guard teamMembers[team].contains(user) else {
                return event("\(actor) removes \(user) from team \(teamNames[team])", error: "is not a member of team")
            }
            event("\(actor) removes \(user) from team \(teamNames[team])")
            teamMembers[team].removeAll { $0 == user }
        }
        // Every thread that lists the team follows it; check one.
        if let index = choose(candidates(where: { $0.isLive && $0.listed.contains(self.teamNames[team]) })) {
            expectParticipants(index)
        }
    }

    private mutating func closeOrReopen() {
        guard let index = choose(candidates(where: { $0.kind == .customer && $0.isLive && members($0).contains(where: users.contains) }))
        else { return }
        let user = members(threads[index]).filter(users.contains)[0]
        let close = random.below(2) == 0
        event("\(user) \(close ? "closes" : "reopens") \(threads[index].name)")
        threads[index].closed = close
    }

    /// A view in the app, or (v2) a read on the mobile app: allowed to u1 and u2, who have it,
    /// rejected for the others.
    private mutating func view() {
        guard let index = choose(candidates(where: { $0.isLive && members($0).contains(where: users.contains) })) else { return }
        let viewers = members(threads[index]).filter(users.contains)
        let viewer = viewers[random.below(viewers.count)]
        guard random.below(3) == 0 else { return event("\(viewer) views \(threads[index].name)") }
        let hasMobile = mobileUsers.contains(viewer)
        event("\(viewer) views \(threads[index].name) on mobile", error: hasMobile ? nil : "has no mobile app")
    }

    /// Whose setting and which (the model keeps `customer-messages`; the caller writes the event).
    private mutating func randomSetting() -> (who: String, setting: String) {
        let who = random.below(3) == 0 ? "everyone" : pick(users)
        let setting: String
        switch random.below(8) {
        case 7: setting = "view-timeout \(random.below(4) == 0 ? "none" : "\(random.below(3))m\(random.below(60))s")"
        case 6: setting = "mention-email \(random.below(2) == 0 ? "now" : "normal")"
        case 5: setting = "email-batch \(["0s", "30s", "2m", "5m"][random.below(4)])"
        case 4: setting = "customer-messages \(["all", "mine", "none"][random.below(3)])"
        case 0: setting = "bubble \(random.below(2) == 0 ? "on" : "off")"
        case 1: setting = "email \(random.below(3) == 0 ? "off" : "on")"
        case 2: setting = "push \(random.below(2) == 0 ? "on" : "off")"
        default: setting = "email-after \(random.below(4))m\(random.below(60))s"
        }
        if setting.hasPrefix("customer-messages ") {
            let scope = String(setting.dropFirst("customer-messages ".count))
            if who == "everyone" { everyoneScope = scope } else { userScope[who] = scope }
        }
        return (who, setting)
    }

    // MARK: Contract v3

    /// `stops viewing`: of any live thread (one not viewed changes nothing), never an error.
    private mutating func stopViewing() {
        guard let index = choose(candidates(where: { $0.isLive })) else { return }
        event("\(pick(users)) stops viewing \(threads[index].name)")
    }

    /// `takes`: a participant only views; a user with `customer-messages all` joins at the end;
    /// anyone else is refused, as is taking a user conversation or an item.
    private mutating func take() {
        let user = pick(users)
        if random.below(5) == 0, let index = choose(candidates(where: { $0.kind != .customer && $0.isLive })) {
            return event("\(user) takes \(threads[index].name)", error: "cannot take \(threads[index].name): only customer conversations")
        }
        guard let index = choose(candidates(where: { $0.kind == .customer && $0.isLive })) else { return }
        let thread = threads[index]
        if members(thread).contains(user) { return event("\(user) takes \(thread.name)") }
        guard (userScope[user] ?? everyoneScope) == "all" else {
            return event("\(user) takes \(thread.name)", error: "\(user) cannot take \(thread.name):")
        }
        event("\(user) takes \(thread.name)")
        threads[index].listed.append(user)
        expectParticipants(index)
    }

    /// `starts [internal|customer] conversation … on ITEM`, now and then checked with `sees`.
    private mutating func startOnItem() {
        guard let itemIndex = choose(candidates(where: { $0.kind == .item })) else { return }
        let item = threads[itemIndex]
        let customer = random.below(2) == 0
        let author = pick(users)
        let listed = random.below(2) == 0 ? [pick(customer ? customers : users)] : []
        let name = nextThreadName()
        let with = listed.isEmpty ? "" : " with \(listed.joined(separator: ", "))"
        let text = "on \(item.name) #\(name)#"
        let line = "\(author) starts \(customer ? "customer" : "internal") conversation \(name)\(with) on \(item.name) \"\(text)\""
        var thread = Thread(name: name, kind: customer ? .customer : .user, lifecycle: .live, listed: unique([author] + listed))
        thread.item = item.name
        if customer && !members(thread).contains(where: customers.contains) {
            return event(line, error: "needs at least one customer")
        }
        event(line)
        threads.append(thread)
        expectParticipants(threads.count - 1)
        if random.below(2) == 0 { expectSees(pick(users + customers), threads.count - 1, text) }
    }

    /// `links`: by a user participant, to one item at most.
    private mutating func link() {
        guard let index = choose(candidates(where: { $0.kind != .item && $0.isLive && members($0).contains(where: users.contains) })),
              let itemIndex = choose(candidates(where: { $0.kind == .item }))
        else { return }
        let thread = threads[index], item = threads[itemIndex].name
        let user = pick(users)
        guard members(thread).contains(user) else {
            return event("\(user) links \(thread.name) to \(item)", error: "'\(user)' is not a participant of '\(thread.name)'")
        }
        if let current = thread.item, current != item {
            return event("\(user) links \(thread.name) to \(item)", error: "is already on '\(current)'")
        }
        event("\(user) links \(thread.name) to \(item)")
        threads[index].item = item
        expectParticipants(index)
    }

    /// `A sets B SETTING`: allowed to the admin, or to B; `sets everyone` to the admin only.
    private mutating func setBySomeone() {
        let actor = pick(users)
        let target = random.below(4) == 0 ? "everyone" : pick(users)
        let allowed = actor == admin || actor == target
        let scopes = (everyoneScope, userScope)
        let (_, setting) = randomSetting()
        guard allowed else {
            (everyoneScope, userScope) = scopes  // refused: nothing changed
            let whose = target == "everyone" ? "everyone's" : "\(target)'s"
            return event("\(actor) sets \(target) \(setting)", error: "only an admin can change \(whose) settings (\(actor) is not an admin)")
        }
        (everyoneScope, userScope) = scopes
        if setting.hasPrefix("customer-messages ") {
            let scope = String(setting.dropFirst("customer-messages ".count))
            if target == "everyone" { everyoneScope = scope } else { userScope[target] = scope }
        }
        event("\(actor) sets \(target) \(setting)")
    }

    /// `expect NAME sees|cannot see "text"` for the message just posted (its text is unique): a
    /// member sees it; so does a user with `customer-messages all` in a customer conversation.
    private mutating func expectSees(_ person: String, _ index: Int, _ text: String) {
        let thread = threads[index]
        let sees = members(thread).contains(person)
            || (users.contains(person) && thread.kind == .customer && (userScope[person] ?? everyoneScope) == "all")
        lines.append("at \(SimDuration(milliseconds: time)) expect \(person) \(sees ? "sees" : "cannot see") \"\(text)\"")
        time += 1  // nothing else happens at the check's instant
    }

    private mutating func randomChannelChange() -> String {
        let channel = ChannelKind.allCases[random.below(ChannelKind.allCases.count)].name
        switch random.below(4) {
        case 0: return "channel \(channel) latency \(random.below(4))s"
        case 1:
            let from = time / 1000 + Int64(random.below(120))
            return "channel \(channel) down \(from)s..\(from + 1 + Int64(random.below(600)))s"
        case 2: return "channel \(channel) rate \(1 + random.below(5))/\(["s", "m"][random.below(2)])"
        default:
            guard random.below(2) == 0 else { return "channel \(channel) rate none" }
            let user = pick(users)
            mobileUsers.insert(user)
            return "mobile \(user)"
        }
    }

    // MARK: Contract v3, customers' own settings

    /// Now and then at top level: a customer's own `email-after`, `email-batch` or `email`, and
    /// `set customers …` (the customers' three settings only).
    private mutating func customerSettingsAtTop() {
        guard random.below(3) != 0 else { return }
        for _ in 0..<random.within(1...4) {
            let who = random.below(3) == 0 ? "customers" : pick(customers)
            lines.append("set \(who) \(customerSetting())")
        }
    }

    /// One of a customer's three settings with a value.
    private mutating func customerSetting() -> String {
        switch random.below(5) {
        case 0: "email \(random.below(3) == 0 ? "off" : "on")"
        case 1: "email-batch \(["0s", "30s", "2m", "5m"][random.below(4)])"
        default: "email-after \(random.below(3))m\(random.below(60))s"
        }
    }

    /// A customer in the widget: joins or leaves chat, views a thread (a member's view is allowed,
    /// anyone else's refused), stops viewing, or changes a setting (theirs, every customer's, by
    /// an admin or themselves; a user's setting on a customer is refused).
    private mutating func customerEvent() {
        let customer = pick(customers)
        switch random.below(8) {
        case 0, 1: event("\(customer) \(random.below(3) != 0 ? "joins" : "leaves") chat")
        case 2, 3:
            // Mostly a thread of theirs; now and then any, which may be refused.
            let theirs = candidates(where: { $0.isLive && self.members($0).contains(customer) })
            guard let index = choose(random.below(3) != 0 && !theirs.isEmpty ? theirs : candidates(where: { $0.isLive })) else { return }
            let thread = threads[index]
            if members(thread).contains(customer) { return event("\(customer) views \(thread.name)") }
            let why = thread.kind == .item ? "'\(customer)' does not follow '\(thread.name)'" : "'\(customer)' is not a participant of '\(thread.name)'"
            event("\(customer) views \(thread.name)", error: why)
        case 4:
            guard let index = choose(candidates(where: { $0.isLive })) else { return }
            event("\(customer) stops viewing \(threads[index].name)")
        case 5: event("set \(random.below(3) == 0 ? "customers" : customer) \(customerSetting())")
        case 6:
            let actor = random.below(2) == 0 ? customer : pick(users)
            let setting = customerSetting()
            guard actor == customer || actor == admin else {
                return event("\(actor) sets \(customer) \(setting)", error: "only an admin can change \(customer)'s settings (\(actor) is not an admin)")
            }
            event("\(actor) sets \(customer) \(setting)")
        default:
            let setting = ["view-timeout 1m", "bubble off", "push on", "customer-messages all"][random.below(4)]
            event("set \(customer) \(setting)", error: "'\(setting.prefix { $0 != " " })' applies to users only; a customer (\(customer)) has only")
        }
    }

    // MARK: Live chat as work (issue 23)

    private mutating func chatDeclarations() {
        lines.append("user ag")
        lines.append("set ag customer-messages all")
        lines.append("set ag chat-capacity unlimited")
        if chatRandom.below(3) != 0 { lines.append("chat routing \(["first-free", "least-busy", "broadcast"][chatRandom.below(3)])") }
        if chatRandom.below(2) == 0 { lines.append("customers wait at most \(1 + chatRandom.below(5))m") }
        if chatRandom.below(2) == 0 { lines.append("set everyone chat-capacity \(chatRandom.below(3))") }
        if chatRandom.below(3) == 0 { lines.append("set \(users[chatRandom.below(users.count)]) chat-capacity \(chatRandom.below(3))") }
    }

    private mutating func chatEvent() {
        switch chatRandom.below(10) {
        case 0, 1, 2:
            let name = "q\(chats.count + 1)", customer = customers[chatRandom.below(customers.count)]
            if chatRandom.below(2) == 0 { event("\(customer) joins chat") }
            event("\(customer) starts customer conversation \(name) \"chat \(name)\"")
            chats.append((name, customer))
        case 3:
            guard !chats.isEmpty else { return }
            let chat = chats[chatRandom.below(chats.count)]
            event("\(chat.customer) \(chatRandom.below(3) == 0 ? "emails" : "writes to") \(chat.name) \"more on \(chat.name)\"")
        case 4:
            guard !chats.isEmpty else { return }
            let chat = chats[chatRandom.below(chats.count)]
            event("ag takes \(chat.name)")
            if chatRandom.below(2) == 0 { event("ag writes to \(chat.name) \"on it\"") }
            taken[chat.name] = taken[chat.name] ?? false
        case 5:
            guard let name = taken.keys.sorted().first(where: { _ in chatRandom.below(2) == 0 }) else { return }
            let closing = !(taken[name] ?? false)
            event("ag \(closing ? "closes" : "reopens") \(name)")
            taken[name] = closing
        case 6:
            let who = chatRandom.below(2) == 0 ? "everyone" : users[chatRandom.below(users.count)]
            event("set \(who) chat-capacity \(chatRandom.below(4) == 0 ? "unlimited" : String(chatRandom.below(3)))")
        case 7: event("chat routing \(["first-free", "least-busy", "broadcast"][chatRandom.below(3)])")
        case 8: event(chatRandom.below(3) == 0 ? "customers wait forever" : "customers wait at most \(chatRandom.below(4))m\(chatRandom.below(60))s")
        default: event("\(users[chatRandom.below(users.count)]) logs \(chatRandom.below(2) == 0 ? "in" : "out")")
        }
    }

    /// Checks that hold whatever the routing did (they read the measures, and the oracle checks the rest).
    private mutating func chatChecks() {
        lines.append("expect chats waiting at most \(chats.count)")
        lines.append("expect chat wait max at most 100d")
        lines.append("expect at most \(chats.count) chats abandoned")
        lines.append("expect ag handles at most \(chats.count) chats per 10m")
    }

    // MARK: Rule-breaking events, each with the error it must raise

    private mutating func brokenEvent() {
        switch random.below(9) {
        case 0:
            let name = nextThreadName()
            event("\(pick(users)) starts conversation \(name) with \(pick(customers)) \"no\"", error: "customers cannot")
        case 1: event("\(pick(users)) writes to nowhere \"x\"", error: "unknown thread 'nowhere'")
        case 2: event("ghost logs in", error: "unknown person 'ghost'")
        case 3:
            guard let index = choose(candidates(where: { $0.kind == .user && $0.isLive })),
                  let outsider = users.first(where: { !members(threads[index]).contains($0) })
            else { return event("k1 logs in", error: "only users") }
            event("\(outsider) writes to \(threads[index].name) \"let me in\"", error: "is not a participant")
        case 4: event("\(pick(customers)) logs in", error: "only users")
        case 5: event("\(pick(users)) joins chat", error: "only customers")
        case 6:
            guard let index = choose(candidates(where: { $0.kind == .user && $0.isLive })) else {
                return event("\(pick(users)) follows nowhere", error: "unknown thread")
            }
            // Closing a user conversation is refused for its kind, whoever asks.
            event("\(pick(users)) closes \(threads[index].name)", error: "only customer conversations")
        case 7:
            guard let index = choose(candidates(where: { if case .cancelled = $0.lifecycle { true } else { false } })) else {
                return event("\(pick(customers)) notes T1 \"x\"", error: "only users")
            }
            event("u1 sends \(threads[index].name) \"again\"", error: "cancelled draft")
        default:
            guard let index = choose(candidates(where: { thread in
                thread.kind == .customer && thread.isLive && thread.item == nil && thread.listed.filter(customers.contains).count == 1
                    && members(thread).contains(where: users.contains)
            })) else { return event("\(pick(users)) views nowhere", error: "unknown thread") }
            let thread = threads[index]
            let manager = members(thread).first(where: users.contains) ?? "u1"
            let customer = thread.listed.first(where: customers.contains) ?? "k1"
            event("\(manager) removes \(customer) from \(thread.name)", error: "last customer")
        }
    }

    // MARK: Helpers

    private mutating func event(_ text: String, error: String? = nil) {
        lines.append("at \(SimDuration(milliseconds: time)) \(text)")
        if let error { lines.append("at \(SimDuration(milliseconds: time)) expect error \"\(error)\"") }
    }

    /// A thread's members now: its listed people and teams resolved, each person once, first place;
    /// then (v3) its item's followers (users only, for an internal conversation).
    private func members(_ thread: Thread) -> [String] {
        guard thread.isLive else { return [] }
        var resolved: [String] = []
        for entry in thread.listed {
            let people = teamNames.firstIndex(of: entry).map { teamMembers[$0] } ?? [entry]
            for person in people where !resolved.contains(person) { resolved.append(person) }
        }
        if let item = thread.item, let itemThread = threads.first(where: { $0.name == item }) {
            for person in members(itemThread) where !resolved.contains(person) && (thread.kind != .user || users.contains(person)) {
                resolved.append(person)
            }
        }
        return resolved
    }

    /// The first listed team that has `person` as a member.
    private func teamGiving(_ person: String, in thread: Thread) -> String? {
        thread.listed.first { entry in teamNames.firstIndex(of: entry).map { teamMembers[$0].contains(person) } ?? false }
    }

    /// Now and then, the thread's participants as the model has them (a team's members count).
    private mutating func expectParticipants(_ index: Int) {
        let present = members(threads[index])
        guard !present.isEmpty, random.below(2) == 0 else { return }
        lines.append("at \(SimDuration(milliseconds: time)) expect \(threads[index].name) participants \(present.joined(separator: ", "))")
    }

    private mutating func nextThreadName() -> String {
        threadCount += 1
        return "c\(threadCount)"
    }

    private mutating func pick(_ names: [String]) -> String { names[random.below(names.count)] }

    private func candidates(where predicate: (Thread) -> Bool) -> [Int] {
        threads.indices.filter { predicate(threads[$0]) }
    }

    private mutating func choose(_ candidates: [Int]) -> Int? {
        candidates.isEmpty ? nil : candidates[random.below(candidates.count)]
    }

    private func unique(_ names: [String]) -> [String] {
        var seen: [String] = []
        for name in names where !seen.contains(name) { seen.append(name) }
        return seen
    }
}

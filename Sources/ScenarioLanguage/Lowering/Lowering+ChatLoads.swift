import OmniSim

/// Issue 23's chat loads, lowered into plain statements: `load NAME seed S chats R per D handled in
/// D [fixed] agents N|users from TEAM|everyone over D [from T] [shape workday]` becomes
/// - agents `NAME.a1…aN` (users) who log in at `from` (none with `users from`: those users' presence
///   is the file's);
/// - a customer `NAME.kI` and a chat `NAME.qI` per chat of a seeded ``ChatArrivals`` stream that
///   starts in `[from, from + over)`: `at t NAME.kI joins chat`, `at t NAME.kI starts customer
///   conversation NAME.qI "chat I"` (no user in it: a chat);
/// - `chat NAME.qI handled in H`, H drawn from the stream (exponential with the given mean, or fixed).
/// With `shape workday`, a start is kept with the ``WorkdayCurve``'s weight at its instant (R per D
/// is then the rate at the curve's peak), drawn from a second stream of the seed.
/// So `expand` writes a chat load back as statements with the same trace, and v1/v2 loads are untouched.
extension Lowering {
    mutating func declareChatLoads(teams: TeamRoster) {
        for (node, range, sourceIndex) in chatLoads {
            guard let chat = node.chat else { continue }
            let prefix = node.name.map { "\($0.text)." } ?? ""
            if let name = node.name, personIndex[name.text] != nil || threadIndex[name.text] != nil || teamIndex[name.text] != nil {
                diagnostics.append(Diagnostic(.nameTaken(name.text), at: name.range))
                continue
            }
            let start = SimInstant.start + node.from
            var agents: [PersonID] = []
            switch node.usersFrom {
            case nil:
                let first = personNames.count
                guard declareGenerated(prefix + "a", count: chat.agents, kind: .user, at: range) else { continue }
                agents = (first..<personNames.count).map(PersonID.init)
                for agent in agents { chatLoadEvents.append(PlannedEvent(time: start, action: .logIn(.known(agent)), sourceIndex: sourceIndex)) }
            case .everyone, .team:
                if case .team(let team) = node.usersFrom, teamIndex[team.text] == nil {
                    diagnostics.append(Diagnostic(.unknownTeam(team.text), at: team.range, about: NameUse(team.text, as: .team)))
                    continue
                }
            }
            let arrivals = Self.chatArrivals(node, chat)
            let firstCustomer = personNames.count
            guard declareGenerated(prefix + "k", count: arrivals.count, kind: .customer, at: range) else { continue }
            var clash: String?
            var threads: [ThreadID] = []
            for index in arrivals.indices {
                let name = "\(prefix)q\(index + 1)"
                if personIndex[name] != nil || threadIndex[name] != nil || teamIndex[name] != nil { clash = name; break }
                threads.append(addThreadSlot(name))
            }
            if let clash {
                diagnostics.append(Diagnostic(.nameTaken(clash), at: range))
                continue
            }
            for (index, arrival) in arrivals.enumerated() {
                let customer = PersonRef.known(PersonID(firstCustomer + index))
                chatLoadEvents.append(PlannedEvent(time: arrival.start, action: .joinChat(customer), sourceIndex: sourceIndex))
                chatLoadEvents.append(PlannedEvent(
                    time: arrival.start,
                    action: .start(author: customer, thread: .known(threads[index]), isCustomer: true, with: [], on: nil, text: "chat \(index + 1)"),
                    sourceIndex: sourceIndex))
                chatLoadHandling[threads[index]] = arrival.handling
            }
        }
    }

    /// The chats of a chat load that start in `[from, from + over)`, in time order.
    static func chatArrivals(_ node: LoadNode, _ chat: LoadNode.ChatLoad) -> [ChatArrival] {
        let handling: ChatArrivals.Handling = chat.fixed ? .fixed(chat.handling) : .exponential(mean: chat.handling)
        let start = SimInstant.start + node.from
        let end = start + node.over
        var stream = ChatArrivals(seed: node.seed, chats: chat.rate, per: chat.per, handling: handling, from: start)
        var thinning = SplitMix64(seed: node.seed ^ 0x5EED_C4A7)
        var arrivals: [ChatArrival] = []
        while true {
            let arrival = stream.next()
            guard arrival.start < end else { break }
            if node.shape == .workday, thinning.below(WorkdayCurve.weightMax) >= WorkdayCurve.weight(at: arrival.start.milliseconds) { continue }
            arrivals.append(arrival)
        }
        return arrivals
    }

    /// The chat loads' events among the file's, by (time, source index): at one instant, lines run
    /// in file order, and a load's own events in the order generated.
    mutating func mergeChatLoadEvents() {
        guard !chatLoadEvents.isEmpty else { return }
        // Sorted by (time, source index, order generated): each load's events are in time order
        // already; several loads interleave.
        let generated = chatLoadEvents.enumerated().sorted { ($0.element.time, $0.element.sourceIndex, $0.offset) < ($1.element.time, $1.element.sourceIndex, $1.offset) }
            .map(\.element)
        var merged: [PlannedEvent] = []
        merged.reserveCapacity(events.count + generated.count)
        var (i, j) = (0, 0)
        while i < events.count || j < generated.count {
            if j == generated.count || (i < events.count && (events[i].time, events[i].sourceIndex) <= (generated[j].time, generated[j].sourceIndex)) {
                merged.append(events[i])
                i += 1
            } else {
                merged.append(generated[j])
                j += 1
            }
        }
        events = merged
        chatLoadEvents = []
    }
}

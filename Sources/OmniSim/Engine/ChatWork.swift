/// Live chat as agents' work in a run (issue 23): the ``ChatDesk`` and what the engine keeps beside
/// it — which user is which agent, the customer messages of each waiting chat with the users who
/// got them at posting (so that an assigned agent gets exactly the ones they have not), and the
/// chats a chat load hands to its agents for a drawn time.
///
/// A run keeps one only when its plan uses a word of live chat as work (``SimulationDriver/usesChatWork(_:)``):
/// without, nothing is queued, measured or reported, and the hot path asks nothing.
struct ChatWork {
    var desk: ChatDesk
    /// By person: the agent's index (users in declaration order), or -1 for a customer.
    let agentOfPerson: [Int32]
    /// By agent: the user.
    let personOfAgent: [PersonID]
    /// `chat NAME handled in D` (chat loads): closed by the agent who gets it D after.
    let handling: [ThreadID: SimDuration]
    /// Each waiting chat's customer and customer messages; dropped once it no longer waits.
    var waiting: [ThreadID: WaitingChat] = [:]

    /// What the engine keeps of a chat while it waits.
    struct WaitingChat {
        /// Who started it (who leaves the widget if it is abandoned).
        var customer: PersonID
        /// Its customer messages in posting order, with the users who got each at posting (members
        /// and `customer-messages all`).
        var messages: [(message: MessageID, reached: [PersonID])] = []
    }

    init(plan: ScenarioPlan) {
        var agentOfPerson: [Int32] = []
        var personOfAgent: [PersonID] = []
        for (index, kind) in plan.cast.personKinds.enumerated() {
            if kind == .user {
                agentOfPerson.append(Int32(personOfAgent.count))
                personOfAgent.append(PersonID(index))
            } else {
                agentOfPerson.append(-1)
            }
        }
        self.agentOfPerson = agentOfPerson
        self.personOfAgent = personOfAgent
        self.handling = plan.chatHandling
        desk = ChatDesk(agents: personOfAgent.count)
        desk.routing = plan.chatRouting
        desk.patience = plan.customerPatience
        for (agent, person) in personOfAgent.enumerated() {
            let capacity = plan.personSetup[person.int].settings.resolvedChatCapacity(over: plan.everyone)
            if capacity != nil { desk.setCapacity(capacity, of: agent, at: .start) }
        }
    }

    /// The agent index of `person`, or nil for a customer.
    func agent(_ person: PersonID) -> Int? {
        let agent = agentOfPerson[person.int]
        return agent >= 0 ? Int(agent) : nil
    }
}

extension ScenarioPlan {
    /// Whether the plan uses a word of live chat as work (issue 23): `chat-capacity`, `chat routing`
    /// other than the default, `customers wait at most`, a chat check or a chat load. Without one,
    /// a run keeps no ``ChatDesk``: v1, v2 and v3 files run exactly as before.
    public var usesChatWork: Bool {
        if chatRouting != .broadcast || customerPatience != nil || !chatHandling.isEmpty { return true }
        if everyone.chatCapacity != nil || personSetup.contains(where: { $0.settings.chatCapacity != nil }) { return true }
        if checks.contains(where: { $0.condition.isChatCheck }) { return true }
        return events.contains { event in
            switch event.action {
            case .chatRouting, .customerPatience, .setting(_, .chatCapacity), .settingBy(_, _, .chatCapacity): true
            default: false
            }
        }
    }
}

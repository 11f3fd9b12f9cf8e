/// One thread (conversation, draft or item): a thin shell over ``ThreadState`` on the simulation's
/// executor. Methods that can break a rule throw a ``Rejection`` and change nothing.
public actor ThreadActor {
    public nonisolated let id: ThreadID
    private nonisolated let executor: SimulationExecutor
    private nonisolated let cast: Cast
    private var state: ThreadState

    public nonisolated var unownedExecutor: UnownedSerialExecutor { executor.asUnownedSerialExecutor() }

    init(state: ThreadState, cast: Cast, executor: SimulationExecutor) {
        self.id = state.id
        self.state = state
        self.cast = cast
        self.executor = executor
    }

    func open(customer: Bool, author: PersonID, listed: [PersonID], asDraft: Bool) throws(Rejection) {
        try state.open(customer: customer, author: author, listed: listed, asDraft: asDraft, cast: cast)
    }
    func sendDraft(by author: PersonID) throws(Rejection) { try state.sendDraft(by: author, cast: cast) }
    func cancelDraft(by author: PersonID) throws(Rejection) { try state.cancelDraft(by: author, cast: cast) }
    func post(by author: PersonID, isNote: Bool, mentioning mentioned: [PersonID]) throws(Rejection) -> ThreadState.Posting {
        try state.post(by: author, isNote: isNote, cast: cast, mentioning: mentioned)
    }
    func add(_ people: [PersonID], by actor: PersonID) throws(Rejection) { try state.add(people, by: actor, cast: cast) }
    func remove(_ people: [PersonID], by actor: PersonID) throws(Rejection) {
        try state.remove(people, by: actor, cast: cast)
    }
    func setFollowing(_ follow: Bool, user: PersonID) throws(Rejection) {
        try state.setFollowing(follow, user: user, cast: cast)
    }
    func setClosed(_ closed: Bool, by person: PersonID) throws(Rejection) {
        try state.setClosed(closed, by: person, cast: cast)
    }
    func checkViewer(_ person: PersonID, seesAllCustomerThreads: Bool) throws(Rejection) {
        // The common case first, through the rule's own inlined predicate: a call to a non-inlined
        // method of `state` copies the whole state (retaining its arrays) for the call.
        if state.mayView(person, seesAllCustomerThreads: seesAllCustomerThreads) { return }
        try state.checkViewer(person, cast: cast, seesAllCustomerThreads: seesAllCustomerThreads)
    }
    func canBeSeen(by person: PersonID, seesAllCustomerThreads: Bool) -> Bool {
        state.canBeSeen(by: person, cast: cast, seesAllCustomerThreads: seesAllCustomerThreads)
    }
    func isMember(_ person: PersonID) -> Bool { state.isLive && state.isMember(person) }
    func isListed(for user: PersonID, in view: InboxView) -> Bool { state.isListed(for: user, in: view) }
    func members() -> [PersonID] { state.isLive ? state.members : [] }
}

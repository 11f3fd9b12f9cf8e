/// One thread (conversation, draft or item): a thin shell over ``ThreadState`` on the simulation's
/// executor. Methods that can break a rule throw a ``Rejection`` and change nothing.
public actor ThreadActor {
    public nonisolated let id: ThreadID
    private nonisolated let executor: SimulationExecutor
    private nonisolated let cast: Cast
    /// Unchecked at run time (the check cost a call into the runtime on every delivery): only this
    /// actor's isolated methods touch it, one at a time on the simulation's one thread, and none
    /// reaches back into the actor while it is changing `state` (the state's methods are plain
    /// struct methods), so no two accesses can overlap — the compiler's static checks still apply.
    @exclusivity(unchecked) private var state: ThreadState

    public nonisolated var unownedExecutor: UnownedSerialExecutor { executor.asUnownedSerialExecutor() }

    init(state: ThreadState, cast: Cast, executor: SimulationExecutor) {
        self.id = state.id
        self.state = state
        self.cast = cast
        self.executor = executor
    }

    func open(customer: Bool, author: PersonID, listed: [Member], asDraft: Bool, teams: TeamRoster) throws(Rejection) {
        try state.open(customer: customer, author: author, listed: listed, asDraft: asDraft, cast: cast, teams: teams)
    }
    func sendDraft(by author: PersonID, teams: TeamRoster) throws(Rejection) {
        try state.sendDraft(by: author, cast: cast, teams: teams)
    }
    func cancelDraft(by author: PersonID) throws(Rejection) { try state.cancelDraft(by: author, cast: cast) }
    func post(by author: PersonID, isNote: Bool, mentioning mentioned: [PersonID]) throws(Rejection) -> ThreadState.Posting {
        try state.post(by: author, isNote: isNote, cast: cast, mentioning: mentioned)
    }
    func add(_ entries: [Member], by actor: PersonID, teams: TeamRoster) throws(Rejection) {
        try state.add(entries, by: actor, cast: cast, teams: teams)
    }
    func remove(_ entries: [Member], by actor: PersonID, teams: TeamRoster) throws(Rejection) -> [PersonID] {
        try state.remove(entries, by: actor, cast: cast, teams: teams)
    }
    func setFollowing(_ follow: Bool, user: PersonID, teams: TeamRoster) throws(Rejection) -> [PersonID] {
        try state.setFollowing(follow, user: user, cast: cast, teams: teams)
    }
    func teamsChanged(_ teams: TeamRoster) -> [PersonID] { state.teamsChanged(teams) }
    func team(giving person: PersonID, teams: TeamRoster) -> TeamID? { state.team(giving: person, teams: teams) }
    func mayView(_ person: PersonID, seesAllCustomerThreads: Bool) -> Bool {
        state.mayView(person, seesAllCustomerThreads: seesAllCustomerThreads)
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

// MARK: Synchronous entries

/// The calls of the driver's hot path, made synchronously on the simulation's executor (see
/// ``SimulationExecutor/runIsolated(_:_:_:)``: the caller must be on it, and that is checked).
extension ThreadActor {
    nonisolated func postSync(by author: PersonID, isNote: Bool, mentioning mentioned: [PersonID]) throws(Rejection) -> ThreadState.Posting {
        try executor.runIsolated(self, (author, isNote, mentioned)) { (thread, a) throws(Rejection) in
            try thread.post(by: a.0, isNote: a.1, mentioning: a.2)
        }
    }
    /// The thread's first members now (for prefetching their actors ahead of a message), copied out
    /// without retaining the list.
    nonisolated func memberSampleSync() -> MemberSample {
        executor.runIsolated(self, ()) { thread, _ in MemberSample(thread.state.members) }
    }
    /// Where the thread's member list is stored, as a hint for prefetching only: never read through.
    nonisolated func membersAddressSync() -> UnsafeRawPointer? {
        executor.runIsolated(self, ()) { thread, _ in thread.state.members.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) } }
    }
    nonisolated func teamSync(giving person: PersonID, teams: TeamRoster) -> TeamID? {
        executor.runIsolated(self, (person, teams)) { thread, a in thread.team(giving: a.0, teams: a.1) }
    }
    nonisolated func checkViewerSync(_ person: PersonID, seesAllCustomerThreads: Bool) throws(Rejection) {
        try executor.runIsolated(self, (person, seesAllCustomerThreads)) { (thread, a) throws(Rejection) in
            try thread.checkViewer(a.0, seesAllCustomerThreads: a.1)
        }
    }
    nonisolated func openSync(customer: Bool, author: PersonID, listed: [Member], asDraft: Bool, teams: TeamRoster) throws(Rejection) {
        try executor.runIsolated(self, (customer, author, listed, asDraft, teams)) { (thread, a) throws(Rejection) in
            try thread.open(customer: a.0, author: a.1, listed: a.2, asDraft: a.3, teams: a.4)
        }
    }
}

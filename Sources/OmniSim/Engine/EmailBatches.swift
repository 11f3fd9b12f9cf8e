/// The open batches of fallback emails (contract v2, `email-batch`): one at most per (user,
/// thread) takes new emails; each goes out at its own instant, from its own timer. Lookups only:
/// no iteration order of the index ever reaches a decision.
struct EmailBatches {
    struct Batch {
        var user: PersonID
        var thread: ThreadID
        /// When it goes out.
        var instant: SimInstant
        /// The messages whose fallback email it holds, in the order their deadlines came.
        var messages: [MessageID]
    }

    private struct Key: Hashable {
        var user: PersonID
        var thread: ThreadID
    }

    /// By batch id (the timer names it); nil once it has gone out.
    private var batches: [Batch?] = []
    /// The batch of (user, thread) that takes new emails, if any.
    private var openIndex: [Key: Int] = [:]

    /// How many batches have not gone out (each will be one email, or none if all is seen).
    private(set) var openCount = 0

    /// The open batch of (user, thread) that an email falling due at `now` joins: one that goes out
    /// strictly later (an email due at the batch's own instant opens the next one).
    @inline(__always)
    func batchToJoin(user: PersonID, thread: ThreadID, at now: SimInstant) -> Int? {
        // Without batching (the usual case) no batch is ever open: no key to hash on every deadline.
        guard !openIndex.isEmpty, let id = openIndex[Key(user: user, thread: thread)], let batch = batches[id], batch.instant > now else { return nil }
        return id
    }

    mutating func join(_ id: Int, _ message: MessageID) {
        batches[id]?.messages.append(message)
    }

    /// Opens a batch with its first message; returns its id, for its timer.
    mutating func open(user: PersonID, thread: ThreadID, message: MessageID, goesOutAt instant: SimInstant) -> Int {
        batches.append(Batch(user: user, thread: thread, instant: instant, messages: [message]))
        openIndex[Key(user: user, thread: thread)] = batches.count - 1
        openCount += 1
        return batches.count - 1
    }

    /// The batch goes out: it is taken off the books and returned.
    mutating func close(_ id: Int) -> Batch? {
        guard let batch = batches[id] else { return nil }
        batches[id] = nil
        openCount -= 1
        let key = Key(user: batch.user, thread: batch.thread)
        if openIndex[key] == id { openIndex[key] = nil }
        return batch
    }
}

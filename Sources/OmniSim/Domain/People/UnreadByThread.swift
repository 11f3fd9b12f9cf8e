/// A user's arrived, unseen messages counted by thread: the first four threads inline in the user's
/// state (large load: 91% of arrivals find the user with unread messages in fewer than four
/// threads; a separate buffer would be one more cache miss, and a uniqueness check, per delivery),
/// any others in an array. Order carries no meaning.
struct UnreadByThread: Sendable {
    struct Entry: Sendable {
        var thread: Int32 = -1
        var count: Int32 = 0
        var quiet: Int32 = 0
    }

    /// How many threads are counted inline.
    private static let inlineCapacity = 4
    /// Inline entries; a free one has thread -1. Read and written as four `Entry`s in a row (a
    /// homogeneous tuple is laid out as its elements in order, like `MemberSample`'s).
    private var inline: (Entry, Entry, Entry, Entry) = (Entry(), Entry(), Entry(), Entry())
    private var more: [Entry] = []

    /// One more unseen message in `thread` (`quiet`: one that notifies nothing).
    mutating func add(_ thread: ThreadID, quiet: Bool) {
        let id = thread.index, q: Int32 = quiet ? 1 : 0
        let added = withUnsafeMutableBytes(of: &inline) { bytes -> Bool in
            let entries = bytes.bindMemory(to: Entry.self)
            var free = -1
            for index in 0..<Self.inlineCapacity {
                if entries[index].thread == id {
                    entries[index].count += 1
                    entries[index].quiet += q
                    return true
                }
                if free < 0 && entries[index].thread < 0 { free = index }
            }
            // Not inline: counted in `more` if it is there (it went there while the inline
            // entries were full), else in a free inline entry.
            if !more.isEmpty, let index = more.firstIndex(where: { $0.thread == id }) {
                more[index].count += 1
                more[index].quiet += q
                return true
            }
            guard free >= 0 else { return false }
            entries[free] = Entry(thread: id, count: 1, quiet: q)
            return true
        }
        if !added { more.append(Entry(thread: id, count: 1, quiet: q)) }
    }

    /// Takes `thread`'s counts away (its messages were seen); nil when it has none.
    mutating func remove(_ thread: ThreadID) -> (count: Int32, quiet: Int32)? {
        let id = thread.index
        let inlineCounts = withUnsafeMutableBytes(of: &inline) { bytes -> (count: Int32, quiet: Int32)? in
            let entries = bytes.bindMemory(to: Entry.self)
            for index in 0..<Self.inlineCapacity where entries[index].thread == id {
                defer { entries[index] = Entry() }
                return (entries[index].count, entries[index].quiet)
            }
            return nil
        }
        if let inlineCounts { return inlineCounts }
        guard !more.isEmpty, let index = more.firstIndex(where: { $0.thread == id }) else { return nil }
        let entry = more[index]
        more.swapAt(index, more.count - 1)
        more.removeLast()
        // An empty list gives its buffer back, so that asking it again reads the shared empty array
        // (always cached) rather than a buffer of this user's (a miss on most deliveries).
        if more.isEmpty { more = [] }
        return (entry.count, entry.quiet)
    }
}

/// A user's arrived, unseen messages counted by thread: the first four threads inline in the user's
/// state (large load: 91% of arrivals find the user with unread messages in fewer than four
/// threads; a separate buffer would be one more cache miss, and a uniqueness check, per delivery),
/// any others in an array — a short list, or, past ``listCapacity`` of them (an agent who never
/// opens their chats, issue 23), an open-addressing table in the same array, so that a delivery
/// stays O(1) however many threads wait (and the state takes no more room). Order carries no meaning.
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

    // MARK: `more` as a list or a table

    /// The most threads kept in the list before it becomes a table.
    static let listCapacity = 32
    /// In a table, `more[0]` is a header whose thread is this marker and whose count is the number
    /// of threads held; `more[1...capacity]` are the slots (a free one has thread -1), capacity a
    /// power of two at most three quarters full, linear probing, deletion by backward shift.
    private static let tableMarker: Int32 = -2

    private var isTable: Bool { more.first?.thread == Self.tableMarker }

    /// The slot of `id` in the table, or the free slot where it would go.
    private func probe(_ id: Int32) -> (slot: Int, found: Bool) {
        let capacity = more.count - 1
        var position = Self.home(id, capacity: capacity)
        while true {
            let thread = more[1 + position].thread
            if thread == id { return (1 + position, true) }
            if thread < 0 { return (1 + position, false) }
            position = (position + 1) & (capacity - 1)
        }
    }

    /// Where `id` hashes to in a table of `capacity` slots (a power of two).
    private static func home(_ id: Int32, capacity: Int) -> Int {
        let hashed = UInt32(bitPattern: id) &* 0x9E37_79B9
        return Int(hashed >> UInt32(32 - capacity.trailingZeroBitCount))
    }

    /// `entries` (distinct threads) as a table with `capacity` slots.
    private static func table(_ entries: some Sequence<Entry>, count: Int, capacity: Int) -> [Entry] {
        var table = [Entry(thread: tableMarker, count: Int32(count), quiet: 0)] + Array(repeating: Entry(), count: capacity)
        for entry in entries {
            var position = home(entry.thread, capacity: capacity)
            while table[1 + position].thread >= 0 { position = (position + 1) & (capacity - 1) }
            table[1 + position] = entry
        }
        return table
    }

    /// Adds one unseen message of `id` to its entry in `more`, if it has one.
    private mutating func addToMore(_ id: Int32, quiet q: Int32) -> Bool {
        let index: Int
        if isTable {
            let (slot, found) = probe(id)
            guard found else { return false }
            index = slot
        } else {
            guard let found = more.firstIndex(where: { $0.thread == id }) else { return false }
            index = found
        }
        more[index].count += 1
        more[index].quiet += q
        return true
    }

    /// A new entry in `more` (its thread is not there).
    private mutating func appendToMore(_ entry: Entry) {
        guard isTable else {
            more.append(entry)
            if more.count > Self.listCapacity { more = Self.table(more, count: more.count, capacity: 4 * 32) }
            return
        }
        let (count, capacity) = (Int(more[0].count) + 1, more.count - 1)
        if 4 * count > 3 * capacity {
            more = Self.table(more.dropFirst().filter { $0.thread >= 0 }, count: count - 1, capacity: 2 * capacity)
        }
        more[probe(entry.thread).slot] = entry
        more[0].count += 1
    }

    /// Takes `id`'s entry out of `more`, if it has one.
    private mutating func removeFromMore(_ id: Int32) -> Entry? {
        guard isTable else {
            guard let index = more.firstIndex(where: { $0.thread == id }) else { return nil }
            let entry = more[index]
            more.swapAt(index, more.count - 1)
            more.removeLast()
            // An empty list gives its buffer back, so that asking it again reads the shared empty
            // array (always cached) rather than a buffer of this user's (a miss on most deliveries).
            if more.isEmpty { more = [] }
            return entry
        }
        let (slot, found) = probe(id)
        guard found else { return nil }
        let entry = more[slot]
        let capacity = more.count - 1
        // Backward shift: each entry after the hole that may move into it (its home is not
        // strictly between the hole and itself, cyclically) does, until a free slot.
        var hole = slot - 1
        var next = (hole + 1) & (capacity - 1)
        while more[1 + next].thread >= 0 {
            let home = Self.home(more[1 + next].thread, capacity: capacity)
            let distanceToHole = (next - hole) & (capacity - 1), distanceToHome = (next - home) & (capacity - 1)
            if distanceToHome >= distanceToHole {
                more[1 + hole] = more[1 + next]
                hole = next
            }
            next = (next + 1) & (capacity - 1)
        }
        more[1 + hole] = Entry()
        more[0].count -= 1
        if more[0].count == 0 { more = [] }
        return entry
    }

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
            if !more.isEmpty, more.first?.thread != Self.tableMarker, let index = more.firstIndex(where: { $0.thread == id }) {
                more[index].count += 1
                more[index].quiet += q
                return true
            }
            guard free >= 0 else { return false }
            if more.first?.thread == Self.tableMarker { return false }  // looked up in the table below
            entries[free] = Entry(thread: id, count: 1, quiet: q)
            return true
        }
        if !added { addOutside(id, quiet: q) }
    }

    /// `id` was not counted inline: counted in the table if there, else in a free inline entry,
    /// else a new entry of `more` (with the list, only the last: the closure above looked it up).
    private mutating func addOutside(_ id: Int32, quiet q: Int32) {
        if isTable, addToMore(id, quiet: q) { return }
        let placed = isTable && withUnsafeMutableBytes(of: &inline) { bytes -> Bool in
            let entries = bytes.bindMemory(to: Entry.self)
            for index in 0..<Self.inlineCapacity where entries[index].thread < 0 {
                entries[index] = Entry(thread: id, count: 1, quiet: q)
                return true
            }
            return false
        }
        if !placed { appendToMore(Entry(thread: id, count: 1, quiet: q)) }
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
        guard !more.isEmpty, let entry = removeFromMore(id) else { return nil }
        return (entry.count, entry.quiet)
    }
}

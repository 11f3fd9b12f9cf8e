/// Up to the first eight members of a thread, inline: what prefetching asks of a thread ahead of
/// a message (a copy of the member list would retain and release it; a thread has few members).
struct MemberSample {
    static let capacity = 8
    private var people: (Int32, Int32, Int32, Int32, Int32, Int32, Int32, Int32) = (-1, -1, -1, -1, -1, -1, -1, -1)
    private(set) var count = 0

    @inline(__always)
    init(_ members: [PersonID]) {
        count = min(members.count, Self.capacity)
        withUnsafeMutableBytes(of: &people) { slots in
            let ids = slots.bindMemory(to: Int32.self)
            for position in 0..<count { ids[position] = members[position].index }
        }
    }

    /// Calls `body` with each member's person index, in membership order.
    @inline(__always)
    func forEach(_ body: (Int) -> Void) {
        withUnsafeBytes(of: people) { slots in
            for position in 0..<count { body(Int(slots.load(fromByteOffset: position * 4, as: Int32.self))) }
        }
    }
}

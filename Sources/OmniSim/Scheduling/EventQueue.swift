/// The simulation's pending timers: a binary min-heap ordered by ``ScheduledTimer/key``.
///
/// The key `(time, phase, sequence)` is total, so the pop order never depends on the heap's
/// internal layout (which, as swift-collections' `Heap` warns, is unspecified).
///
/// - Complexity: `push` and `popMin` are O(log n); `peek` is O(1).
struct EventQueue {
    private var storage: [ScheduledTimer] = []
    private var sequenceNext: UInt64 = 0

    var isEmpty: Bool { storage.isEmpty }
    var count: Int { storage.count }

    /// The earliest timer, if any, without removing it.
    var peek: ScheduledTimer? { storage.first }

    /// Schedules `timer` at `time`; timers at the same time and phase run in the order they were set.
    mutating func push(_ timer: TimerEvent, at time: SimInstant, phase: Phase) {
        let entry = ScheduledTimer(time: time, phase: phase, sequence: sequenceNext, event: timer)
        sequenceNext += 1
        storage.append(entry)
        siftUp(storage.count - 1)
    }

    /// Removes and returns the earliest timer.
    mutating func popMin() -> ScheduledTimer? {
        guard let first = storage.first else { return nil }
        let last = storage.removeLast()
        if !storage.isEmpty {
            storage[0] = last
            siftDown(0)
        }
        return first
    }

    /// Every pending timer, in no particular order (for end-of-run accounting only).
    var unordered: [ScheduledTimer] { storage }

    private mutating func siftUp(_ index: Int) {
        var child = index
        let item = storage[child]
        while child > 0 {
            let parent = (child - 1) / 2
            guard item.key < storage[parent].key else { break }
            storage[child] = storage[parent]
            child = parent
        }
        storage[child] = item
    }

    private mutating func siftDown(_ index: Int) {
        var parent = index
        let item = storage[parent]
        let count = storage.count
        while true {
            let left = 2 * parent + 1
            guard left < count else { break }
            var smallest = left
            let right = left + 1
            if right < count && storage[right].key < storage[left].key { smallest = right }
            guard storage[smallest].key < item.key else { break }
            storage[parent] = storage[smallest]
            parent = smallest
        }
        storage[parent] = item
    }
}

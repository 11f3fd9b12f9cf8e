/// The simulation's pending timers: a binary min-heap ordered by ``ScheduledTimer/key``.
///
/// The key `(time, phase, sequence)` is total, so the pop order never depends on the heap's
/// internal layout (which, as swift-collections' `Heap` warns, is unspecified).
///
/// Most timers are set in time order (every fallback deadline is "now plus the same minute"), so
/// the queue keeps a FIFO lane beside the heap: a timer whose key is not below the lane's last one
/// joins the lane in O(1); any other goes to the heap. The earliest timer is the smaller of the two
/// heads, so the order is exactly the heap's would be.
///
/// - Complexity: `push` and `popMin` are O(1) in the lane, O(log n) in the heap; `peek` is O(1).
struct EventQueue {
    private var storage: [ScheduledTimer] = []
    private var lane = FIFOQueue<ScheduledTimer>()
    private var laneLastKey: ScheduledTimer.Key?
    private var sequenceNext: UInt64 = 0

    var isEmpty: Bool { storage.isEmpty && lane.isEmpty }
    var count: Int { storage.count + lane.count }

    /// The earliest timer, if any, without removing it.
    var peek: ScheduledTimer? {
        guard let laneFirst = lane.first else { return storage.first }
        guard let heapFirst = storage.first else { return laneFirst }
        return laneFirst.key < heapFirst.key ? laneFirst : heapFirst
    }

    /// Schedules `timer` at `time`; timers at the same time and phase run in the order they were set.
    mutating func push(_ timer: TimerEvent, at time: SimInstant, phase: Phase) {
        let entry = ScheduledTimer(time: time, phase: phase, sequence: sequenceNext, event: timer)
        sequenceNext += 1
        if laneLastKey.map({ !(entry.key < $0) }) ?? true {
            lane.append(entry)
            laneLastKey = entry.key
            return
        }
        storage.append(entry)
        siftUp(storage.count - 1)
    }

    /// Removes and returns the earliest timer.
    mutating func popMin() -> ScheduledTimer? {
        if let laneFirst = lane.first, storage.first.map({ laneFirst.key < $0.key }) ?? true {
            if lane.count == 1 { laneLastKey = nil }
            return lane.popFirst()
        }
        guard let first = storage.first else { return nil }
        let last = storage.removeLast()
        if !storage.isEmpty {
            storage[0] = last
            siftDown(0)
        }
        return first
    }

    /// Every pending timer, in no particular order (for end-of-run accounting only).
    var unordered: [ScheduledTimer] { storage + Array(lane.elements) }

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

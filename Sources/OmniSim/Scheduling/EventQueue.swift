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
    private var heap = BinaryHeap<ScheduledTimer>()
    private var lane = FIFOQueue<ScheduledTimer>()
    private var laneLastKey: ScheduledTimer.Key?
    private var sequenceNext: UInt64 = 0

    var isEmpty: Bool { heap.isEmpty && lane.isEmpty }
    var count: Int { heap.count + lane.count }

    /// The earliest timer, if any, without removing it.
    var peek: ScheduledTimer? {
        guard let laneFirst = lane.first else { return heap.min }
        guard let heapFirst = heap.min else { return laneFirst }
        return laneFirst < heapFirst ? laneFirst : heapFirst
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
        heap.insert(entry)
    }

    /// The timer `offset` places behind the lane's head (a hint of what comes, for prefetching:
    /// the lane holds the timers set in time order, such as fallback deadlines).
    @inline(__always)
    func laneTimer(_ offset: Int) -> TimerEvent? {
        let position = lane.indices.lowerBound + offset
        return position < lane.indices.upperBound ? lane[position].event : nil
    }

    /// Removes and returns the earliest timer.
    mutating func popMin() -> ScheduledTimer? {
        if let laneFirst = lane.first, heap.min.map({ laneFirst < $0 }) ?? true {
            if lane.count == 1 { laneLastKey = nil }
            return lane.popFirst()
        }
        return heap.popMin()
    }

    /// Every pending timer, in no particular order (for end-of-run accounting only).
    var unordered: [ScheduledTimer] { heap.unordered + Array(lane.elements) }
}

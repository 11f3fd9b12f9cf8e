/// A binary min-heap: the one heap of the engine (the timer queue, the load generator's presence
/// and views). As swift-collections' `Heap` warns, the order of equal elements is unspecified, so
/// every element type here has a total order (a sequence number breaks ties).
///
///     var heap = BinaryHeap<Int>()
///     heap.insert(3); heap.insert(1)
///     heap.popMin()   // 1
///
/// - Complexity: `insert` and `popMin` are O(log n); `min` is O(1).
struct BinaryHeap<Element: Comparable & Sendable>: Sendable {
    private var storage: [Element] = []

    var isEmpty: Bool { storage.isEmpty }
    var count: Int { storage.count }
    /// The smallest element, without removing it.
    var min: Element? { storage.first }
    /// Every element, in no particular order.
    var unordered: [Element] { storage }

    mutating func insert(_ element: Element) {
        storage.append(element)
        var child = storage.count - 1
        let item = storage[child]
        while child > 0 {
            let parent = (child - 1) / 2
            guard item < storage[parent] else { break }
            storage[child] = storage[parent]
            child = parent
        }
        storage[child] = item
    }

    mutating func popMin() -> Element? {
        guard let first = storage.first else { return nil }
        let last = storage.removeLast()
        guard !storage.isEmpty else { return first }
        var parent = 0
        let count = storage.count
        while true {
            let left = 2 * parent + 1
            guard left < count else { break }
            var smallest = left
            if left + 1 < count, storage[left + 1] < storage[left] { smallest = left + 1 }
            guard storage[smallest] < last else { break }
            storage[parent] = storage[smallest]
            parent = smallest
        }
        storage[parent] = last
        return first
    }
}

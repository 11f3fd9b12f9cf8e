/// A binary min-heap whose order is given at each call (so tuples can be stored without a
/// Comparable conformance). Callers must always pass the same total order.
///
/// - Complexity: `push` and `pop` are O(log n).
struct MinHeap<Element> {
    private var storage: [Element] = []

    var isEmpty: Bool { storage.isEmpty }
    var count: Int { storage.count }
    var peek: Element? { storage.first }

    mutating func push(_ element: Element, by less: (Element, Element) -> Bool) {
        storage.append(element)
        var child = storage.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard less(storage[child], storage[parent]) else { break }
            storage.swapAt(child, parent)
            child = parent
        }
    }

    mutating func pop(by less: (Element, Element) -> Bool) -> Element? {
        guard !storage.isEmpty else { return nil }
        storage.swapAt(0, storage.count - 1)
        let top = storage.removeLast()
        var parent = 0
        while true {
            let left = 2 * parent + 1
            guard left < storage.count else { break }
            var smallest = left
            if left + 1 < storage.count, less(storage[left + 1], storage[left]) { smallest = left + 1 }
            guard less(storage[smallest], storage[parent]) else { break }
            storage.swapAt(smallest, parent)
            parent = smallest
        }
        return top
    }
}

/// A first-in, first-out queue with amortised O(1) `append` and `popFirst`: an array and the index
/// of its head, compacted once the consumed part is half of it. The one copy of that bookkeeping:
/// channel backlogs, the timer queue's lane and a user's messages awaiting their deadlines use it.
///
///     var queue = FIFOQueue<Int>()
///     queue.append(1); queue.append(2)
///     queue.popFirst()   // 1
struct FIFOQueue<Element: Sendable>: Sendable {
    private var storage: [Element] = []
    private var head = 0

    var count: Int { storage.count - head }
    var isEmpty: Bool { head == storage.count }
    var first: Element? { head < storage.count ? storage[head] : nil }

    mutating func append(_ element: Element) { storage.append(element) }

    mutating func popFirst() -> Element? {
        guard head < storage.count else { return nil }
        let element = storage[head]
        head += 1
        compact()
        return element
    }

    /// Removes elements from the front while `shouldRemove` says so.
    mutating func removeFirst(while shouldRemove: (Element) -> Bool) {
        while head < storage.count, shouldRemove(storage[head]) { head += 1 }
        compact()
    }

    /// The positions of the elements, oldest first; valid until the next removal.
    var indices: Range<Int> { head..<storage.count }

    /// The element at `position` (one of ``indices``).
    subscript(position: Int) -> Element {
        get { storage[position] }
        set { storage[position] = newValue }
    }

    /// The elements in queue order.
    var elements: ArraySlice<Element> { storage[head...] }

    private mutating func compact() {
        if head == storage.count {
            storage.removeAll(keepingCapacity: true)
            head = 0
        } else if head >= 256 && head * 2 >= storage.count {
            storage.removeFirst(head)
            head = 0
        }
    }
}

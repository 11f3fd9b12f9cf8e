/// A first-in, first-out queue whose two oldest elements live inline (in the value itself) and the
/// rest in a ``FIFOQueue``: a user's messages awaiting their deadline are usually one or two, and
/// keeping them in the user's own state saves a cache miss on every delivery and deadline.
///
/// Positions (``indices``) count from the oldest, 0 up to ``count``; they stay valid until the next
/// removal. The two inline slots are always the oldest: a removal from the front moves the next
/// element up.
struct SmallQueue<Element: Sendable>: Sendable {
    private var oldest: Element?
    private var second: Element?
    private var rest = FIFOQueue<Element>()
    /// How many elements `rest` holds, kept inline: a queue of two or fewer never reads the rest's
    /// buffer (which stays allocated once used: reading its count was a cache miss per deadline).
    private var restCount = 0

    var count: Int { (oldest == nil ? 0 : 1) + (second == nil ? 0 : 1) + restCount }
    var indices: Range<Int> { 0..<count }

    mutating func append(_ element: Element) {
        if oldest == nil {
            oldest = element
        } else if second == nil {
            second = element
        } else {
            rest.append(element)
            restCount += 1
        }
    }

    /// The element at `position` (one of ``indices``).
    subscript(position: Int) -> Element {
        get {
            switch position {
            case 0:
                guard let oldest else { preconditionFailure("position 0 of an empty queue") }
                return oldest
            case 1:
                guard let second else { preconditionFailure("position 1 of a queue of one") }
                return second
            default: return rest[rest.indices.lowerBound + position - 2]
            }
        }
        set {
            switch position {
            case 0: oldest = newValue
            case 1: second = newValue
            default: rest[rest.indices.lowerBound + position - 2] = newValue
            }
        }
    }

    /// The position of the oldest element that `matches`, if any (the inline ones asked first).
    @inline(__always)
    func firstPosition(where matches: (Element) -> Bool) -> Int? {
        guard let oldest else { return nil }
        if matches(oldest) { return 0 }
        guard let second else { return nil }
        if matches(second) { return 1 }
        guard restCount > 0 else { return nil }
        for position in rest.indices where matches(rest[position]) { return position - rest.indices.lowerBound + 2 }
        return nil
    }

    /// The position of the newest element that `matches`, if any.
    @inline(__always)
    func lastPosition(where matches: (Element) -> Bool) -> Int? {
        if restCount > 0 {
            for position in rest.indices.reversed() where matches(rest[position]) { return position - rest.indices.lowerBound + 2 }
        }
        if let second, matches(second) { return 1 }
        if let oldest, matches(oldest) { return 0 }
        return nil
    }

    /// Removes elements from the front while `shouldRemove` says so.
    mutating func removeFirst(while shouldRemove: (Element) -> Bool) {
        while let front = oldest, shouldRemove(front) {
            oldest = second
            if restCount > 0 {
                second = rest.popFirst()
                restCount -= 1
            } else {
                second = nil
            }
        }
    }
}

/// A first-in, first-out queue whose four oldest elements live inline (in the value itself) and the
/// rest in a ``FIFOQueue``: a user's messages awaiting their deadline are usually four or fewer
/// (large load: 94% of arrivals find fewer than four waiting; with two inline, 34% spilled), and
/// keeping them in the user's own state saves a cache miss, and a uniqueness check of the rest's
/// buffer, on every delivery, view and deadline.
///
/// Positions (``indices``) count from the oldest, 0 up to ``count``; they stay valid until the next
/// removal. The inline slots are always the oldest and filled from the first: a removal from the
/// front moves every later element up.
struct SmallQueue<Element: Sendable>: Sendable {
    /// How many elements are kept inline.
    static var inlineCapacity: Int { 4 }

    private var slots: (Element?, Element?, Element?, Element?) = (nil, nil, nil, nil)
    /// How many of `slots` are filled (always the first ones).
    private var inlineCount: Int32 = 0
    /// How many elements `rest` holds, kept inline: a queue that fits its slots never reads the
    /// rest's buffer (which stays allocated once used: reading its count was a cache miss).
    private var restCount: Int32 = 0
    private var rest = FIFOQueue<Element>()

    var count: Int { Int(inlineCount) + Int(restCount) }
    var indices: Range<Int> { 0..<count }

    mutating func append(_ element: Element) {
        switch inlineCount {
        case 0: slots.0 = element
        case 1: slots.1 = element
        case 2: slots.2 = element
        case 3: slots.3 = element
        default:
            rest.append(element)
            restCount += 1
            return
        }
        inlineCount += 1
    }

    /// The element at `position` (one of ``indices``).
    subscript(position: Int) -> Element {
        @inline(__always) get {
            let element: Element?
            switch position {
            case 0: element = slots.0
            case 1: element = slots.1
            case 2: element = slots.2
            case 3: element = slots.3
            default: return rest[rest.indices.lowerBound + position - Self.inlineCapacity]
            }
            guard let element else { preconditionFailure("position \(position) of a queue of \(count)") }
            return element
        }
        set {
            precondition(position < count, "position \(position) of a queue of \(count)")
            switch position {
            case 0: slots.0 = newValue
            case 1: slots.1 = newValue
            case 2: slots.2 = newValue
            case 3: slots.3 = newValue
            default: rest[rest.indices.lowerBound + position - Self.inlineCapacity] = newValue
            }
        }
    }

    /// The position of the oldest element that `matches`, if any (the inline ones asked first).
    @inline(__always)
    func firstPosition(where matches: (Element) -> Bool) -> Int? {
        for position in 0..<Int(inlineCount) where matches(self[position]) { return position }
        guard restCount > 0 else { return nil }
        for position in rest.indices where matches(rest[position]) {
            return position - rest.indices.lowerBound + Self.inlineCapacity
        }
        return nil
    }

    /// The position of the newest element that `matches`, if any.
    @inline(__always)
    func lastPosition(where matches: (Element) -> Bool) -> Int? {
        if restCount > 0 {
            for position in rest.indices.reversed() where matches(rest[position]) {
                return position - rest.indices.lowerBound + Self.inlineCapacity
            }
        }
        for position in (0..<Int(inlineCount)).reversed() where matches(self[position]) { return position }
        return nil
    }

    /// Calls `update` on every element, oldest first, to change it in place. The rest's buffer is
    /// not touched when everything is inline (written through ``subscript(_:)`` in a loop, the
    /// compiler checked its uniqueness up front: a cache miss per view).
    @inline(__always)
    mutating func updateEach(_ update: (inout Element) -> Void) {
        if slots.0 != nil { update(&slots.0!) }
        if slots.1 != nil { update(&slots.1!) }
        if slots.2 != nil { update(&slots.2!) }
        if slots.3 != nil { update(&slots.3!) }
        guard restCount > 0 else { return }
        for position in rest.indices { update(&rest[position]) }
    }

    /// Removes elements from the front while `shouldRemove` says so.
    mutating func removeFirst(while shouldRemove: (Element) -> Bool) {
        while let front = slots.0, shouldRemove(front) {
            slots.0 = slots.1
            slots.1 = slots.2
            slots.2 = slots.3
            if restCount > 0 {
                slots.3 = rest.popFirst()
                restCount -= 1
                // Emptied, the rest gives its buffer back: the next spill allocates one afresh
                // rather than every later look reading a buffer of this user's.
                if restCount == 0 { rest = FIFOQueue() }
            } else {
                slots.3 = nil
                inlineCount -= 1
            }
        }
    }
}

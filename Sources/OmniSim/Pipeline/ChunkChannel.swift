import Dispatch
import Synchronization

/// A bounded single-producer, single-consumer channel of chunks between two threads: the producer
/// fills an array of elements and sends it whole; the consumer takes chunks in the order they were
/// sent. Synchronising once per chunk (a lock and a semaphore) costs next to nothing per element,
/// and at most ``capacity`` chunks wait, so a fast producer is held back (back-pressure) instead of
/// filling memory.
///
///     let channel = ChunkChannel<Int>(capacity: 4)
///     // producer thread:  channel.send([1, 2, 3]); channel.close()
///     // consumer thread:  while let chunk = channel.receive() { … }
///
/// Either side may stop early: ``close()`` by the producer ends the stream after what was sent;
/// ``cancel()`` by the consumer makes every later ``send(_:)`` return false at once (and wakes a
/// producer waiting for room), so neither side can hang on the other.
public final class ChunkChannel<Element: Sendable>: Sendable {
    private struct State {
        var chunks = FIFOQueue<[Element]>()
        var closed = false
        var cancelled = false
    }

    private let state = Mutex(State())
    /// Counts free slots: a producer takes one before it sends.
    private let room: DispatchSemaphore
    /// Counts chunks (and the close) a consumer may take.
    private let ready = DispatchSemaphore(value: 0)
    public let capacity: Int

    public init(capacity: Int) {
        precondition(capacity >= 1, "a channel holds at least one chunk")
        self.capacity = capacity
        room = DispatchSemaphore(value: capacity)
    }

    /// Sends a chunk, waiting while ``capacity`` chunks wait. Returns false (and drops the chunk)
    /// once the consumer has cancelled.
    @discardableResult
    public func send(_ chunk: sending [Element]) -> Bool {
        room.wait()
        let accepted = state.withLock { state -> Bool in
            guard !state.cancelled else { return false }
            state.chunks.append(chunk)
            return true
        }
        if accepted { ready.signal() } else { room.signal() }
        return accepted
    }

    /// The producer is done: the consumer gets what was sent, then nil.
    public func close() {
        state.withLock { $0.closed = true }
        ready.signal()
    }

    /// The next chunk, waiting for one; nil once the producer has closed and every chunk was taken
    /// (or after ``cancel()``).
    public func receive() -> [Element]? {
        while true {
            ready.wait()
            let (chunk, done) = state.withLock { state -> ([Element]?, Bool) in
                if state.cancelled { return (nil, true) }
                if let chunk = state.chunks.popFirst() { return (chunk, false) }
                return (nil, state.closed)
            }
            if let chunk {
                room.signal()
                return chunk
            }
            if done {
                ready.signal()  // a later receive() ends too
                return nil
            }
        }
    }

    /// The consumer stops: chunks waiting are dropped, and the producer's later sends fail at once.
    public func cancel() {
        let waiting = state.withLock { state -> Int in
            state.cancelled = true
            let count = state.chunks.count
            state.chunks = FIFOQueue()
            return count
        }
        // Free the producer: one slot per dropped chunk, plus one for a send that may be waiting.
        for _ in 0..<(waiting + 1) { room.signal() }
        ready.signal()
    }
}

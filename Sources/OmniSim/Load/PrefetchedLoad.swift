import Foundation
internal import CacheHints

/// A load's events generated ahead on a thread of their own (issue: engine speed): the generator
/// runs on its thread and hands its events over in chunks through a bounded ``ChunkChannel``, so
/// the simulation thread only takes them. The order is the generator's own, so a run is the same
/// event for event as with the generator inline; the channel holds at most a few chunks, so memory
/// stays bounded however far ahead the generator could run.
///
/// Only the simulation thread calls ``next()``; the generator thread touches only its own
/// generator and the channel. When the stream is dropped before the end (a run that stops early),
/// ``deinit`` cancels the channel and the generator thread ends at its next chunk.
final class PrefetchedLoad {
    /// One generated event and its instant (milliseconds).
    struct Generated: Sendable {
        var time: Int64
        var action: PlannedEvent.Action
    }

    static let chunkSize = 4_096
    static let chunksAhead = 1

    let sourceIndex: Int
    private let channel = ChunkChannel<Generated>(capacity: PrefetchedLoad.chunksAhead)
    private var chunk: [Generated] = []
    private var index = 0

    init(_ generator: sending LoadGenerator) {
        sourceIndex = generator.spec.sourceIndex
        let channel = self.channel
        let thread = Thread { [generator] in
            var generator = generator
            var chunk: [Generated] = []
            chunk.reserveCapacity(Self.chunkSize)
            while let (time, action) = generator.next() {
                chunk.append(Generated(time: time, action: action))
                guard chunk.count == Self.chunkSize else { continue }
                guard channel.send(chunk) else { return }
                chunk = []
                chunk.reserveCapacity(Self.chunkSize)
            }
            if !chunk.isEmpty { channel.send(chunk) }
            channel.close()
        }
        thread.name = "omnisim-load"
        thread.start()
    }

    deinit { channel.cancel() }

    /// The action `offset` events after the one ``next()`` hands out next, if it is already here
    /// (within the chunk at hand), lent to `body` in place: for prefetching only, it takes nothing
    /// and never waits.
    @inline(__always)
    func peek(_ offset: Int, _ body: (borrowing PlannedEvent.Action) -> Void) {
        let position = index + offset
        guard position < chunk.count else { return }
        chunk.withUnsafeBufferPointer { events in
            // The generator wrote these on its own core: the events a few further on are asked for
            // now, so that the next peeks find them at hand.
            if position + 8 < events.count, let base = events.baseAddress { omnisim_prefetch(base + position + 8) }
            body(events[position].action)
        }
    }

    /// The next event, waiting for the generator if it has not got there yet; nil at the end.
    func next() -> Generated? {
        if index == chunk.count {
            guard let next = channel.receive() else { return nil }
            chunk = next
            index = 0
        }
        defer { index += 1 }
        return chunk[index]
    }
}

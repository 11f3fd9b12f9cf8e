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
        /// What prefetching needs of it, worked out on the generator's thread.
        var upcoming: UpcomingEvent
    }

    static let chunkSize = 4_096
    static let chunksAhead = 1

    let sourceIndex: Int
    private let channel = ChunkChannel<Generated>(capacity: PrefetchedLoad.chunksAhead)
    private var chunk: [Generated] = []
    /// Where `chunk`'s elements are stored, as a hint for prefetching only: never read through, so
    /// it needs no lifetime of its own (set whenever `chunk` is replaced; `chunk` is never mutated).
    private var chunkAddress: UnsafeRawPointer?
    private var index = 0

    init(_ generator: sending LoadGenerator) {
        sourceIndex = generator.spec.sourceIndex
        let channel = self.channel
        let thread = Thread { [generator] in
            var generator = generator
            var chunk: [Generated] = []
            chunk.reserveCapacity(Self.chunkSize)
            while let (time, action) = generator.next() {
                chunk.append(Generated(time: time, action: action, upcoming: UpcomingEvent(action)))
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

    /// The event `offset` events after the one ``next()`` hands out next, if it is already here
    /// (within the chunk at hand): for prefetching only, it takes nothing and never waits. Read in
    /// place and returned as plain numbers, with no call out while the chunk is read, so that
    /// nothing is retained.
    @inline(__always)
    func upcoming(_ offset: Int) -> UpcomingEvent? {
        let position = index + offset
        guard position < chunk.count else { return nil }
        // The generator wrote these on its own core: the events a little further on are asked for
        // now, so that the next looks find them at hand.
        if position + 8 < chunk.count, let chunkAddress {
            omnisim_prefetch(chunkAddress + (position + 8) * MemoryLayout<Generated>.stride)
        }
        return chunk[position].upcoming
    }

    /// The next event, waiting for the generator if it has not got there yet; nil at the end.
    func next() -> Generated? {
        if index == chunk.count {
            guard let next = channel.receive() else { return nil }
            chunk = next
            chunkAddress = chunk.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) }
            index = 0
        }
        defer { index += 1 }
        return chunk[index]
    }
}

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
    /// The chunk at hand, last event first: the generator sends each chunk reversed, so that taking
    /// an event is `popLast()`, which moves it out (a copy would retain what it holds).
    ///
    /// Unchecked at run time (six checks an event cost a call into the runtime each): only the
    /// simulation thread touches it, in ``next()`` and ``upcoming(_:)``, neither of which calls
    /// out while it reads or changes it, so no two accesses can overlap.
    @exclusivity(unchecked) private var chunk: [Generated] = []
    /// Where `chunk`'s elements are stored, as a hint for prefetching only: never read through, so
    /// it needs no lifetime of its own (set whenever `chunk` is replaced; it only shrinks in place).
    private var chunkAddress: UnsafeRawPointer?

    init(_ generator: sending LoadGenerator) {
        sourceIndex = generator.spec.sourceIndex
        let channel = self.channel
        let thread = Thread { [generator] in
            var generator = generator
            var chunk: [Generated] = []
            chunk.reserveCapacity(Self.chunkSize)
            while let (time, action) = generator.next() {
                let upcoming = UpcomingEvent(action)
                chunk.append(Generated(time: time, action: consume action, upcoming: upcoming))
                guard chunk.count == Self.chunkSize else { continue }
                chunk.reverse()
                guard channel.send(chunk) else { return }
                chunk = []
                chunk.reserveCapacity(Self.chunkSize)
            }
            chunk.reverse()
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
        let position = chunk.count - 1 - offset
        guard position >= 0 else { return nil }
        // The generator wrote these on its own core: the events a little further on are asked for
        // now, so that the next looks find them at hand.
        if position >= 8, let chunkAddress {
            omnisim_prefetch(chunkAddress + (position - 8) * MemoryLayout<Generated>.stride)
        }
        return chunk[position].upcoming
    }

    /// The next event, waiting for the generator if it has not got there yet; nil at the end.
    func next() -> Generated? {
        if chunk.isEmpty {
            guard let next = channel.receive() else { return nil }
            chunk = next
            chunkAddress = chunk.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) }
        }
        return chunk.popLast()
    }
}

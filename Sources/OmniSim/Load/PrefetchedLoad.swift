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
    static let chunkSize = 4_096
    static let chunksAhead = 1

    let sourceIndex: Int
    /// The load's conversations, for making the actions of its events (``LoadConversations/action(of:)``).
    let conversations: LoadConversations
    private let channel = ChunkChannel<LoadEvent>(capacity: PrefetchedLoad.chunksAhead)
    /// The chunk at hand; `cursor` is the event ``next()`` hands out next. Read in place, never
    /// changed: taking an event only moves the cursor (an event's bytes are copied straight to
    /// where they are used, with no call, no uniqueness check and no round trip through the stack).
    ///
    /// Unchecked at run time (six checks an event cost a call into the runtime each): only the
    /// simulation thread touches it, in ``next()``, ``nextTime()`` and ``upcoming(_:)``, none of
    /// which calls out while it reads or changes it, so no two accesses can overlap.
    @exclusivity(unchecked) private var chunk: [LoadEvent] = []
    private var cursor = 0
    /// Where `chunk`'s elements are stored, as a hint for prefetching only: never read through, so
    /// it needs no lifetime of its own (set whenever `chunk` is replaced).
    private var chunkAddress: UnsafeRawPointer?

    init(_ generator: sending LoadGenerator) {
        sourceIndex = generator.spec.sourceIndex
        conversations = generator.conversations
        let channel = self.channel
        let thread = Thread { [generator] in
            var generator = generator
            var chunk: [LoadEvent] = []
            chunk.reserveCapacity(Self.chunkSize)
            while let event = generator.nextEvent() {
                chunk.append(event)
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
    /// (within the chunk at hand): for prefetching only, it takes nothing and never waits.
    @inline(__always)
    func upcoming(_ offset: Int) -> UpcomingEvent? {
        let position = cursor + offset
        guard position < chunk.count else { return nil }
        // The generator wrote these on its own core: the events a little further on are asked for
        // now, so that the next looks find them at hand.
        if position + 8 < chunk.count, let chunkAddress {
            omnisim_prefetch(chunkAddress + (position + 8) * MemoryLayout<LoadEvent>.stride)
        }
        return chunk[position].upcoming
    }

    /// The instant of the event ``next()`` hands out next, waiting for the generator if it has
    /// not got there yet; nil at the end.
    @inline(__always)
    func nextTime() -> Int64? {
        if cursor == chunk.count, !receiveChunk() { return nil }
        return chunk[cursor].time
    }

    /// The next event, waiting for the generator if it has not got there yet; nil at the end.
    @inline(__always)
    func next() -> LoadEvent? {
        if cursor == chunk.count, !receiveChunk() { return nil }
        defer { cursor += 1 }
        return chunk[cursor]
    }

    /// Takes the generator's next chunk; false at the end.
    private func receiveChunk() -> Bool {
        guard let next = channel.receive() else { return false }
        chunk = next
        cursor = 0
        chunkAddress = chunk.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) }
        return true
    }
}

import OmniSim
import Synchronization

/// The writer thread's half of a ``TraceWriter``: formats records as JSON lines straight into a raw
/// 256 KiB buffer (bytes copied with `memcpy`, digits written in place, no array growth or
/// uniqueness checks per byte) and writes it out when full. Names are escaped once into one flat
/// arena; a message's text once per message.
///
/// `@unchecked Sendable`, and why that is sound: ``prepare(_:)`` runs on the simulation thread
/// before the writer thread is started (starting a thread orders it after); from then on only the
/// writer thread calls ``append(_:)`` and ``flush()``, until ``TraceWriter/finish()`` has waited on
/// the semaphore that thread signals as it ends, which orders its writes before the owner's later
/// ``flush()`` and reads of ``kept``. ``failure`` is read from any thread, under its own lock.
///
/// For the same reason its buffers are `@exclusivity(unchecked)`: one thread at a time, in that
/// order, and none of its methods calls out while it changes them, so no two accesses can overlap
/// (the checks cost a call into the runtime several times per line: a tenth of the writer's time).
final class TraceFormatter: @unchecked Sendable {
    private static let capacity = 1 << 18
    /// The bytes of lines not yet written; flushed once `capacity` is passed (the slack above it
    /// holds the line that passed it; a longer line grows the buffer).
    @exclusivity(unchecked) private var buffer: UnsafeMutableRawPointer
    @exclusivity(unchecked) private var bufferCapacity: Int
    @exclusivity(unchecked) private var used = 0
    /// Without an output: the bytes written so far (read after the writer thread ended).
    @exclusivity(unchecked) private(set) var kept: [UInt8] = []
    private let output: OutputFile?
    /// Every person's and thread's name as a JSON literal, end to end; `[start, end)` by index.
    @exclusivity(unchecked) private var arena: [UInt8] = []
    @exclusivity(unchecked) private var personRange: [(start: Int32, end: Int32)] = []
    @exclusivity(unchecked) private var threadRange: [(start: Int32, end: Int32)] = []
    /// The current message's text as a JSON literal.
    @exclusivity(unchecked) private var textLiteral: [UInt8] = []
    /// `","channel":"NAME","to":` for each channel.
    private let channelSegment: [[UInt8]] = ChannelKind.allCases.map {
        Array(#","channel":""#.utf8) + Array($0.name.utf8) + Array(#"","to":"#.utf8)
    }
    private let failureBox = Mutex<OutputError?>(nil)

    init(output: OutputFile?) {
        self.output = output
        bufferCapacity = Self.capacity + 4_096
        buffer = UnsafeMutableRawPointer.allocate(byteCount: bufferCapacity, alignment: 16)
    }

    deinit { buffer.deallocate() }

    /// Why the output could not be written, if so (read from any thread).
    var failure: OutputError? { failureBox.withLock { $0 } }

    func prepare(_ cast: Cast) {
        func add(_ name: String) -> (Int32, Int32) {
            let start = arena.count
            arena += TraceWriter.literal(name)
            return (Int32(start), Int32(arena.count))
        }
        personRange = cast.personNames.map(add)
        threadRange = cast.threadNames.map(add)
    }

    func append(_ record: borrowing TraceWriter.Record) {
        if let text = record.text {
            textLiteral.removeAll(keepingCapacity: true)
            TraceWriter.appendLiteral(text, to: &textLiteral)
        }
        let person = personRange[Int(record.recipient)], author = personRange[Int(record.author)]
        let thread = threadRange[Int(record.thread)]
        // Room for this line: its variable parts plus a generous bound for the fixed ones.
        let needed = 160 + Int(person.end - person.start) + Int(author.end - author.start) + Int(thread.end - thread.start)
            + textLiteral.count
        if used + needed > bufferCapacity { grow(to: used + needed) }
        put(#"{"t":"#)
        putDecimal(record.time)
        channelSegment[Int(record.channel.rawValue)].withUnsafeBytes { put($0) }
        arena.withUnsafeBytes { names in
            put(UnsafeRawBufferPointer(rebasing: names[Int(person.start)..<Int(person.end)]))
            put(#","from":"#)
            put(UnsafeRawBufferPointer(rebasing: names[Int(author.start)..<Int(author.end)]))
            put(#","thread":"#)
            put(UnsafeRawBufferPointer(rebasing: names[Int(thread.start)..<Int(thread.end)]))
        }
        put(#","message":"#)
        putDecimal(Int64(record.number))
        put(#","text":"#)
        textLiteral.withUnsafeBytes { put($0) }
        if record.batch > 1 {
            put(#","batch":"#)
            putDecimal(Int64(record.batch))
        }
        put("}\n")
        if used >= Self.capacity { flush() }
    }

    /// Writes what is buffered (to the output, or to the kept bytes).
    func flush() {
        defer { used = 0 }
        guard used > 0 else { return }
        let bytes = UnsafeRawBufferPointer(start: buffer, count: used)
        guard let output else {
            kept.append(contentsOf: bytes)
            return
        }
        guard failure == nil else { return }
        do {
            try output.write(bytes)
        } catch {
            failureBox.withLock { $0 = error }
        }
    }

    /// A line longer than the buffer's slack (a very long name or text): the buffer grows for it.
    private func grow(to size: Int) {
        flush()
        guard size > bufferCapacity else { return }
        buffer.deallocate()
        buffer = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 16)
        bufferCapacity = size
    }

    @inline(__always)
    private func put(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress else { return }
        (buffer + used).copyMemory(from: base, byteCount: bytes.count)
        used += bytes.count
    }

    @inline(__always)
    private func put(_ text: StaticString) {
        put(UnsafeRawBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// `value` in decimal, written in place (digits found from the end).
    @inline(__always)
    private func putDecimal(_ value: Int64) {
        var rest = value.magnitude
        if value < 0 {
            buffer.storeBytes(of: UInt8(ascii: "-"), toByteOffset: used, as: UInt8.self)
            used += 1
        }
        var digits = 1
        var probe = rest
        while probe >= 10 {
            probe /= 10
            digits += 1
        }
        var position = used + digits - 1
        repeat {
            buffer.storeBytes(of: UInt8(ascii: "0") + UInt8(rest % 10), toByteOffset: position, as: UInt8.self)
            rest /= 10
            position -= 1
        } while rest > 0
        used += digits
    }
}

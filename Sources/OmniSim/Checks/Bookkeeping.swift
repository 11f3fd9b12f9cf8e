import Dispatch
import Foundation
import Synchronization

/// Tells the run's books (``Books``: the ``Oracle`` and each channel's ``DeliveryTotals`` for the
/// report) what happened, in the order it happened, as compact records (``BookRecord``): the
/// driver only appends sixteen bytes per call, and the books read them a chunk at a time — on a
/// thread of their own (``runOnOwnThread()``: a run with a load, where this bookkeeping was a fifth
/// of the simulation thread's time) or inline, on the simulation thread, whenever a chunk is full.
/// Either way the same records are read in the same order, so the books come out the same; nothing
/// the run does waits for them but ``finish(pending:)``.
struct Bookkeeping {
    static let chunkSize = 8_192

    /// The records not handed to the books yet (read by tests).
    private(set) var records: [BookRecord] = []
    /// Records held back a moment, to be folded with what follows (``delivered(_:)``): the last
    /// send called for (its delivery may arrive at once) and, before it, a deadline's decision to
    /// email. Held, not appended and then rewritten: a rewrite was one more uniqueness check of
    /// the records' buffer per send. Any other record lets them go first, in order.
    private var heldDecision: BookRecord?
    private var heldExpect: BookRecord?
    /// The books while they are kept inline (empty ones, never read, once they have a thread).
    private var books: Books
    /// Set once the books are kept on their own thread.
    private var worker: BookkeepingWorker?

    init(cast: Cast) {
        books = Books(cast: cast)
    }

    /// Moves the books to a thread of their own; before anything is recorded.
    mutating func runOnOwnThread() {
        precondition(records.isEmpty && worker == nil, "the books move before the run starts")
        let cast = books.oracle.cast
        worker = BookkeepingWorker(books)
        books = Books(cast: cast)
    }

    /// A message was posted; its recipients follow, in order (``recipient(_:of:)``).
    @inline(__always)
    mutating func posted(_ message: MessageID, _ posting: ThreadState.Posting) {
        let detail: UInt8 = (posting.inUserConversation ? 1 : 0) | (posting.isNote ? 2 : 0)
        record(BookRecord(.posted, message, posting.author, detail: detail))
    }

    /// The next recipient of the message just posted.
    @inline(__always)
    mutating func recipient(_ person: PersonID, of message: MessageID) { record(BookRecord(.recipient, message, person)) }

    /// The rules called for `send` (it falls due now): held until what follows it is known.
    @inline(__always)
    mutating func expect(_ send: Send) {
        let expect = BookRecord(.expect, send)
        if heldExpect != nil { release() }
        if let decision = heldDecision, !(send.channel == .email && decision.isOf(expect)) { release() }
        heldExpect = expect
    }

    /// A deadline decided `decision`; one that emails is held, for the email that may follow at once.
    @inline(__always)
    mutating func fallbackDecided(_ message: MessageID, _ recipient: PersonID, _ decision: FallbackDecision) {
        let entry = BookRecord(.fallback, message, recipient, detail: Oracle.Decision(decision).rawValue)
        guard decision == .sendEmail else { return record(entry) }
        release()
        heldDecision = entry
    }

    /// `mention-email now` called for an email of `message` to `recipient` at posting.
    @inline(__always)
    mutating func emailedForMention(_ message: MessageID, _ recipient: PersonID) {
        record(BookRecord(.emailedForMention, message, recipient))
    }

    /// A delivery arrived. One that arrives as its send was called for, with no delay, is told in
    /// one record with it (`.expectedAndDelivered`), and with the deadline's decision that called
    /// for it when there was one (`.emailedAtOnce`): most sends. The books read the same calls
    /// either way.
    @inline(__always)
    mutating func delivered(_ delivery: Delivery) {
        if delivery.time == delivery.due, let expect = heldExpect, expect.detail == UInt8(delivery.channel.rawValue),
           expect.message == delivery.message.index, expect.person == delivery.recipient.index {
            heldExpect = nil
            if let decision = heldDecision, delivery.channel == .email, decision.isOf(expect) {
                heldDecision = nil
                append(BookRecord(.emailedAtOnce, delivery.message, delivery.recipient))
            } else {
                release()
                append(BookRecord(.expectedAndDelivered, delivery.message, delivery.recipient, detail: expect.detail))
            }
            return
        }
        var entry = BookRecord(.delivered, delivery.message, delivery.recipient, detail: UInt8(delivery.channel.rawValue))
        let delay = (delivery.time - delivery.due).milliseconds
        guard let narrow = Int32(exactly: delay), narrow != BookRecord.wideDelay else {
            entry.delay = BookRecord.wideDelay
            record(entry)
            record(BookRecord(.longDelay, MessageID(Int(delay >> 32)), PersonID(Int(Int32(truncatingIfNeeded: delay)))))
            return
        }
        entry.delay = narrow
        record(entry)
    }

    mutating func batchSent(covering messages: [MessageID], for user: PersonID) {
        for message in messages { record(BookRecord(.batchCovers, message, user)) }
    }

    mutating func bounced(_ send: Send) { record(BookRecord(.bounced, send)) }

    // MARK: Live chat as work (issue 23)

    /// `person` receives `message`, posted earlier, as the agent its chat was assigned to.
    mutating func lateRecipient(_ person: PersonID, of message: MessageID) { record(BookRecord(.lateRecipient, message, person)) }

    mutating func chatStarted(_ thread: ThreadID) { record(Self.chat(.chatStarted, thread)) }

    mutating func chatGiven(_ thread: ThreadID, to person: PersonID, assigned: Bool) {
        record(Self.chat(.chatGiven, thread, person, detail: assigned ? 1 : 0))
    }

    mutating func chatReleased(_ thread: ThreadID, by person: PersonID) { record(Self.chat(.chatReleased, thread, person)) }

    mutating func chatClosed(_ thread: ThreadID, closed: Bool) { record(Self.chat(.chatClosed, thread, detail: closed ? 1 : 0)) }

    mutating func chatAbandoned(_ thread: ThreadID) { record(Self.chat(.chatAbandoned, thread)) }

    mutating func chatPresence(_ person: PersonID, loggedIn: Bool) {
        record(Self.chat(.chatPresence, ThreadID(0), person, detail: loggedIn ? 1 : 0))
    }

    mutating func chatCapacity(_ person: PersonID, _ capacity: Int?) {
        var entry = Self.chat(.chatCapacity, ThreadID(0), person)
        entry.delay = capacity.map { Int32(clamping: $0) } ?? -1
        record(entry)
    }

    mutating func chatRouting(_ routing: ChatRouting) {
        record(Self.chat(.chatRouting, ThreadID(0), detail: UInt8(ChatRouting.allCases.firstIndex(of: routing) ?? 0)))
    }

    mutating func chatSettled(waiting: Int) {
        var entry = Self.chat(.chatSettled, ThreadID(0))
        entry.delay = Int32(clamping: waiting)
        record(entry)
    }

    private static func chat(_ kind: BookRecord.Kind, _ thread: ThreadID, _ person: PersonID = PersonID(0), detail: UInt8 = 0) -> BookRecord {
        BookRecord(kind, MessageID(thread.int), person, detail: detail)
    }

    /// At the end: the sends still pending, then the books over the whole run.
    mutating func finish(pending sends: [Send]) -> Books {
        release()
        for send in sends { record(BookRecord(.pending, send)) }
        flush()
        if let worker { return worker.finish() }
        books.finish()
        return books
    }

    /// A record after whatever was held.
    @inline(__always)
    private mutating func record(_ record: BookRecord) {
        if heldDecision != nil || heldExpect != nil { release() }
        append(record)
    }

    /// Lets the held records go, in the order they came.
    @inline(__always)
    private mutating func release() {
        if let decision = heldDecision {
            heldDecision = nil
            append(decision)
        }
        if let expect = heldExpect {
            heldExpect = nil
            append(expect)
        }
    }

    @inline(__always)
    private mutating func append(_ record: BookRecord) {
        records.append(record)
        if records.count >= Self.chunkSize { flush() }
    }

    private mutating func flush() {
        guard !records.isEmpty else { return }
        if let worker {
            let chunk = records
            records = []
            records.reserveCapacity(Self.chunkSize)
            worker.send(chunk)
        } else {
            books.apply(records)
            records.removeAll(keepingCapacity: true)
        }
    }
}

/// The books on a thread of their own, fed chunks of records through a bounded ``ChunkChannel``
/// (back-pressure: the simulation waits if the books fall four chunks behind).
///
/// The thread owns the books; it touches nothing else but the channel and the outcome. When the
/// bookkeeping is dropped before the end (a run that stops early), ``deinit`` closes the channel
/// and the thread ends once it has read what was sent.
final class BookkeepingWorker: Sendable {
    private let channel = ChunkChannel<BookRecord>(capacity: 4)

    /// The books once read to the end, set by the thread before it signals `done`.
    private final class Outcome: Sendable {
        let books = Mutex<Books?>(nil)
    }

    private let outcome = Outcome()
    private let done = DispatchSemaphore(value: 0)

    init(_ books: sending Books) {
        let (channel, outcome, done) = (channel, outcome, done)
        let thread = Thread { [books] in
            var books = books
            while let chunk = channel.receive() { books.apply(chunk) }
            books.finish()
            let finished = books
            outcome.books.withLock { $0 = finished }
            done.signal()
        }
        thread.name = "omnisim-books"
        thread.start()
    }

    deinit { channel.close() }

    func send(_ chunk: sending [BookRecord]) { channel.send(chunk) }

    /// Waits for the books to read everything sent, and returns them.
    func finish() -> Books {
        channel.close()
        done.wait()
        // Set before `done` was signalled (the thread's last step); taken once.
        guard let books = outcome.books.withLock({ $0.take() }) else { preconditionFailure("the books' thread ended without its books") }
        return books
    }
}

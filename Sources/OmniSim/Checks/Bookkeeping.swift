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

    private var records: [BookRecord] = []
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

    @inline(__always)
    mutating func expect(_ send: Send) { record(BookRecord(.expect, send)) }

    @inline(__always)
    mutating func fallbackDecided(_ message: MessageID, _ recipient: PersonID, _ decision: FallbackDecision) {
        record(BookRecord(.fallback, message, recipient, detail: Oracle.Decision(decision).rawValue))
    }

    @inline(__always)
    mutating func delivered(_ delivery: Delivery) {
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

    /// How much of a delivery the books have not been told yet, told with it in one record: the
    /// send was called for (`expect`), or a deadline decided it and called for it.
    enum Untold {
        case nothing, expected, decidedAndExpected
    }

    /// `delivery`, with what the books were not told yet of its send. A send that arrives at once
    /// (no delay) is told in one record; otherwise the records are those of the calls one by one.
    @inline(__always)
    mutating func delivered(_ delivery: Delivery, untold: Untold) {
        switch untold {
        case .nothing:
            delivered(delivery)
        case .expected where delivery.time == delivery.due:
            record(BookRecord(.expectedAndDelivered, delivery.message, delivery.recipient, detail: UInt8(delivery.channel.rawValue)))
        case .decidedAndExpected where delivery.time == delivery.due && delivery.channel == .email:
            record(BookRecord(.emailedAtOnce, delivery.message, delivery.recipient))
        case .expected, .decidedAndExpected:
            tell(untold, of: Send(message: delivery.message, recipient: delivery.recipient, channel: delivery.channel, due: delivery.due))
            delivered(delivery)
        }
    }

    /// Tells the books what they were not told yet of `send` (before anything else happens to it).
    @inline(__always)
    mutating func tell(_ untold: Untold, of send: Send) {
        switch untold {
        case .nothing:
            return
        case .expected:
            expect(send)
        case .decidedAndExpected:
            fallbackDecided(send.message, send.recipient, .sendEmail)
            expect(send)
        }
    }

    mutating func batchSent(covering messages: [MessageID], for user: PersonID) {
        for message in messages { record(BookRecord(.batchCovers, message, user)) }
    }

    mutating func bounced(_ send: Send) { record(BookRecord(.bounced, send)) }

    /// At the end: the sends still pending, then the books over the whole run.
    mutating func finish(pending sends: [Send]) -> Books {
        for send in sends { record(BookRecord(.pending, send)) }
        flush()
        if let worker { return worker.finish() }
        books.finish()
        return books
    }

    @inline(__always)
    private mutating func record(_ record: BookRecord) {
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

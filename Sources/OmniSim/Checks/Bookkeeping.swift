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

    /// The rules called for `send` (it falls due now).
    @inline(__always)
    mutating func expect(_ send: Send) { record(BookRecord(.expect, send)) }

    @inline(__always)
    mutating func fallbackDecided(_ message: MessageID, _ recipient: PersonID, _ decision: FallbackDecision) {
        record(BookRecord(.fallback, message, recipient, detail: Oracle.Decision(decision).rawValue))
    }

    /// `mention-email now` called for an email of `message` to `recipient` at posting.
    @inline(__always)
    mutating func emailedForMention(_ message: MessageID, _ recipient: PersonID) {
        record(BookRecord(.emailedForMention, message, recipient))
    }

    /// A delivery arrived. One that arrives as its send was called for, with no delay, is told in
    /// the record that called for it (``fuse(_:)``): most sends.
    @inline(__always)
    mutating func delivered(_ delivery: Delivery) {
        if delivery.time == delivery.due, fuse(delivery) { return }
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

    /// Folds a delivery with no delay into the records just before it, when they are its own send
    /// called for (`.expect` → `.expectedAndDelivered`), or a deadline's decision then its email
    /// (`.fallback`, `.expect` → `.emailedAtOnce`): the books read the same calls either way, in one
    /// record instead of two or three. Returns false, changing nothing, when they are not (or were
    /// handed on already with their chunk).
    @inline(__always)
    private mutating func fuse(_ delivery: Delivery) -> Bool {
        let count = records.count, channel = UInt8(delivery.channel.rawValue)
        let (message, person) = (delivery.message.index, delivery.recipient.index)
        guard count > 0, records[count - 1].kind == .expect, records[count - 1].detail == channel,
              records[count - 1].message == message, records[count - 1].person == person
        else { return false }
        if delivery.channel == .email, count > 1, records[count - 2].kind == .fallback, records[count - 2].detail == Oracle.Decision.sendEmail.rawValue,
           records[count - 2].message == message, records[count - 2].person == person {
            records.removeLast()
            records[count - 2] = BookRecord(.emailedAtOnce, delivery.message, delivery.recipient)
        } else {
            records[count - 1].kind = .expectedAndDelivered
        }
        return true
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

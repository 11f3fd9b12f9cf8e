import Dispatch
import Foundation
import Synchronization

/// Tells the run's ``Oracle`` what happened, in the order it happened, as compact records
/// (``OracleRecord``): the driver only appends twelve bytes per call, and the oracle reads them a
/// chunk at a time — on a thread of its own (``runOnOwnThread()``: a run with a load, where the
/// oracle's bookkeeping was a fifth of the simulation thread's time) or inline, on the simulation
/// thread, whenever a chunk is full. Either way the oracle reads the same records in the same order,
/// so what it finds is the same; nothing the run does waits for it but ``finish(pending:)``.
struct OracleFeed {
    static let chunkSize = 8_192

    private var records: [OracleRecord] = []
    /// The oracle while it runs inline (an empty one, never read, once it has a thread).
    private var oracle: Oracle
    /// Set once the oracle runs on its own thread.
    private var worker: OracleWorker?
    /// Sends still pending at the end, as the inline oracle read them.
    private var pending: [Send] = []

    init(cast: Cast) {
        oracle = Oracle(cast: cast)
    }

    /// Moves the oracle to a thread of its own; before anything is recorded.
    mutating func runOnOwnThread() {
        precondition(records.isEmpty && worker == nil, "the oracle moves before the run starts")
        worker = OracleWorker(oracle)
        oracle = Oracle(cast: oracle.cast)
    }

    /// A message was posted with these recipients (in order).
    @inline(__always)
    mutating func posted(_ message: MessageID, _ posting: ThreadState.Posting, recipients: some Sequence<PersonID>) {
        let detail: UInt8 = (posting.inUserConversation ? 1 : 0) | (posting.isNote ? 2 : 0)
        record(OracleRecord(.posted, message, posting.author, detail: detail))
        for recipient in recipients { record(OracleRecord(.recipient, message, recipient)) }
    }

    @inline(__always)
    mutating func expect(_ send: Send) { record(OracleRecord(.expect, send)) }

    @inline(__always)
    mutating func fallbackDecided(_ message: MessageID, _ recipient: PersonID, _ decision: FallbackDecision) {
        record(OracleRecord(.fallback, message, recipient, detail: decision == .seen ? 1 : 0))
    }

    @inline(__always)
    mutating func delivered(_ delivery: Delivery) {
        record(OracleRecord(.delivered, delivery.message, delivery.recipient, detail: UInt8(delivery.channel.rawValue)))
    }

    mutating func batchSent(covering messages: [MessageID], for user: PersonID) {
        for message in messages { record(OracleRecord(.batchCovers, message, user)) }
    }

    mutating func bounced(_ send: Send) { record(OracleRecord(.bounced, send)) }

    /// At the end: the sends still pending, and what the oracle found over the whole run.
    mutating func finish(pending sends: [Send]) -> (violations: [OracleViolation], count: Int) {
        for send in sends { record(OracleRecord(.pending, send)) }
        flush()
        if let worker { return worker.finish() }
        oracle.finish(pending: pending)
        return (oracle.violations, oracle.violationCount)
    }

    @inline(__always)
    private mutating func record(_ record: OracleRecord) {
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
            oracle.apply(records, pending: &pending)
            records.removeAll(keepingCapacity: true)
        }
    }
}

/// The oracle on a thread of its own, fed chunks of records through a bounded ``ChunkChannel``
/// (back-pressure: the simulation waits if the oracle falls four chunks behind).
///
/// The thread owns the oracle; it touches nothing else but the channel and the outcome. When the
/// feed is dropped before the end (a run that stops early), ``deinit`` closes the channel and the
/// thread ends once it has read what was sent.
final class OracleWorker: Sendable {
    private let channel = ChunkChannel<OracleRecord>(capacity: 4)
    /// What the oracle found, set by its thread before it signals `done`.
    private final class Outcome: Sendable {
        let found = Mutex<(violations: [OracleViolation], count: Int)>(([], 0))
    }

    private let outcome = Outcome()
    private let done = DispatchSemaphore(value: 0)

    init(_ oracle: sending Oracle) {
        let (channel, outcome, done) = (channel, outcome, done)
        let thread = Thread { [oracle] in
            var oracle = oracle
            var pending: [Send] = []
            while let chunk = channel.receive() { oracle.apply(chunk, pending: &pending) }
            oracle.finish(pending: pending)
            let found = (oracle.violations, oracle.violationCount)
            outcome.found.withLock { $0 = found }
            done.signal()
        }
        thread.name = "omnisim-oracle"
        thread.start()
    }

    deinit { channel.close() }

    func send(_ chunk: sending [OracleRecord]) { channel.send(chunk) }

    /// Waits for the oracle to read everything sent, and returns what it found.
    func finish() -> (violations: [OracleViolation], count: Int) {
        channel.close()
        done.wait()
        return outcome.found.withLock { $0 }
    }
}

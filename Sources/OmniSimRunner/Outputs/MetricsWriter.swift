public import OmniSim

/// Writes `--metrics` CSV (contract v2): a header, then one row per channel and interval of virtual
/// time with any activity, in time then channel order:
///
///     start_ms,channel,due,delivered,backlog_max,pending_max,delay_p50_ms,delay_p95_ms,delay_max_ms
///     32400000,messenger,2,2,0,0,0,0,0
///     32460000,email,1,0,0,1,,,
///
/// Delays are empty in an interval without deliveries. The same run always writes the same bytes.
///
/// Issue 23: in a run that measures live chat (its file uses a word of live chat as work), the
/// header gains ``chatHeader``'s seven columns, and each interval with chat activity a row whose
/// channel is `chats`: its channel columns empty, then chats started, taken and abandoned in the
/// interval, the most waiting once an instant was over, and the p50, p95 and longest wait of the
/// chats taken in it. Channel rows leave the seven columns empty. Without live chat: v2 exactly.
/// A ``RunObserver`` that takes no deliveries, only each interval's rows; buffered and checked like
/// ``TraceWriter``. It lives on the run's thread; kept in memory, the CSV is handed over when the
/// run finishes.
public final class MetricsWriter: RunObserver {
    public static let header = "start_ms,channel,due,delivered,backlog_max,pending_max,delay_p50_ms,delay_p95_ms,delay_max_ms\n"
    /// Issue 23's columns, after the others, in a run that measures live chat.
    public static let chatHeader = "chats_started,chats_taken,chats_abandoned,chats_waiting_max,chat_wait_p50_ms,chat_wait_p95_ms,chat_wait_max_ms"
    /// Whether the header has ``chatHeader``'s columns.
    private let chats: Bool
    private var buffer = ""
    private var kept = ""
    private let output: OutputFile?
    /// Where the CSV kept in memory goes when the run finishes.
    private let handoff: Handoff<String>?
    private var writeFailure: OutputError?
    private static let flushThreshold = 1 << 16

    /// A writer to `output`.
    public init(output: OutputFile, chats: Bool = false) {
        self.output = output
        self.handoff = nil
        self.chats = chats
        buffer = Self.header(chats: chats)
    }

    /// The header line, with the chat columns when `chats`.
    public static func header(chats: Bool) -> String { chats ? header.dropLast() + "," + chatHeader + "\n" : header }

    /// A writer that keeps the CSV in memory and hands it to `handoff` when the run finishes.
    public init(keepingIn handoff: Handoff<String>, chats: Bool = false) {
        self.output = nil
        self.handoff = handoff
        self.chats = chats
        buffer = Self.header(chats: chats)
    }

    public var failure: String? { writeFailure?.description }

    public func delivered(_ delivery: Delivery, messages: borrowing [Message], cast: Cast) {}

    public func intervalEnded(_ rows: [MetricsRow]) {
        // A writer made without the chat columns leaves the rows of chat figures out.
        for row in rows where chats || row.channel != nil { buffer += Self.line(row, chats: chats) }
        if buffer.utf8.count >= Self.flushThreshold { flush() }
    }

    public func finish() throws {
        flush()
        if let writeFailure { throw writeFailure }
        handoff?.put(kept)
    }

    /// One row as CSV, with its newline.
    static func line(_ row: MetricsRow, chats: Bool = false) -> String {
        func ms(_ duration: SimDuration?) -> String { duration.map { String($0.milliseconds) } ?? "" }
        guard let channel = row.channel else {
            let c = row.chats ?? ChatFigures()
            return "\(row.start.milliseconds),chats,,,,,,,,\(c.started),\(c.taken),\(c.abandoned),\(c.waitingMax),"
                + "\(ms(c.waitP50)),\(ms(c.waitP95)),\(ms(c.waitMax))\n"
        }
        return "\(row.start.milliseconds),\(channel.name),\(row.due),\(row.delivered),\(row.backlogMax),\(row.pendingMax),"
            + "\(ms(row.delayP50)),\(ms(row.delayP95)),\(ms(row.delayMax))" + (chats ? ",,,,,,," : "") + "\n"
    }

    private func flush() {
        guard let output else {
            kept += buffer
            buffer = ""
            return
        }
        if writeFailure == nil, !buffer.isEmpty {
            do throws(OutputError) {
                try output.write(buffer)
            } catch {
                writeFailure = error
            }
        }
        buffer = ""
    }
}

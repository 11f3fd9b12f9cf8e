public import OmniSim

/// Writes `--metrics` CSV (contract v2): a header, then one row per channel and interval of virtual
/// time with any activity, in time then channel order:
///
///     start_ms,channel,due,delivered,backlog_max,pending_max,delay_p50_ms,delay_p95_ms,delay_max_ms
///     32400000,messenger,2,2,0,0,0,0,0
///     32460000,email,1,0,0,1,,,
///
/// Delays are empty in an interval without deliveries. The same run always writes the same bytes.
/// A ``RunObserver`` that takes no deliveries, only each interval's rows; buffered and checked like
/// ``TraceWriter``. It lives on the run's thread; kept in memory, the CSV is handed over when the
/// run finishes.
public final class MetricsWriter: RunObserver {
    public static let header = "start_ms,channel,due,delivered,backlog_max,pending_max,delay_p50_ms,delay_p95_ms,delay_max_ms\n"
    private var buffer = ""
    private var kept = ""
    private let output: OutputFile?
    /// Where the CSV kept in memory goes when the run finishes.
    private let handoff: Handoff<String>?
    private var writeFailure: OutputError?
    private static let flushThreshold = 1 << 16

    /// A writer to `output`.
    public init(output: OutputFile) {
        self.output = output
        self.handoff = nil
        buffer = Self.header
    }

    /// A writer that keeps the CSV in memory and hands it to `handoff` when the run finishes.
    public init(keepingIn handoff: Handoff<String>) {
        self.output = nil
        self.handoff = handoff
        buffer = Self.header
    }

    public var failure: String? { writeFailure?.description }

    public func delivered(_ delivery: Delivery, messages: borrowing [Message], cast: Cast) {}

    public func intervalEnded(_ rows: [MetricsRow]) {
        for row in rows { buffer += Self.line(row) }
        if buffer.utf8.count >= Self.flushThreshold { flush() }
    }

    public func finish() throws {
        flush()
        if let writeFailure { throw writeFailure }
        handoff?.put(kept)
    }

    /// One row as CSV, with its newline.
    static func line(_ row: MetricsRow) -> String {
        func ms(_ duration: SimDuration?) -> String { duration.map { String($0.milliseconds) } ?? "" }
        return "\(row.start.milliseconds),\(row.channel.name),\(row.due),\(row.delivered),\(row.backlogMax),\(row.pendingMax),"
            + "\(ms(row.delayP50)),\(ms(row.delayP95)),\(ms(row.delayMax))\n"
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

import Foundation
import OmniSim
import OmniSimRunner

/// The trace writer alone: ten million deliveries of the large workload's shape (10,000 people,
/// 5,000 threads, a new message every five deliveries) handed to a ``TraceWriter``, once writing
/// to `/dev/null` (formatting at memory speed: `lines_per_s`) and once to a temporary file
/// (deleted after; the kernel's copy into the page cache included: `file_lines_per_s`).
enum WriterBench {
    static let lines = 10_000_000

    static func run() throws {
        let (nullSeconds, _) = try measure(toFile: false)
        let (fileSeconds, bytes) = try measure(toFile: true)
        let fields: [(String, String)] = [
            ("workload", "\"writer\""), ("lines", "\(lines)"), ("wall_s", String(format: "%.3f", nullSeconds)),
            ("lines_per_s", String(format: "%.0f", Double(lines) / nullSeconds)),
            ("file_lines_per_s", String(format: "%.0f", Double(lines) / fileSeconds)),
            ("trace_mib", String(format: "%.0f", Double(bytes) / 1_048_576)),
            ("peak_rss_mib", String(format: "%.0f", Double(peakResidentBytes()) / 1_048_576)),
        ]
        print("{" + fields.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",") + "}")
    }

    /// Seconds for the whole (handing every record over, formatting and writing it), and the bytes written.
    static func measure(toFile: Bool) throws -> (Double, Int) {
        let people = 10_000, threads = 5_000
        let cast = Cast(
            personNames: (1...people).map { "u\($0)" }, personKinds: Array(repeating: .user, count: people),
            threadNames: (1...threads).map { "c\($0)" })
        let path = toFile ? NSTemporaryDirectory() + "omnisim-writer-\(getpid()).jsonl" : "/dev/null"
        defer { if toFile { try? FileManager.default.removeItem(atPath: path) } }
        let output = try OutputFile.open(path)
        let writer = TraceWriter(output: output)
        // The messages exist before the deliveries, as in a run (their texts are not the writer's cost).
        let messages = (0..<(lines / 5)).map { number in
            Message(
                thread: ThreadID(number % threads), number: Int32(number / threads + 1), author: PersonID(number % people),
                text: "msg \(number + 1)", isNote: false)
        }
        progress("writer: \(lines) lines to \(toFile ? "a file" : "/dev/null")…")
        let start = DispatchTime.now().uptimeNanoseconds
        for index in 0..<lines {
            let delivery = Delivery(
                time: SimInstant(milliseconds: Int64(index)), channel: index % 5 == 4 ? .email : .messenger,
                recipient: PersonID((index * 7) % people), message: MessageID(index / 5), due: SimInstant(milliseconds: Int64(index)))
            writer.delivered(delivery, messages: messages, cast: cast)
        }
        try writer.finish()
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        try output.commit()
        let bytes = toFile ? (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0 : 0
        return (seconds, bytes)
    }
}

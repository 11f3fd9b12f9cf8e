import Foundation
import OmniSim

/// `omnisim-bench [small|large|huge …]`: runs each standard workload in a child process of its own
/// (so that each one's peak memory is its own), prints one JSON line per workload and a table.
/// `omnisim-bench --one NAME` is the child.
@main
enum Bench {
    static func main() async throws {
        var arguments = Array(CommandLine.arguments.dropFirst())
        if arguments.first == "--one", arguments.count == 2 {
            guard let workload = Workload.all.first(where: { $0.name == arguments[1] }) else { exit(2) }
            try await runOne(workload)
            return
        }
        if arguments.isEmpty { arguments = ["small", "large"] }
        if arguments == ["all"] { arguments = Workload.all.map(\.name) }
        #if DEBUG
        progress("warning: a DEBUG build; measure with `swift run -c release omnisim-bench`")
        #endif
        var lines: [String] = []
        for name in arguments {
            guard Workload.all.contains(where: { $0.name == name }) else {
                progress("unknown workload '\(name)'; choose from small, large, huge, all")
                exit(2)
            }
            let child = Process()
            child.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
            child.arguments = ["--one", name]
            let pipe = Pipe()
            child.standardOutput = pipe
            try child.run()
            let output = pipe.fileHandleForReading.readDataToEndOfFile()
            child.waitUntilExit()
            let line = String(decoding: output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            print(line)
            lines.append(line)
        }
        printTable(lines)
    }

    static func runOne(_ workload: Workload) async throws {
        progress("\(workload.name): generating and compiling…")
        let plan = try workload.plan()
        progress("\(workload.name): running omnisim…")
        let (result, seconds) = try await timed { try await Simulation.run(plan) }
        let peak = peakResidentBytes()
        progress("\(workload.name): omnisim \(result.deliveries) deliveries in \(String(format: "%.2f", seconds))s; running the reference loop…")
        var reference = ReferenceLoop(plan: plan)
        let (referenceTotal, referenceSeconds) = await timed { reference.run(plan) }
        let omnisimCounts = result.channels.map(\.deliveries)
        let countsAgree = omnisimCounts == reference.deliveries && referenceTotal == result.deliveries
        let rate = Double(result.deliveries) / seconds
        let referenceRate = Double(referenceTotal) / referenceSeconds
        let fields: [(String, String)] = [
            ("workload", "\"\(workload.name)\""), ("people", "\(workload.people)"),
            ("conversations", "\(workload.conversations)"), ("messages", "\(result.messages)"),
            ("deliveries", "\(result.deliveries)"), ("events", "\(result.events)"),
            ("wall_s", String(format: "%.3f", seconds)), ("events_per_s", String(format: "%.0f", Double(result.events) / seconds)),
            ("deliveries_per_s", String(format: "%.0f", rate)),
            ("us_per_message", String(format: "%.3f", seconds * 1e6 / Double(max(result.messages, 1)))),
            ("peak_rss_mib", String(format: "%.0f", Double(peak) / 1_048_576)),
            ("reference_wall_s", String(format: "%.3f", referenceSeconds)),
            ("reference_deliveries_per_s", String(format: "%.0f", referenceRate)),
            ("ratio_omnisim_to_reference", String(format: "%.3f", rate / referenceRate)),
            ("counts_agree", countsAgree ? "true" : "false"), ("oracle_violations", "\(result.violationCount)"),
        ]
        print("{" + fields.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",") + "}")
        if !countsAgree {
            progress("\(workload.name): delivery counts differ: omnisim \(omnisimCounts), reference \(reference.deliveries)")
        }
    }

    static func printTable(_ lines: [String]) {
        let columns = ["workload", "messages", "deliveries", "wall_s", "events_per_s", "deliveries_per_s", "us_per_message",
                       "peak_rss_mib", "ratio_omnisim_to_reference", "counts_agree"]
        var rows = [columns]
        for line in lines {
            guard let data = line.data(using: .utf8),
                  let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { continue }
            rows.append(columns.map { object[$0].map { "\($0)" } ?? "" })
        }
        let widths = columns.indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        for row in rows {
            print(row.enumerated().map { $0.element.padding(toLength: widths[$0.offset], withPad: " ", startingAt: 0) }
                .joined(separator: "  "))
        }
    }
}

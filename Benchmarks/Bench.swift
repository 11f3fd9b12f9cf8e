import Foundation
import OmniSim
import OmniSimRunner
import ScenarioLanguage
import SimTestSupport

/// `omnisim-bench [--rounds N] [small|large|huge|month|writer|parse|erlang …]`: runs each workload in a
/// child process of its own (so that each one's peak memory is its own), prints one JSON line per
/// workload and a table. A load workload is run untraced, by the reference loop, and traced to a
/// temporary file (deleted after), alternating; `writer` times the trace writer alone, `parse` the
/// front end on an expanded file; `erlang` compares chat routing with the M/M/c formula (issue 23).
/// `omnisim-bench --one NAME` is the child.
@main
enum Bench {
    static func main() async throws {
        var arguments = Array(CommandLine.arguments.dropFirst())
        var rounds: Int?
        if let flag = arguments.firstIndex(of: "--rounds") {
            guard flag + 1 < arguments.count, let count = Int(arguments[flag + 1]), count >= 1 else {
                progress("--rounds takes a whole number of at least 1")
                exit(2)
            }
            rounds = count
            arguments.removeSubrange(flag...(flag + 1))
        }
        if arguments.first == "--one", arguments.count == 2 {
            if arguments[1] == "writer" { return try WriterBench.run() }
            if arguments[1] == "parse" { return try await ParseBench.run() }
            if arguments[1] == "erlang" { return ErlangBench.run() }
            guard let workload = Workload.all.first(where: { $0.name == arguments[1] }) else { exit(2) }
            try await runOne(workload, rounds: rounds ?? workload.defaultRounds)
            return
        }
        if arguments.isEmpty { arguments = ["small", "large"] }
        if arguments == ["all"] { arguments = Workload.all.map(\.name) + ["writer", "parse", "erlang"] }
        #if DEBUG
        progress("warning: a DEBUG build; measure with `swift run -c release omnisim-bench`")
        #endif
        var lines: [String] = []
        for name in arguments {
            guard Workload.all.contains(where: { $0.name == name }) || ["writer", "parse", "erlang"].contains(name) else {
                progress("unknown workload '\(name)'; choose from small, large, huge, month, writer, parse, erlang, all")
                exit(2)
            }
            let child = Process()
            child.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
            child.arguments = ["--one", name] + (rounds.map { ["--rounds", "\($0)"] } ?? [])
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

    /// Runs omnisim and the reference loop on `workload`, alternating, `rounds` times each: the
    /// figures are medians, and the ratio is the median of each round's ratio, so that a slow
    /// moment of a shared machine falls on one round rather than on one side.
    static func runOne(_ workload: Workload, rounds: Int) async throws {
        progress("\(workload.name): generating and compiling…")
        let plan = try workload.plan()
        var omnisimSeconds: [Double] = [], referenceSeconds: [Double] = [], ratios: [Double] = []
        var tracedSeconds: [Double] = [], tracedRatios: [Double] = [], traceBytes = 0
        var result: RunResult?
        var referenceCounts: [Int] = [], referenceTotal = 0
        var countsAgree = true
        var peak = 0
        for round in 1...rounds {
            progress("\(workload.name): round \(round) of \(rounds): running omnisim…")
            let (run, seconds) = try await timed { try await Simulation.run(plan) }
            if round == 1 { peak = peakResidentBytes() }
            result = run
            progress("\(workload.name): omnisim \(run.deliveries) deliveries in \(String(format: "%.2f", seconds))s; running the reference loop…")
            var reference = ReferenceLoop(plan: plan)
            let (total, loopSeconds) = await timed { reference.run(plan) }
            (referenceCounts, referenceTotal) = (reference.deliveries, total)
            // Every round is checked, not only the last: both sides must agree each time.
            countsAgree = countsAgree && run.channels.map(\.deliveries) == referenceCounts && total == run.deliveries
            omnisimSeconds.append(seconds)
            referenceSeconds.append(loopSeconds)
            ratios.append(loopSeconds / seconds)
            progress("\(workload.name): running omnisim traced to a temporary file…")
            let path = NSTemporaryDirectory() + "omnisim-bench-\(getpid()).jsonl"
            let output = try OutputFile.open(path)
            let writer = TraceWriter(output: output)
            let (_, traced) = try await timed { try await Simulation.run(plan, observers: [writer]) }
            try output.commit()
            traceBytes = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
            try? FileManager.default.removeItem(atPath: path)
            progress("\(workload.name): traced in \(String(format: "%.2f", traced))s")
            tracedSeconds.append(traced)
            tracedRatios.append(traced / seconds)
        }
        guard let result else { return }
        let seconds = median(omnisimSeconds), loopSeconds = median(referenceSeconds)
        let omnisimCounts = result.channels.map(\.deliveries)
        let fields: [(String, String)] = [
            ("workload", "\"\(workload.name)\""), ("people", "\(workload.people)"),
            ("conversations", "\(workload.conversations)"), ("messages", "\(result.messages)"),
            ("deliveries", "\(result.deliveries)"), ("events", "\(result.events)"), ("rounds", "\(rounds)"),
            ("wall_s", String(format: "%.3f", seconds)), ("events_per_s", String(format: "%.0f", Double(result.events) / seconds)),
            ("deliveries_per_s", String(format: "%.0f", Double(result.deliveries) / seconds)),
            ("us_per_message", String(format: "%.3f", seconds * 1e6 / Double(max(result.messages, 1)))),
            ("peak_rss_mib", String(format: "%.0f", Double(peak) / 1_048_576)),
            ("reference_wall_s", String(format: "%.3f", loopSeconds)),
            ("reference_deliveries_per_s", String(format: "%.0f", Double(referenceTotal) / loopSeconds)),
            ("ratio_omnisim_to_reference", String(format: "%.3f", median(ratios))),
            ("traced_wall_s", String(format: "%.3f", median(tracedSeconds))),
            ("traced_to_untraced", String(format: "%.3f", median(tracedRatios))),
            ("trace_mib", String(format: "%.0f", Double(traceBytes) / 1_048_576)),
            ("counts_agree", countsAgree ? "true" : "false"), ("oracle_violations", "\(result.violationCount)"),
        ]
        print("{" + fields.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",") + "}")
        if !countsAgree {
            progress("\(workload.name): delivery counts differ: omnisim \(omnisimCounts), reference \(referenceCounts)")
        }
    }

    /// The middle value (the mean of the two middle ones for an even count).
    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    static func printTable(_ lines: [String]) {
        let columns = ["workload", "messages", "deliveries", "wall_s", "deliveries_per_s", "us_per_message",
                       "peak_rss_mib", "ratio_omnisim_to_reference", "traced_wall_s", "traced_to_untraced", "lines_per_s",
                       "counts_agree"]
        var rows = [columns]
        for line in lines {
            guard let data = line.data(using: .utf8),
                  let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { continue }
            rows.append(columns.map { key in
                if key == "counts_agree" { return (object[key] as? Bool).map { $0 ? "true" : "false" } ?? "" }
                return object[key].map { "\($0)" } ?? ""
            })
        }
        let widths = columns.indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        for row in rows {
            print(row.enumerated().map { $0.element.padding(toLength: widths[$0.offset], withPad: " ", startingAt: 0) }
                .joined(separator: "  "))
        }
    }
}

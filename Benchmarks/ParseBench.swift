import Foundation
import OmniSim
import OmniSimRunner
import ScenarioLanguage

/// The front end at file speed: a load expanded into a file of about a million lines (what
/// `omnisim expand` writes), then compiled as `check` does (lines per second), and run from the
/// expanded file versus from its one `load` line.
enum ParseBench {
    static let loadLine = "load seed 5 users 800 customers 200 conversations 500 messages 300000 over 8h\n"

    static func run() async throws {
        progress("parse: expanding \(loadLine.dropLast())…")
        let original = try ScenarioCompiler.compile(SourceFile(path: "load.scenario", text: loadLine))
        let text = ScenarioExpander.expandedText(original)
        let lines = text.utf8.count { $0 == UInt8(ascii: "\n") }
        progress("parse: \(lines) lines; compiling…")
        let (compiled, checkSeconds) = try await timed { try ScenarioCompiler.compile(SourceFile(path: "expanded.scenario", text: text)) }
        progress("parse: running the expanded file and the load line…")
        let (expandedRun, expandedSeconds) = try await timed { try await Simulation.run(compiled.plan) }
        let (loadRun, loadSeconds) = try await timed { try await Simulation.run(original.plan) }
        let fields: [(String, String)] = [
            ("workload", "\"parse\""), ("lines", "\(lines)"), ("check_s", String(format: "%.3f", checkSeconds)),
            ("lines_per_s", String(format: "%.0f", Double(lines) / checkSeconds)),
            ("run_expanded_s", String(format: "%.3f", expandedSeconds + checkSeconds)),
            ("run_load_s", String(format: "%.3f", loadSeconds)),
            ("same_deliveries", expandedRun.deliveries == loadRun.deliveries ? "true" : "false"),
            ("peak_rss_mib", String(format: "%.0f", Double(peakResidentBytes()) / 1_048_576)),
        ]
        print("{" + fields.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",") + "}")
    }
}

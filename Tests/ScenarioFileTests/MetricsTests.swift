import Foundation
import OmniSim
@testable import OmniSimRunner
import ScenarioLanguage
import SimTestSupport
import Testing

/// `--metrics` (contract v2): one CSV row per channel and interval of virtual time with activity.
@Suite("Metrics per interval: rows, edges, and agreement with the report")
struct MetricsTests {
    static func metrics(_ text: String, interval: SimDuration) async throws -> (csv: String, result: RunResult) {
        let compiled = try ScenarioCompiler.compile(SourceFile(path: "m.scenario", text: text))
        let csv = Handoff<String>()
        var options = Simulation.Options()
        options.metricsInterval = interval
        let writer = MetricsWriter(keepingIn: csv, chats: compiled.plan.usesChatWork)
        let result = try await Simulation.run(compiled.plan, options: options, observers: [writer])
        return (csv.take() ?? "", result)
    }

    @Test("a rate backlog per second: due at once, delivered over three seconds, the backlog as each second ends")
    func rateBacklog() async throws {
        let (csv, _) = try await Self.metrics("""
            user maria
            customer k1 k2 k3 k4 k5
            channel email rate 2/s
            at 10s maria starts customer conversation blast with k1, k2, k3, k4, k5 "Maintenance"
            """, interval: .seconds(1))
        #expect(csv == MetricsWriter.header + """
            10000,email,5,2,3,3,0,0,0
            11000,email,0,2,1,1,1000,1000,1000
            12000,email,0,1,0,0,2000,2000,2000

            """)
    }

    @Test("an outage: the quiet intervals in between get rows while the email is pending, none after")
    func pendingThroughQuietIntervals() async throws {
        let (csv, _) = try await Self.metrics("""
            user maria
            customer carol
            channel email down 0s..3m
            at 30s maria starts customer conversation c with carol "Hello"
            at 10m maria logs in
            """, interval: .minutes(1))
        // Due at 30s; tries at 30s, 1m, 2m fail (pauses 30s, 1m); it arrives at 4m (the 2m retry
        // waits 2m): pending through 0m..3m, delivered at 4m exactly, so never pending in that minute.
        let lines = csv.split(separator: "\n").dropFirst().map(String.init)
        #expect(lines.first == "0,email,1,0,0,1,,,")
        #expect(lines.contains("180000,email,0,0,0,1,,,"), "a quiet minute with the email pending")
        #expect(lines.last == "240000,email,0,1,0,0,210000,210000,210000", "\(lines)")
        #expect(!lines.contains { $0.hasPrefix("300000,") }, "nothing after it arrived")
    }

    @Test("the rows add up to the report's deliveries per channel, for random scenarios", arguments: 0..<20)
    func agreesWithReport(seed: UInt64) async throws {
        let (csv, result) = try await Self.metrics(RandomScenario.text(seed: seed), interval: .seconds(30))
        var delivered = ChannelKind.allCases.map { _ in 0 }
        var previous: (Int64, Int)?
        // Issue 23: a seed with live chat has seven more columns, and a `chats` row per interval
        // with chat activity, whose chats started add up to the report's.
        let columns = result.staffing == nil ? 9 : 16
        var chatsStarted = 0
        for line in csv.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            #expect(fields.count == columns)
            if fields[1] == "chats" {
                chatsStarted += Int(fields[9]) ?? 0
                continue
            }
            let start = Int64(fields[0]) ?? -1
            let channel = try #require(ChannelKind.allCases.first { $0.name == fields[1] })
            #expect(start % 30_000 == 0)
            if let previous { #expect((previous.0, previous.1) < (start, channel.rawValue), "rows in time, then channel order") }
            previous = (start, channel.rawValue)
            delivered[channel.rawValue] += Int(fields[3]) ?? 0
            #expect((Int(fields[5]) ?? -1) >= 0 && (Int(fields[4]) ?? -1) >= 0)
        }
        #expect(delivered == result.channels.map(\.deliveries), "seed \(seed)")
        #expect(chatsStarted == result.staffing?.chats ?? 0, "seed \(seed)")
    }
}

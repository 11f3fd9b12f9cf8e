import Foundation
import OmniSim
@testable import OmniSimRunner
import ScenarioLanguage
import Testing

@Suite("compare with variants of several statements, sweeps and targets")
struct CompareSweepTests {
    typealias CLI = CommandLineTests

    /// b gets three messages in two seconds and never reads them: three emails at once, one with
    /// a batch of a minute or more.
    static let file = "user a b\nat 1s a starts conversation c with b \"hi\"\nat 2s a writes to c \"again\"\nat 3s a writes to c \"more\"\n"

    static func compiled(_ text: String = file) throws -> CompiledScenario {
        try ScenarioCompiler.compile(SourceFile(path: "c.scenario", text: text))
    }

    @Test("a variant applies all its statements, in order, as --set would one by one")
    func variantAppliesEvery() async throws {
        let columns = try await Comparison.run(try Self.compiled(), variants: [
            try CompareVariant.parse("batched: set everyone email-after 1m; set everyone email-batch 2m"),
            .set("set everyone email-after 1m"),
        ])
        #expect(columns.map(\.title) == ["as written", "batched", "--set set everyone email-after 1m"])
        #expect(columns.map { $0.result.channels[ChannelKind.email.rawValue].deliveries } == [3, 1, 3])
        #expect(columns[1].statements == ["set everyone email-after 1m", "set everyone email-batch 2m"])
    }

    @Test("a sweep with a target names the smallest value that meets it, and leaves the target out of the failures")
    func smallestMeetingTarget() async throws {
        let sweep = try CompareSweep.parse("set everyone email-batch {0s..2m step 1m}")
        let outcome = try await SweepComparison.run(try Self.compiled(), sweep: sweep, target: "expect at most 1 email to each user")
        #expect(outcome.rows.map(\.metTarget) == [false, true, true])
        #expect(outcome.smallest?.text == "1m")
        #expect(outcome.exitStatus == 0)
        #expect(outcome.rows.allSatisfy { $0.column.failures.isEmpty })
        let table = SweepComparison.table(outcome)
        #expect(table.hasPrefix("value   target  messenger deliveries"))
        #expect(table.split(separator: "\n").map { $0.prefix(15) } == ["value   target ", "0s     not met ", "1m         met ", "2m         met "])
        #expect(SweepComparison.summary(outcome, path: "c.scenario") == "smallest value meeting 'expect at most 1 email to each user': 1m\n")
    }

    @Test("when no value meets the target the sweep says what the largest saw and exits 1")
    func noValueMeets() async throws {
        let sweep = try CompareSweep.parse("set everyone email-batch {0s..2m step 1m}")
        let outcome = try await SweepComparison.run(try Self.compiled(), sweep: sweep, target: "expect at most 0 emails to each user")
        #expect(outcome.smallest == nil)
        #expect(outcome.exitStatus == 1)
        #expect(SweepComparison.summary(outcome, path: "c.scenario").hasPrefix("no value meets 'expect at most 0 emails to each user' (at 2m: saw "))
    }

    @Test("the file's own expectations still count in a sweep: listed with a reproduce line carrying the value")
    func ownExpectationsStillCount() async throws {
        let text = Self.file + "expect at most 2 emails to each user\n"
        let sweep = try CompareSweep.parse("set everyone email-batch {0s..1m step 1m}")
        let outcome = try await SweepComparison.run(try Self.compiled(text), sweep: sweep, target: nil)
        #expect(outcome.exitStatus == 1)
        let summary = SweepComparison.summary(outcome, path: "c.scenario")
        #expect(summary.hasPrefix("FAIL 0s: 1 failure\n  c.scenario:5: expected"))
        #expect(summary.contains("reproduce: omnisim run c.scenario --set 'set everyone email-batch 0s'\n"))
        #expect(!summary.contains("FAIL 1m"))
    }

    @Test("a target must be one check statement that the file can hold", arguments: [
        "set everyone email-after 1m", "expect at most", "expect at most 1 email to zed", "",
    ])
    func targetRefused(target: String) throws {
        #expect(throws: CompareVariant.Problem.self) { try SweepComparison.adding(target: target, to: try Self.compiled()) }
    }

    @Test("a target goes on a line of its own, even after a file with no final newline")
    func targetAfterLastLine() throws {
        let (combined, check) = try SweepComparison.adding(target: "expect at most 1 email to each user", to: try Self.compiled("user a b\nexpect at most 5 emails to each user"))
        #expect(check == 1)
        #expect(combined.checkRanges[check].start.line == 3)
    }

    @Test("chat rows and columns appear when a run has live chat figures, '-' for one without")
    func chatMeasuresWhenStaffed() async throws {
        var columns = try await Comparison.run(try Self.compiled(), overrides: ["set everyone email-after 1m"])
        #expect(!Comparison.table(columns).contains("chat wait p95"))
        var staffing = StaffingSummary()
        staffing.chats = 12
        staffing.waitP95 = .seconds(40)
        columns[1].result.staffing = staffing
        let table = Comparison.table(columns)
        let waitRow = try #require(table.split(separator: "\n").first { $0.hasPrefix("chat wait p95") })
        #expect(waitRow.split(separator: " ", omittingEmptySubsequences: true) == ["chat", "wait", "p95", "-", "40s"])
    }

    @Test("the command's exit statuses: 0 when a value meets the target, 1 when none does, 2 for usage errors")
    func exitStatuses() throws {
        let root = try CLI.folder(with: ["c.scenario": Self.file])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let met = try CLI.shell("$OMNISIM compare c.scenario --sweep 'set everyone email-batch {0s..2m step 1m}' --target 'expect at most 1 email to each user'", in: root)
        #expect(met.status == 0, "\(met.output)")
        #expect(met.output.contains("smallest value meeting 'expect at most 1 email to each user': 1m\n"))
        let none = try CLI.shell("$OMNISIM compare c.scenario --sweep 'set everyone email-batch {0s..2m step 1m}' --target 'expect at most 0 emails to each user'", in: root)
        #expect(none.status == 1, "\(none.output)")
        let variant = try CLI.shell("$OMNISIM compare c.scenario --variant 'batched: set everyone email-after 1m; set everyone email-batch 2m'", in: root)
        #expect(variant.status == 0, "\(variant.output)")
        #expect(variant.output.hasPrefix("                       as written  batched\n"))
        for usage in [
            "--target 'expect at most 1 email to each user' --set 'set everyone email-after 1m'",
            "--sweep 'set everyone email-batch {1m..2m step 1m}' --set 'set everyone email-after 1m'",
            "--sweep 'set everyone email-batch {2m..1m step 1m}'",
            "--sweep 'x {1..2}' --sweep 'x {1..2}'",
            "--variant 'no name here'",
            "--sweep 'set everyone email-batch {1..2}'",
            "--sweep 'set everyone email-batch {0s..1m step 1m}' --target 'set everyone email-after 1m'",
        ] {
            let result = try CLI.shell("$OMNISIM compare c.scenario \(usage)", in: root)
            #expect(result.status == 2, "\(usage): \(result.output)")
        }
        let runWithVariant = try CLI.shell("$OMNISIM run c.scenario --variant 'a: set everyone email-after 1m'", in: root)
        #expect(runWithVariant.status == 2)
    }
}

@Suite("compare --html: the table as a page, and a sweep's charts")
struct CompareHTMLTests {
    typealias CLI = CommandLineTests

    /// A small live chat: 20 chats an hour for an hour, swept over one to three agents.
    static let chats = """
        scenario "Chats <&> agents"
        set everyone chat-capacity 2
        chat routing first-free
        customers wait at most 5m
        load desk seed 7 chats 20 per 1h handled in 8m agents 1 over 1h from 9h

        """
    static let sweep = "load desk seed 7 chats 20 per 1h handled in 8m agents {1..3} over 1h from 9h"
    static let target = "expect chat wait p95 at most 30s"

    /// Each `<svg data-row="LABEL">…</svg>` of `page`, by its (escaped) label.
    static func charts(_ page: String) -> [String: String] {
        var charts: [String: String] = [:]
        var rest = page[...]
        while let start = rest.range(of: "<svg data-row=\""), let end = rest[start.upperBound...].range(of: "</svg>") {
            let svg = rest[start.lowerBound..<end.upperBound]
            let label = svg[start.upperBound...].prefix { $0 != "\"" }
            charts[String(label)] = String(svg)
            rest = rest[end.upperBound...]
        }
        return charts
    }

    @Test("a sweep's page charts each figure of interest: an <svg> per row, a point per value, the target's smallest value marked")
    func sweepCharts() async throws {
        let compiled = try ScenarioCompiler.compile(SourceFile(path: "desk<&>.scenario", text: Self.chats))
        let outcome = try await SweepComparison.run(compiled, sweep: try CompareSweep.parse(Self.sweep), target: Self.target)
        let page = CompareHTML.page(outcome, path: "desk<&>.scenario")
        let charts = Self.charts(page)
        #expect(Set(charts.keys) == [
            "chat wait p50", "chat wait p95", "chat wait p99", "chats waiting, max", "chats abandoned",
            "agents&apos; utilisation, mean", "emails per user, mean", "emails per user, max", "email deliveries",
        ])
        for (label, svg) in charts {
            #expect(svg.components(separatedBy: "<circle class=\"point\"").count - 1 == 3, "\(label)")
        }
        #expect(outcome.rows.map(\.metTarget) == [false, false, true])
        let smallest = try #require(outcome.smallest)
        #expect(charts.values.allSatisfy { $0.contains("<line class=\"target\"") && $0.contains("target met from \(smallest.text)") })
        // The table: a row per value with the text table's cells.
        let measures = Comparison.Measure.all(chats: true)
        for row in outcome.rows {
            let cells = measures.map { "<td class=\"num\">\(MarkupText.escape($0.cell(row.column)))</td>" }.joined()
            #expect(page.contains("<tr><th>\(row.value.text)</th><td class=\"\(row.metTarget == true ? "pass\">met" : "fail\">not met")</td>\(cells)</tr>"))
        }
        #expect(page.contains("desk&lt;&amp;&gt;.scenario"))
        #expect(!page.contains("desk<&>"))
        #expect(!page.contains("<script") && !page.contains("http://") && !page.contains("https://") && !page.contains("@import"))
        // Nothing in the bytes changes from one run to the next.
        let again = try await SweepComparison.run(compiled, sweep: try CompareSweep.parse(Self.sweep), target: Self.target)
        #expect(CompareHTML.page(again, path: "desk<&>.scenario") == page)
    }

    @Test("the target's line stands within the chart even when its value has no point in a figure (0 agents: no chat taken)")
    func markerOfAValueWithoutPoint() async throws {
        let compiled = try ScenarioCompiler.compile(SourceFile(path: "desk.scenario", text: Self.chats))
        let sweep = try CompareSweep.parse("load desk seed 7 chats 20 per 1h handled in 8m agents {2,0,1} over 1h from 9h")
        let outcome = try await SweepComparison.run(compiled, sweep: sweep, target: Self.target)
        #expect(outcome.smallest?.text == "0")
        let wait = try #require(Self.charts(CompareHTML.page(outcome, path: "desk.scenario"))["chat wait p95"])
        let marker = try #require(wait.range(of: "<line class=\"target\" x1=\""))
        let x = Double(wait[marker.upperBound...].prefix { $0 != "\"" }) ?? -1
        #expect(x >= 0 && x <= 400, "\(x)")
    }

    @Test("without a target the charts have no marker; a figure the table lacks (no chat) is not charted")
    func noTargetNoMarker() async throws {
        let sweep = try CompareSweep.parse("set everyone email-batch {0s..2m step 1m}")
        let outcome = try await SweepComparison.run(try CompareSweepTests.compiled(), sweep: sweep, target: nil)
        let charts = Self.charts(CompareHTML.page(outcome, path: "c.scenario"))
        #expect(Set(charts.keys) == ["emails per user, mean", "emails per user, max", "email deliveries"])
        #expect(charts.values.allSatisfy { !$0.contains("class=\"target\"") })
        #expect(charts["email deliveries"].map { $0.components(separatedBy: "<circle class=\"point\"").count - 1 } == 3)
    }

    @Test("the command writes the page through --html: byte-identical across runs; compare without --sweep writes the table only; refused over the scenario")
    func command() throws {
        let root = try CLI.folder(with: ["c.scenario": CompareSweepTests.file])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let sweep = "$OMNISIM compare c.scenario --sweep 'set everyone email-batch {0s..2m step 1m}' --target 'expect at most 1 email to each user'"
        let first = try CLI.shell("\(sweep) --html a.html", in: root)
        #expect(first.status == 0, "\(first.error)")
        #expect(first.output.contains("smallest value meeting 'expect at most 1 email to each user': 1m\n"))
        let second = try CLI.shell("\(sweep) --html b.html", in: root)
        #expect(second.status == 0)
        let a = try String(contentsOfFile: "\(root)/a.html", encoding: .utf8)
        #expect(a == (try String(contentsOfFile: "\(root)/b.html", encoding: .utf8)))
        #expect(a.hasPrefix("<!DOCTYPE html>") && a.hasSuffix("</body></html>\n"))
        #expect(Self.charts(a).count == 3)
        #expect(a.contains("target met from 1m"))
        let plain = try CLI.shell("$OMNISIM compare c.scenario --variant '<b>&: set everyone email-batch 2m' --html p.html", in: root)
        #expect(plain.status == 0, "\(plain.error)")
        let table = try String(contentsOfFile: "\(root)/p.html", encoding: .utf8)
        #expect(!table.contains("<svg"))
        #expect(table.contains("<tr><th></th><th class=\"num\">as written</th><th class=\"num\">&lt;b&gt;&amp;</th></tr>"))
        #expect(table.contains("<tr><th>email deliveries</th><td class=\"num\">3</td><td class=\"num\">1</td></tr>"))
        let over = try CLI.shell("\(sweep) --html c.scenario", in: root)
        #expect(over.status == 2)
        #expect(over.error.contains("would overwrite the scenario file 'c.scenario'"))
        #expect(try String(contentsOfFile: "\(root)/c.scenario", encoding: .utf8) == CompareSweepTests.file)
        let unwritable = try CLI.shell("\(sweep) --html /dev/full", in: root)
        #expect(unwritable.status == 2)
        #expect(unwritable.error.contains("cannot write '/dev/full'"))
        let check = try CLI.shell("$OMNISIM check c.scenario --html x.html", in: root)
        #expect(check.status == 2)
    }
}

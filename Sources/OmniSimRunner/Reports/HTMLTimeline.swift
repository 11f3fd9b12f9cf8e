import ScenarioLanguage
import OmniSim

/// `--html FILE`: one self-contained page (inline CSS and SVG; no scripts, fonts or network) with a
/// timeline per scenario: a lane per person, each delivery a dot at its virtual time coloured by
/// channel, seen moments as green triangles, fallback decisions as diamonds (filled: the email
/// fell due), views as ticks, the person's own actions (starts, writes, adds…) as grey squares, the
/// message text on hover, failed expectations in red.
public enum HTMLTimeline {
    static let laneCountMax = 120
    static let markCountMax = 20_000
    static let plotWidth = 1000.0
    static let labelWidth = 130.0
    static let laneHeight = 26.0

    /// Each channel's colour on the page: an exhaustive switch, so a new channel cannot be drawn
    /// black by a forgotten entry.
    static func colour(_ channel: ChannelKind) -> String {
        switch channel {
        case .messenger: "#1f6feb"
        case .email: "#d97706"
        case .chat: "#15803d"
        case .push: "#7c3aed"
        }
    }

    public static func page(for runs: [ScenarioRun]) -> String {
        var html = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>omnisim timeline</title>
            <style>
            body { font: 14px/1.4 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 24px; color: #111; }
            h1 { font-size: 20px; } h2 { font-size: 16px; margin-top: 28px; } h3 { font-size: 14px; }
            table { border-collapse: collapse; } td, th { padding: 2px 12px 2px 0; text-align: left; }
            .pass { color: #15803d; } .fail { color: #b00020; }
            svg { background: #fafafa; border: 1px solid #ddd; }
            svg text { font: 11px system-ui, sans-serif; fill: #333; }
            .legend span { display: inline-block; margin-right: 14px; }
            .dot { display: inline-block; width: 10px; height: 10px; border-radius: 5px; margin-right: 4px; }
            ul.fail li { margin: 2px 0; }
            </style></head><body>
            <h1>omnisim timeline</h1>
            <p class="legend">
            """
        for channel in ChannelKind.allCases {
            html += "<span><i class=\"dot\" style=\"background:\(colour(channel))\"></i>\(channel.name)</span>"
        }
        html += "<span>▲ seen</span><span>◆ fallback email due</span><span>◇ no fallback email</span><span>| view</span><span>▪ own action</span>"
        html += "<span class=\"fail\">┆ failed expectation</span></p>\n"
        for run in runs { html += section(run) }
        return html + "</body></html>\n"
    }

    private static func section(_ run: ScenarioRun) -> String {
        guard case .ran(let compiled, let result) = run.outcome else {
            return "<h2 class=\"fail\">\(escape(run.path))</h2><pre class=\"fail\">\(escape(RunReport.text(for: run)))</pre>\n"
        }
        let cast = compiled.plan.cast
        var html = "<h2 class=\"\(result.passed ? "pass" : "fail")\">\(result.passed ? "PASS" : "FAIL") \(escape(run.path))"
        if let title = compiled.plan.title { html += " — \(escape(title))" }
        html += "</h2>\n"
        let entries = result.journal?.entries ?? []
        var lanes: [PersonID] = []
        var laneOf: [PersonID: Int] = [:]
        for entry in entries where laneOf[entry.person] == nil && lanes.count < laneCountMax {
            laneOf[entry.person] = lanes.count
            lanes.append(entry.person)
        }
        let sortedLanes = lanes.sorted()
        for (index, person) in sortedLanes.enumerated() { laneOf[person] = index }
        // The axis spans what happened: from the first entry (or 0) to the end, with a margin.
        let first = entries.first?.time.milliseconds ?? 0
        let last = max(result.endTime.milliseconds, entries.last?.time.milliseconds ?? 0)
        let margin = max((last - first) / 20, 1_000)
        let start = max(0, first - margin), end = last + margin
        let x = { (t: SimInstant) in labelWidth + Double(t.milliseconds - start) / Double(end - start) * plotWidth }
        let height = 30 + Double(max(sortedLanes.count, 1)) * laneHeight
        var svg = "<svg width=\"\(Int(labelWidth + plotWidth + 60))\" height=\"\(Int(height))\">\n"
        for (index, person) in sortedLanes.enumerated() {
            let y = 20 + Double(index) * laneHeight + laneHeight / 2
            svg += "<text x=\"4\" y=\"\(y + 4)\">\(escape(cast.name(of: person)))</text>"
            svg += "<line x1=\"\(labelWidth)\" y1=\"\(y)\" x2=\"\(labelWidth + plotWidth)\" y2=\"\(y)\" stroke=\"#e5e5e5\"/>\n"
        }
        for t in TimeAxis.ticks(from: start, to: end) {
            svg += "<text x=\"\(x(t) - 10)\" y=\"12\">\(t)</text>"
            svg += "<line x1=\"\(x(t))\" y1=\"16\" x2=\"\(x(t))\" y2=\"\(height)\" stroke=\"#eee\"/>\n"
        }
        let marks = drawMarks(entries, lanes: laneOf, cast: cast, x: x, into: &svg)
        let failures = ScenarioFailure.all(in: compiled, result: result)
        for failure in failures {
            guard let check = failure.check, let time = compiled.plan.checks[check].time else { continue }
            svg += "<line x1=\"\(x(time))\" y1=\"14\" x2=\"\(x(time))\" y2=\"\(height)\" stroke=\"#b00020\" "
                + "stroke-dasharray=\"4 3\" stroke-width=\"2\"><title>\(escape(failure.located(in: run.path)))</title></line>\n"
        }
        html += svg + "</svg>\n"
        if marks >= markCountMax || lanes.count >= laneCountMax || (result.journal?.dropped ?? 0) > 0 {
            html += "<p>Showing the first \(sortedLanes.count) people and \(marks) marks of a larger run.</p>\n"
        }
        if !failures.isEmpty {
            html += "<ul class=\"fail\">" + failures.map { "<li>\(escape($0.located(in: run.path)))</li>" }.joined() + "</ul>\n"
        }
        if let chart = run.chart { html += charts(chart, result: result) }
        html += mostEmails(result, cast: cast)
        return html
    }

    static let chartHeight = 90.0

    /// Per channel with any delivery or backlog: deliveries per bucket as bars, the largest backlog
    /// as a line (each on its own scale), on a time axis with round ticks.
    static func charts(_ chart: ChartSeries, result: RunResult) -> String {
        let bucketEnd = chart.delivered.map(\.count).max() ?? 0
        guard let firstBucket = chart.firstBucket, bucketEnd > firstBucket else { return "" }
        let buckets = bucketEnd - firstBucket
        let interval = SimDuration(milliseconds: chart.interval)
        var html = "<h3>Deliveries and backlog per \(interval)</h3>\n"
        let start = Int64(firstBucket) * chart.interval, end = Int64(bucketEnd) * chart.interval
        let x = { (t: Int64) in labelWidth + Double(t - start) / Double(end - start) * plotWidth }
        for channel in ChannelKind.allCases {
            let delivered = chart.delivered[channel.rawValue], backlog = chart.backlogMax[channel.rawValue]
            let deliveredMax = delivered.max() ?? 0, backlogMax = backlog.max() ?? 0
            guard deliveredMax > 0 || backlogMax > 0 else { continue }
            let colour = colour(channel)
            let top = 14.0, bottom = top + chartHeight
            var svg = "<svg width=\"\(Int(labelWidth + plotWidth + 60))\" height=\"\(Int(bottom + 18))\">\n"
            svg += "<text x=\"4\" y=\"\(top + 12)\">\(channel.name)</text>"
            svg += "<text x=\"4\" y=\"\(top + 28)\" fill=\"\(colour)\">\(deliveredMax) max</text>"
            if backlogMax > 0 { svg += "<text x=\"4\" y=\"\(top + 44)\">backlog \(backlogMax) max</text>" }
            svg += "<line x1=\"\(labelWidth)\" y1=\"\(bottom)\" x2=\"\(labelWidth + plotWidth)\" y2=\"\(bottom)\" stroke=\"#999\"/>\n"
            for t in TimeAxis.ticks(from: start, to: end) {
                svg += "<line x1=\"\(x(t.milliseconds))\" y1=\"\(top)\" x2=\"\(x(t.milliseconds))\" y2=\"\(bottom)\" stroke=\"#eee\"/>"
                svg += "<text x=\"\(x(t.milliseconds) - 10)\" y=\"\(bottom + 14)\">\(t)</text>\n"
            }
            let width = max(plotWidth / Double(buckets) - 1, 1)
            for (bucket, count) in delivered.enumerated() where count > 0 {
                let height = Double(count) / Double(max(deliveredMax, 1)) * chartHeight
                let start = SimInstant(milliseconds: Int64(bucket) * chart.interval)
                svg += "<rect x=\"\(x(start.milliseconds))\" y=\"\(bottom - height)\" width=\"\(width)\" height=\"\(height)\" "
                    + "fill=\"\(colour)\" opacity=\"0.75\"><title>\(start): \(count) \(count == 1 ? "delivery" : "deliveries")</title></rect>\n"
            }
            if backlogMax > 0 {
                let points = backlog.enumerated().map { bucket, value in
                    "\(x(Int64(bucket) * chart.interval + chart.interval / 2)),\(bottom - Double(value) / Double(backlogMax) * chartHeight)"
                }
                svg += "<polyline points=\"\(points.joined(separator: " "))\" fill=\"none\" stroke=\"#111\" stroke-width=\"1.5\">"
                    + "<title>largest backlog per \(interval)</title></polyline>\n"
            }
            html += svg + "</svg>\n"
        }
        return html
    }

    /// The ten people with the most emails, most first.
    static func mostEmails(_ result: RunResult, cast: Cast) -> String {
        let top = result.channels[ChannelKind.email.rawValue].topRecipients
        guard !top.isEmpty else { return "" }
        var html = "<h3>Most emails</h3>\n<table><tr><th>person</th><th>emails</th></tr>\n"
        for (person, count) in top { html += "<tr><td>\(escape(cast.name(of: person)))</td><td>\(count)</td></tr>\n" }
        return html + "</table>\n"
    }


    /// Draws each journal entry as a mark in its person's lane; returns how many were drawn.
    private static func drawMarks(
        _ entries: [Journal.Entry], lanes laneOf: [PersonID: Int], cast: Cast, x: (SimInstant) -> Double, into svg: inout String
    ) -> Int {
        var marks = 0
        for entry in entries {
            guard let lane = laneOf[entry.person], marks < markCountMax else { continue }
            let cx = x(entry.time), cy = 20 + Double(lane) * laneHeight + laneHeight / 2
            let title = "<title>\(escape("\(entry.time) \(cast.name(of: entry.person)): \(entry.text(cast: cast))"))</title>"
            switch entry.kind {
            case .delivery:
                let colour = entry.happening.channel.map(Self.colour) ?? "#000"
                svg += "<circle cx=\"\(cx)\" cy=\"\(cy)\" r=\"5\" fill=\"\(colour)\">\(title)</circle>\n"
            case .seen:
                svg += "<path d=\"M\(cx - 4) \(cy - 6) L\(cx + 4) \(cy - 6) L\(cx) \(cy - 12) Z\" fill=\"#15803d\">\(title)</path>\n"
            case .fallback:
                let due = if case .fallback(_, .sendEmail) = entry.happening { true } else { false }
                svg += "<path d=\"M\(cx) \(cy + 5) L\(cx + 5) \(cy + 10) L\(cx) \(cy + 15) L\(cx - 5) \(cy + 10) Z\" "
                    + "fill=\"\(due ? "#d97706" : "none")\" stroke=\"#d97706\">\(title)</path>\n"
            case .view:
                svg += "<line x1=\"\(cx)\" y1=\"\(cy - 9)\" x2=\"\(cx)\" y2=\"\(cy + 9)\" stroke=\"#111\" stroke-width=\"2\">\(title)</line>\n"
            case .action:
                svg += "<rect x=\"\(cx - 3)\" y=\"\(cy - 3)\" width=\"6\" height=\"6\" fill=\"#6b7280\">\(title)</rect>\n"
            case .unread, .push, .channelChoice, .presence, .rejected, .retry:
                continue
            }
            marks += 1
        }
        return marks
    }

    static func escape(_ text: String) -> String { MarkupText.escape(text) }
}

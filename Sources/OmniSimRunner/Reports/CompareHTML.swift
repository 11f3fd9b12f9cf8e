import Foundation
import OmniSim

/// `omnisim compare … --html FILE`: one self-contained page (inline CSS and SVG; no scripts, fonts
/// or network), in ``HTMLTimeline``'s style: the compare table (the text table's rows and columns)
/// and what is printed under it; for a sweep, also a small line chart per figure of interest
/// (``charted``: chat wait p50/p95/p99, chats waiting, abandoned, utilisation, emails per user…,
/// whichever the sweep's table has) against the swept value, a point per value (green where the
/// target was met, red where not), and a dashed line at the smallest value meeting the target.
/// The same inputs give the same bytes: no dates, no ids.
public enum CompareHTML {
    static let chartWidth = 360.0
    static let chartHeight = 170.0
    static let left = 72.0, right = 16.0, top = 24.0, bottom = 30.0

    /// A figure the sweep charts: the table's label, and its number for a column (nil: none, as `-`).
    struct Charted: Sendable {
        var label: String
        /// How the axis writes a number of this figure.
        var axis: @Sendable (Double) -> String = { number($0) }
        var value: @Sendable (Comparison.Column) -> Double?
    }

    /// The charted figures, in the order drawn; only those the table has (``Comparison/Measure``).
    static let charted: [Charted] = [
        chat("chat wait p50", axis: duration) { $0.waitP50.map(milliseconds) },
        chat("chat wait p95", axis: duration) { $0.waitP95.map(milliseconds) },
        chat("chat wait p99", axis: duration) { $0.waitP99.map(milliseconds) },
        chat("chats waiting, max") { Double($0.waitingMax) },
        chat("chats abandoned") { Double($0.abandoned) },
        chat("agents' utilisation, mean", axis: { number($0) + "%" }) { summary in
            let shares = summary.agents.compactMap(\.utilisation)
            return shares.isEmpty ? nil : shares.reduce(0, +) / Double(shares.count) * 100
        },
        Charted(label: "emails per user, mean") { column in
            column.users == 0 ? nil : Double(column.emailsPerUser.reduce(0, +)) / Double(column.users)
        },
        Charted(label: "emails per user, max") { Double($0.emailsPerUser.max() ?? 0) },
        Charted(label: "email deliveries") { Double($0.result.channels[ChannelKind.email.rawValue].deliveries) },
    ]

    private static func chat(
        _ label: String, axis: @escaping @Sendable (Double) -> String = { number($0) }, _ value: @escaping @Sendable (StaffingSummary) -> Double?
    ) -> Charted {
        Charted(label: label, axis: axis) { column in column.result.staffing.flatMap(value) }
    }

    private static func milliseconds(_ duration: SimDuration) -> Double { Double(duration.milliseconds) }

    private static func duration(_ milliseconds: Double) -> String { "\(SimDuration(milliseconds: Int64(milliseconds.rounded())))" }

    /// The page for `compare --set/--variant`: the table, a column per variant, and the failures.
    public static func page(_ columns: [Comparison.Column], path: String) -> String {
        let measures = Comparison.Measure.all(chats: columns.contains { $0.result.staffing != nil })
        var html = head(path: path)
        html += "<table>\n<tr><th></th>" + columns.map { "<th class=\"num\">\(escape($0.title))</th>" }.joined() + "</tr>\n"
        for measure in measures {
            html += "<tr><th>\(escape(measure.label))</th>" + columns.map { "<td class=\"num\">\(escape(measure.cell($0)))</td>" }.joined() + "</tr>\n"
        }
        html += "</table>\n"
        html += under(Comparison.failures(columns, path: path))
        return html + "</body></html>\n"
    }

    /// The page for `compare --sweep [--target]`: the table, a row per value, what is printed under
    /// it, and a chart per figure of interest.
    public static func page(_ outcome: SweepComparison.Outcome, path: String) -> String {
        let measures = Comparison.Measure.all(chats: outcome.rows.contains { $0.column.result.staffing != nil })
        let hasTarget = outcome.target != nil
        var html = head(path: path)
        if let target = outcome.target { html += "<p>target: <code>\(escape(target))</code></p>\n" }
        html += "<table>\n<tr><th>value</th>" + (hasTarget ? "<th>target</th>" : "")
            + measures.map { "<th class=\"num\">\(escape($0.header))</th>" }.joined() + "</tr>\n"
        for row in outcome.rows {
            html += "<tr><th>\(escape(row.value.text))</th>"
            if let met = row.metTarget { html += met ? "<td class=\"pass\">met</td>" : "<td class=\"fail\">not met</td>" }
            html += measures.map { "<td class=\"num\">\(escape($0.cell(row.column)))</td>" }.joined() + "</tr>\n"
        }
        html += "</table>\n"
        html += under(SweepComparison.summary(outcome, path: path))
        let labels = Set(measures.map(\.label))
        var charts = ""
        for figure in charted where labels.contains(figure.label) {
            guard let measure = measures.first(where: { $0.label == figure.label }) else { continue }
            charts += chart(figure, cell: measure.cell, outcome: outcome)
        }
        if !charts.isEmpty { html += "<h2>Against the swept value</h2>\n<div class=\"charts\">\n" + charts + "</div>\n" }
        return html + "</body></html>\n"
    }

    private static func head(path: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>omnisim compare</title>
        <style>
        body { font: 14px/1.4 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 24px; color: #111; }
        h1 { font-size: 20px; } h2 { font-size: 16px; margin-top: 28px; }
        table { border-collapse: collapse; } td, th { padding: 2px 12px 2px 0; text-align: left; }
        th { font-weight: 600; } .num { text-align: right; } tr:nth-child(even) { background: #f6f6f6; }
        .pass { color: #15803d; } .fail { color: #b00020; }
        svg { background: #fafafa; border: 1px solid #ddd; margin: 0 12px 12px 0; }
        svg text { font: 11px system-ui, sans-serif; fill: #333; }
        .charts { display: flex; flex-wrap: wrap; }
        </style></head><body>
        <h1>omnisim compare \(escape(RunReport.displayPath(path)))</h1>

        """
    }

    /// What the command prints under the table, as preformatted text (nothing when empty).
    private static func under(_ text: String) -> String {
        text.isEmpty ? "" : "<pre>\(text.split(separator: "\n", omittingEmptySubsequences: false).map { escape(String($0)) }.joined(separator: "\n"))</pre>\n"
    }

    /// One figure's chart: the swept values' magnitudes across, the figure up (from 0), a point
    /// per value with the table's cell on hover, joined in the values' order of magnitude.
    static func chart(_ figure: Charted, cell: (Comparison.Column) -> String, outcome: SweepComparison.Outcome) -> String {
        let points = outcome.rows.compactMap { row in figure.value(row.column).map { (row: row, y: $0) } }
            .sorted { $0.row.value.magnitude < $1.row.value.magnitude }
        guard !points.isEmpty else { return "" }
        // Across: every swept value, also those with no point in this figure (a chat wait with no
        // chat taken), so that the target's line stands where its value is.
        let magnitudes = outcome.rows.map { Double($0.value.magnitude) }
        let low = magnitudes.min() ?? 0, high = magnitudes.max() ?? 0
        let yMax = max(points.map(\.y).max() ?? 0, 0)
        let yTop = yMax > 0 ? yMax : 1
        let plotWidth = chartWidth - left - right, plotHeight = chartHeight - top - bottom
        let x = { (magnitude: Int64) in
            high > low ? left + (Double(magnitude) - low) / (high - low) * plotWidth : left + plotWidth / 2
        }
        let y = { (value: Double) in top + plotHeight - value / yTop * plotHeight }
        let base = top + plotHeight
        var svg = "<svg data-row=\"\(escape(figure.label))\" width=\"\(Int(chartWidth))\" height=\"\(Int(chartHeight))\">\n"
        svg += "<text x=\"6\" y=\"15\" font-weight=\"600\">\(escape(figure.label))</text>\n"
        svg += "<line x1=\"\(f(left))\" y1=\"\(f(base))\" x2=\"\(f(left + plotWidth))\" y2=\"\(f(base))\" stroke=\"#999\"/>"
        svg += "<line x1=\"\(f(left))\" y1=\"\(f(top))\" x2=\"\(f(left))\" y2=\"\(f(base))\" stroke=\"#999\"/>\n"
        svg += "<text x=\"4\" y=\"\(f(top + 4))\">\(escape(figure.axis(yMax)))</text>"
        svg += "<text x=\"4\" y=\"\(f(base + 4))\">\(escape(figure.axis(0)))</text>\n"
        // Every value's label when they fit, else the first and the last.
        let labelled = points.count <= 10 ? points : [points.first!, points.last!]
        for point in labelled {
            svg += "<text x=\"\(f(x(point.row.value.magnitude) - 8))\" y=\"\(f(base + 16))\">\(escape(point.row.value.text))</text>"
        }
        svg += "\n"
        if let smallest = outcome.smallest, let target = outcome.target {
            let mx = x(smallest.magnitude)
            svg += "<line class=\"target\" x1=\"\(f(mx))\" y1=\"\(f(top - 6))\" x2=\"\(f(mx))\" y2=\"\(f(base))\" stroke=\"#15803d\" "
                + "stroke-dasharray=\"4 3\" stroke-width=\"2\"><title>smallest value meeting '\(escape(target))': "
                + "\(escape(smallest.text))</title></line>"
            svg += "<text x=\"\(f(min(mx + 4, chartWidth - 70)))\" y=\"\(f(top + 4))\" fill=\"#15803d\">target met from \(escape(smallest.text))</text>\n"
        }
        let line = points.map { "\(f(x($0.row.value.magnitude))),\(f(y($0.y)))" }.joined(separator: " ")
        svg += "<polyline points=\"\(line)\" fill=\"none\" stroke=\"#1f6feb\" stroke-width=\"1.5\"/>\n"
        for point in points {
            let colour = switch point.row.metTarget {
            case true?: "#15803d"
            case false?: "#b00020"
            case nil: "#1f6feb"
            }
            svg += "<circle class=\"point\" cx=\"\(f(x(point.row.value.magnitude)))\" cy=\"\(f(y(point.y)))\" r=\"3.5\" fill=\"\(colour)\">"
                + "<title>\(escape(point.row.value.text)): \(escape(cell(point.row.column)))</title></circle>\n"
        }
        return svg + "</svg>\n"
    }

    /// A coordinate, to a tenth of a pixel.
    private static func f(_ value: Double) -> String { String(format: "%.1f", value) }

    /// A figure: whole when whole, else to two decimals.
    static func number(_ value: Double) -> String {
        value.rounded() == value && abs(value) < 1e15 ? "\(Int64(value))" : String(format: "%.2f", value)
    }

    static func escape(_ text: String) -> String { MarkupText.escape(text) }
}

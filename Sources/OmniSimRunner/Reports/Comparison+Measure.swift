import Foundation
import OmniSim
import ScenarioLanguage

extension Comparison {
    /// One figure `compare` shows for each variant: its row label in the side-by-side table, its
    /// column header in a sweep's table, and how a variant's column gives it.
    struct Measure: Sendable {
        var label: String
        var header: String
        var cell: @Sendable (Column) -> String

        /// Every figure, in the table's order; the chat figures only when `chats` (some run had
        /// live chat; until the engine keeps a ``ChatDesk``, none does).
        static func all(chats: Bool) -> [Measure] {
            var measures: [Measure] = []
            for channel in ChannelKind.allCases {
                measures.append(Measure(label: "\(channel.name) deliveries", header: "\(channel.name) deliveries") {
                    "\($0.result.channels[channel.rawValue].deliveries)"
                })
            }
            measures.append(Measure(label: "emails per user, mean", header: "emails/user mean") { column in
                let total = column.emailsPerUser.reduce(0, +)
                return column.users == 0 ? "-" : String(format: "%.2f", Double(total) / Double(column.users))
            })
            // Over no users (or no deliveries, below) a figure is "-", as the mean and p95 are.
            measures.append(Measure(label: "emails per user, p95", header: "emails/user p95") { column in
                column.users == 0 ? "-" : "\(nearestRank(95, of: column.emailsPerUser))"
            })
            measures.append(Measure(label: "emails per user, max", header: "emails/user max") { column in
                column.users == 0 ? "-" : "\(column.emailsPerUser.max() ?? 0)"
            })
            for channel in ChannelKind.allCases {
                // The report's p50/p95/p99, counted by the engine on every run.
                measures.append(Measure(label: "\(channel.name) delay p95", header: "\(channel.name) p95") { column in
                    let percentiles = column.result.channels[channel.rawValue].delayPercentiles
                    return percentiles.count == 3 ? "\(percentiles[1])" : "-"
                })
                measures.append(Measure(label: "\(channel.name) delay max", header: "\(channel.name) max") { column in
                    let statistics = column.result.channels[channel.rawValue]
                    return statistics.deliveries == 0 ? "-" : "\(statistics.delayMax)"
                })
            }
            for channel in ChannelKind.allCases {
                measures.append(Measure(label: "\(channel.name) backlog max", header: "\(channel.name) backlog") {
                    "\($0.result.channels[channel.rawValue].backlogMax)"
                })
            }
            measures.append(Measure(label: "failed expectations", header: "failed") { "\($0.failures.filter { $0.kind != .invariant }.count)" })
            if chats { measures += chatMeasures }
            return measures
        }

        /// Live chat (issue 23), from ``RunResult/staffing``: "-" for a run without it.
        static let chatMeasures: [Measure] = [
            chat("chats", header: "chats") { "\($0.chats)" },
            chat("chats taken", header: "taken") { "\($0.taken)" },
            chat("chats abandoned", header: "abandoned") { "\($0.abandoned)" },
            chat("chat wait p50", header: "wait p50") { $0.waitP50.map { "\($0)" } ?? "-" },
            chat("chat wait p95", header: "wait p95") { $0.waitP95.map { "\($0)" } ?? "-" },
            chat("chat wait p99", header: "wait p99") { $0.waitP99.map { "\($0)" } ?? "-" },
            chat("chat wait max", header: "wait max") { $0.waitMax.map { "\($0)" } ?? "-" },
            chat("chats waiting, max", header: "queue max") { "\($0.waitingMax)" },
            chat("agents' utilisation, mean", header: "utilisation") { summary in
                let shares = summary.agents.compactMap(\.utilisation)
                return shares.isEmpty ? "-" : RunReport.percent(shares.reduce(0, +) / Double(shares.count))
            },
        ]

        private static func chat(_ label: String, header: String, _ cell: @escaping @Sendable (StaffingSummary) -> String) -> Measure {
            Measure(label: label, header: header) { column in column.result.staffing.map(cell) ?? "-" }
        }
    }
}

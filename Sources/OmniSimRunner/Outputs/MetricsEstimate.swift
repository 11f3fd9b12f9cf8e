public import OmniSim
import ScenarioLanguage

/// How many `--metrics` rows a run could write at an interval, estimated from the plan before it
/// runs: a row per channel and interval over the span the plan names (``ScenarioPlan/plannedSpan``),
/// stretched to the end of its last outage and by the longest a send may wait after it — a
/// latency with its jitter, a batch of emails (`email-after` and `email-batch` at their longest),
/// or a rate's queue draining every delivery the run may make (the up-front cost estimate's) — for
/// a waiting send writes a row every interval, with room for what follows (the HTML charts' tenth
/// and a minute: fallbacks, retries). Rows are written only for intervals with
/// activity or while something waits, so this is an upper estimate: a run estimated past
/// ``Simulation/metricsRowsMax`` is refused up front, with an interval that fits.
public struct MetricsEstimate: Sendable, Equatable {
    public var rows: Int
    /// The span the estimate covers (milliseconds).
    public var span: Int64
    /// Rows an interval may write: one per channel, and one of `chats` figures when the run has
    /// chats to route (``ScenarioPlan/usesChatWork``).
    public var rowsPerInterval: Int

    public init(plan: ScenarioPlan, interval: SimDuration) {
        let (first, planned) = (plan.plannedSpan.first.milliseconds, plan.plannedSpan.last.milliseconds)
        var configs = plan.channels
        let fanOut = FanOut(plan: plan)
        var (last, wait) = (planned, fanOut.deadlineWindow.milliseconds)
        var rates: [Rate] = []
        func include(_ config: ChannelConfig) {
            for window in config.downWindows { last = max(last, window.until.milliseconds) }
            wait = max(wait, config.latency.milliseconds + config.jitter.milliseconds)
            if let rate = config.rate { rates.append(rate) }
        }
        configs.forEach(include)
        for event in plan.events {
            if case .channel(let kind, let change) = event.action, let index = configs.firstIndex(where: { $0.kind == kind }) {
                configs[index].apply(change)
                include(configs[index])
            }
        }
        if !rates.isEmpty {
            // Every delivery the run may make waiting in the slowest queue: an upper bound of its draining.
            let loads = plan.loads.reduce(LoadCost(bytes: 0, events: 0)) { $0 + LoadCost($1, fanOut: fanOut) }
            let deliveries = Double(MessagesCost.estimate(plan, fanOut: fanOut, adding: loads).cost.deliveries)
            for rate in rates {
                let drain = deliveries * Double(rate.window.milliseconds) / Double(max(rate.count, 1))
                wait = max(wait, Int64(min(drain, Double(Int64.max / 4))))
            }
        }
        // Inputs are at most 1,000 years (and the drain is capped), so no sum here overflows.
        span = (last - first) / 10 * 11 + min(wait, Int64.max / 4) + 60_000
        let intervals = span / max(interval.milliseconds, 1) + 1
        rowsPerInterval = ChannelKind.allCases.count + (plan.usesChatWork ? 1 : 0)
        let (product, overflow) = intervals.multipliedReportingOverflow(by: Int64(rowsPerInterval))
        rows = overflow || product > Int64(Int.max / 2) ? Int.max / 2 : Int(product)
    }

    /// Whether the estimate is within ``Simulation/metricsRowsMax``.
    public var isWithinLimit: Bool { rows <= Simulation.metricsRowsMax }

    /// The shortest round interval whose estimate fits.
    public var intervalThatFits: SimDuration {
        SimDuration(milliseconds: TimeAxis.step(span: span, atMost: Simulation.metricsRowsMax / rowsPerInterval - 1))
    }

    /// Why a command's runs are refused, together: the most one command may write is also
    /// ``Simulation/metricsRowsMax`` (a folder of runs each just inside would still write without
    /// end), estimated before any runs so that the answer does not depend on which finishes first.
    /// `estimates`: each file's, in input order (standard input is bounded on its own). Nil: within.
    public static func refusal(forAll estimates: [(path: String, estimate: MetricsEstimate)], interval: SimDuration) -> String? {
        let rows = estimates.reduce(0) { min(Int.max / 2, $0 + $1.estimate.rows) }
        guard rows > Simulation.metricsRowsMax, estimates.count > 1,
              let largest = estimates.max(by: { $0.estimate.rows < $1.estimate.rows }) else { return nil }
        let span = estimates.reduce(Int64(0)) { min(Int64.max / 4, $0 + $1.estimate.span) }
        let perInterval = estimates.map(\.estimate.rowsPerInterval).max() ?? ChannelKind.allCases.count
        let fits = TimeAxis.step(span: span, atMost: Simulation.metricsRowsMax / perInterval - estimates.count)
        return "'--metrics' at an interval of \(interval) could write about \(rows.withThousandsSeparators) rows over these "
            + "\(estimates.count) scenarios (the most, \(Quoting.quoted(largest.path)): \(largest.estimate.rows.withThousandsSeparators)), "
            + "over the limit of \(Simulation.metricsRowsMax.withThousandsSeparators) for one command; use '--interval "
            + "\(SimDuration(milliseconds: fits))' or longer"
    }

    /// Why the run is refused, in one line.
    public func refusal(interval: SimDuration) -> String {
        "'--metrics' at an interval of \(interval) could write about \(rows.withThousandsSeparators) rows over this scenario's "
            + "\(SimDuration(milliseconds: span)) (a row per channel\(rowsPerInterval > ChannelKind.allCases.count ? " and of chats" : "") and interval), over the limit of "
            + "\(Simulation.metricsRowsMax.withThousandsSeparators); use '--interval \(intervalThatFits)' or longer"
    }
}

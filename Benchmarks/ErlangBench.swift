import Foundation
import OmniSim

/// Issue 23's acceptance against Erlang C: for each (c, ρ) of the issue, 200,000 chats through a
/// ``ChatDesk`` (c agents of chat-capacity 1, `first-free`, Poisson arrivals, exponential handling,
/// no abandonment; seed 1) beside the M/M/c formula. Prints, per case, a JSON line (the figures)
/// and a line of text: formula, simulation, its 99% batch-means interval (20 batches, the first
/// 1% of chats left out), and whether the difference is within the issue's tolerance (±0.01 for
/// P(wait>0), ±5% for the mean wait).
enum ErlangBench {
    static let cases: [(agents: Int, utilisation: Double)] = [(1, 0.5), (2, 0.8), (5, 0.9), (10, 0.7)]
    static let chats = 200_000

    static func run() {
        for (agents, utilisation) in cases {
            let experiment = QueueExperiment(agents: agents, utilisation: utilisation, chats: chats, seed: 1)
            let (outcome, seconds) = timedNow { experiment.run() }
            let formula = outcome.formula
            let meanFormula = formula.meanWait(handlingMean: 1)
            let probabilityGap = abs(outcome.waitProbability.mean - formula.waitProbability)
            let meanGap = abs(outcome.meanWait.mean - meanFormula) / meanFormula
            let within = probabilityGap <= 0.01 && meanGap <= 0.05
            let fields: [(String, String)] = [
                ("workload", "\"erlang\""), ("agents", "\(agents)"), ("utilisation", "\(utilisation)"), ("chats", "\(chats)"),
                ("measured", "\(outcome.measured)"),
                ("p_wait_formula", format(formula.waitProbability)), ("p_wait_sim", format(outcome.waitProbability.mean)),
                ("p_wait_half_width_99", format(outcome.waitProbability.halfWidth)),
                ("mean_wait_formula", format(meanFormula)), ("mean_wait_sim", format(outcome.meanWait.mean)),
                ("mean_wait_half_width_99", format(outcome.meanWait.halfWidth)),
                ("lag1_p_wait", format(outcome.waitProbability.lag1Correlation)),
                ("lag1_mean_wait", format(outcome.meanWait.lag1Correlation)),
                ("within_issue_tolerance", within ? "true" : "false"), ("wall_s", String(format: "%.3f", seconds)),
            ]
            print("{" + fields.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",") + "}")
            print(String(
                format: "erlang c=%d rho=%.2f: P(wait>0) formula %.4f sim %.4f ± %.4f (99%%), |diff| %.4f; mean wait (handling means) formula %.4f sim %.4f ± %.4f (99%%), diff %+.1f%%; %@",
                agents, utilisation, formula.waitProbability, outcome.waitProbability.mean, outcome.waitProbability.halfWidth,
                probabilityGap, meanFormula, outcome.meanWait.mean, outcome.meanWait.halfWidth,
                (outcome.meanWait.mean / meanFormula - 1) * 100, within ? "within ±0.01 and ±5%" : "OUTSIDE ±0.01 or ±5%"))
        }
    }

    static func format(_ value: Double) -> String { String(format: "%.5f", value) }

    /// `body`'s result and its wall-clock seconds (a benchmark's figure, never a test's).
    static func timedNow<T>(_ body: () -> T) -> (T, Double) {
        let start = DispatchTime.now().uptimeNanoseconds
        let value = body()
        return (value, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
}

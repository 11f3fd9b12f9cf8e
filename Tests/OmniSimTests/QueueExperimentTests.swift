import Foundation
import Testing
@testable import OmniSim

@Suite("M/M/c through the ChatDesk agrees with Erlang C (issue 23's acceptance)")
struct QueueExperimentTests {
    /// The four cases, 200,000 chats each, seed 1 (chosen before the first run, never
    /// changed). Each side is compared with the simulation's own 99% batch-means interval (20
    /// batches after a 1% warm-up), and with the tolerance: ±0.01 for P(wait>0), ±5% for
    /// the mean wait.
    @Test("simulated P(wait>0) and mean wait lie within the run's 99% interval and the issue's tolerance of Erlang C",
          arguments: [(1, 0.5), (2, 0.8), (5, 0.9), (10, 0.7)])
    func agreesWithErlangC(agents: Int, utilisation: Double) {
        let outcome = QueueExperiment(agents: agents, utilisation: utilisation, chats: 200_000, seed: 1).run()
        let formula = outcome.formula
        let meanWait = formula.meanWait(handlingMean: 1)
        let report = String(
            format: "c=%d ρ=%.2f: P(wait>0) formula %.4f, simulated %.4f ± %.4f; mean wait formula %.4f, simulated %.4f ± %.4f (99%%)",
            agents, utilisation, formula.waitProbability, outcome.waitProbability.mean, outcome.waitProbability.halfWidth,
            meanWait, outcome.meanWait.mean, outcome.meanWait.halfWidth)
        #expect(outcome.waitProbability.contains(formula.waitProbability), "\(report)")
        #expect(outcome.meanWait.contains(meanWait), "\(report)")
        #expect(abs(outcome.waitProbability.mean - formula.waitProbability) <= 0.01, "\(report)")
        #expect(abs(outcome.meanWait.mean - meanWait) <= 0.05 * meanWait, "\(report)")
        #expect(outcome.summary.taken == 200_000 && outcome.summary.abandoned == 0)
    }

    @Test("the agents' utilisation averages ρ within 0.01, each agent's within 0.05 (first-free spreads the work)")
    func utilisationIsRho() {
        let outcome = QueueExperiment(agents: 5, utilisation: 0.9, chats: 50_000, seed: 2).run()
        for agent in outcome.summary.agents {
            #expect(abs((agent.utilisation ?? 0) - 0.9) < 0.05)
        }
        let mean = outcome.summary.agents.compactMap(\.utilisation).reduce(0, +) / 5
        #expect(abs(mean - 0.9) < 0.01)
    }

    @Test("the same seed gives the same run; another seed another")
    func seeded() {
        let first = QueueExperiment(agents: 2, utilisation: 0.8, chats: 5_000, seed: 9).run()
        let again = QueueExperiment(agents: 2, utilisation: 0.8, chats: 5_000, seed: 9).run()
        let other = QueueExperiment(agents: 2, utilisation: 0.8, chats: 5_000, seed: 10).run()
        #expect(first.summary == again.summary && first.meanWait == again.meanWait)
        #expect(first.summary != other.summary)
    }
}

@Suite("ChatArrivals: a seeded Poisson stream of chats and handling times")
struct ChatArrivalsTests {
    @Test("starts never go back, and 100,000 gaps average D/R within 1%")
    func poissonRate() {
        var arrivals = ChatArrivals(seed: 3, chats: 12, per: .hours(1), handling: .fixed(.minutes(4)))
        var previous = SimInstant.start
        var last = ChatArrival(start: .start, handling: .zero)
        for _ in 0..<100_000 {
            last = arrivals.next()
            #expect(last.start >= previous)
            #expect(last.handling == .minutes(4))
            previous = last.start
        }
        let meanGap = Double(last.start.milliseconds) / 100_000
        #expect(abs(meanGap - 300_000) < 3_000)
    }

    @Test("exponential handling times have the mean asked for and an exponential's spread (P(T > mean) = 1/e)")
    func exponentialHandling() {
        var arrivals = ChatArrivals(seed: 4, meanGap: 1_000, handling: .exponential(mean: .minutes(2)))
        let times = (0..<100_000).map { _ in Double(arrivals.next().handling.milliseconds) }
        #expect(abs(times.reduce(0, +) / 100_000 - 120_000) < 1_200)
        let above = Double(times.filter { $0 > 120_000 }.count) / 100_000
        #expect(abs(above - exp(-1)) < 0.005)
    }

    @Test("the same seed gives the same stream")
    func sameSeedSameStream() {
        var a = ChatArrivals(seed: 5, chats: 3, per: .minutes(1), handling: .exponential(mean: .seconds(30)))
        var b = ChatArrivals(seed: 5, chats: 3, per: .minutes(1), handling: .exponential(mean: .seconds(30)))
        for _ in 0..<1_000 { #expect(a.next() == b.next()) }
    }

    @Test("the stream's own logarithm agrees with the platform's within 2 ulp over (0, 1] and beyond")
    func ownLogarithm() {
        var random = SplitMix64(seed: 6)
        var values: [Double] = [1, 0x1p-53, 0.5, 0.75, 1.414_213_562_373_095, 1.414_213_562_373_096, 2, 1e300, 3e-300]
        for _ in 0..<100_000 { values.append(Double((random.next() >> 11) + 1) * 0x1p-53) }
        for value in values {
            let ours = Exponential.naturalLog(value), theirs = Foundation.log(value)
            #expect(abs(ours - theirs) <= 2 * max(theirs.ulp, Double.leastNormalMagnitude), "ln \(value): \(ours) against \(theirs)")
        }
    }
}

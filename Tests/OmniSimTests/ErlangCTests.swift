import Testing
@testable import OmniSim

@Suite("ErlangC: the M/M/c queue's chance to wait and mean wait")
struct ErlangCTests {
    @Test("with one agent the chance to wait is the utilisation and the mean wait ρ/(1−ρ) handling times")
    func oneAgentIsMM1() {
        for utilisation in [0.1, 0.5, 0.9, 0.99] {
            let queue = ErlangC(agents: 1, utilisation: utilisation)
            #expect(abs(queue.waitProbability - utilisation) < 1e-12)
            #expect(abs(queue.meanWait(handlingMean: 1) - utilisation / (1 - utilisation)) < 1e-9)
        }
    }

    @Test("two agents at ρ = 0.8 wait with probability 2ρ²/(1+ρ) = 0.7111… and 1.7777… handling times on average")
    func twoAgents() {
        let queue = ErlangC(agents: 2, utilisation: 0.8)
        #expect(abs(queue.waitProbability - 0.711_111_111_111) < 1e-12)
        #expect(abs(queue.meanWait(handlingMean: 1) - 1.777_777_777_778) < 1e-11)
        #expect(abs(queue.meanWait(handlingMean: 60) - 106.666_666_666_7) < 1e-9)
    }

    /// Reference values from the textbook sum `a^c/c!/(1−ρ) / (Σ_{k<c} a^k/k! + a^c/c!/(1−ρ))`.
    @Test("the issue's other cases and a large one match the factorial formula", arguments: [
        (5, 0.9, 0.762_493_220_732_935_7, 1.524_986_441_465_871_4),
        (10, 0.7, 0.221_731_215_883_815_42, 0.073_910_405_294_605_14),
        (100, 0.95, 0.506_456_853_913_020_4, 0.101_291_370_782_604_08),
    ])
    func matchesTheFactorialFormula(agents: Int, utilisation: Double, probability: Double, wait: Double) {
        let queue = ErlangC(agents: agents, utilisation: utilisation)
        #expect(abs(queue.waitProbability - probability) < 1e-12)
        #expect(abs(queue.meanWait(handlingMean: 1) - wait) < 1e-12)
    }

    @Test("thousands of agents stay finite (the recursion never forms a^c or c!)")
    func manyAgentsStayFinite() {
        let queue = ErlangC(agents: 5_000, utilisation: 0.99)
        #expect(queue.waitProbability.isFinite && queue.waitProbability > 0 && queue.waitProbability < 1)
    }

    @Test("an idle queue never waits")
    func idleNeverWaits() {
        #expect(ErlangC(agents: 3, offeredLoad: 0).waitProbability == 0)
    }
}

@Suite("BatchMeans: a confidence interval from batch means")
struct BatchMeansTests {
    @Test("1…40 in 20 batches: means 1.5, 3.5, …, 39.5, so 20.5 ± t(0.975, 19)·2√35/√20")
    func knownInterval() throws {
        let interval = try #require(BatchMeans((1...40).map(Double.init), batches: 20))
        #expect(interval.batchSize == 2)
        #expect(interval.mean == 20.5)
        #expect(abs(interval.halfWidth - 2.093 * 2 * (35.0).squareRoot() / (20.0).squareRoot()) < 1e-12)
        #expect(interval.contains(20.5 + interval.halfWidth) && !interval.contains(interval.upper + 1e-9))
    }

    @Test("a 99% interval is wider than a 95% one")
    func ninetyNineIsWider() throws {
        let values = (0..<1_000).map { Double(($0 * 7_919) % 101) }
        let narrow = try #require(BatchMeans(values, batches: 25, confidence: .percent95))
        let wide = try #require(BatchMeans(values, batches: 25, confidence: .percent99))
        #expect(wide.halfWidth > narrow.halfWidth)
        #expect(wide.mean == narrow.mean)
    }

    @Test("the first count % batches observations are left out, so that batches are equal")
    func remainderLeftOut() throws {
        // 100 at the start would raise the mean if it were kept.
        let interval = try #require(BatchMeans([100, 1, 1, 3, 3], batches: 2))
        #expect(interval.batchSize == 2)
        #expect(interval.mean == 2)
    }

    @Test("fewer observations than batches give no interval")
    func tooFew() {
        #expect(BatchMeans([1, 2, 3], batches: 4) == nil)
    }

    @Test("steadily rising batch means show a lag-1 correlation near 1; alternating ones near −1")
    func lagOneCorrelation() throws {
        let rising = try #require(BatchMeans((0..<3_000).map(Double.init), batches: 30))
        #expect(rising.lag1Correlation > 0.8)
        let alternating = try #require(BatchMeans((0..<300).map { Double(($0 / 10) % 2) }, batches: 30))
        #expect(alternating.lag1Correlation < -0.8)
    }
}

import Testing
@testable import OmniSim

@Suite("EventQueue: a total order by (time, phase, sequence)")
struct EventQueueTests {
    @Test("timers pop by time, then phase, then the order they were set", arguments: 0..<20)
    func popsInKeyOrder(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        var queue = EventQueue()
        var pushed: [(time: Int64, phase: UInt8, order: Int)] = []
        for order in 0..<500 {
            let time = Int64(random.next() % 50)
            let phase: Phase = random.next() % 2 == 0 ? .windowRelease : .timer
            queue.push(.fallbackDeadline(MessageID(order), PersonID(0)), at: SimInstant(milliseconds: time), phase: phase)
            pushed.append((time, phase.rawValue, order))
        }
        let expected = pushed.sorted { ($0.time, $0.phase, $0.order) < ($1.time, $1.phase, $1.order) }.map(\.order)
        var popped: [Int] = []
        while let entry = queue.popMin() {
            guard case .fallbackDeadline(let message, _) = entry.event else { continue }
            popped.append(message.int)
        }
        #expect(popped == expected)
    }

    @Test("pushes in time order (the FIFO lane) mixed with out-of-order ones (the heap) pop in key order", arguments: 0..<20)
    func laneAndHeapMerge(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        var queue = EventQueue()
        var model: [(time: Int64, phase: UInt8, order: Int)] = []
        var now: Int64 = 0
        for order in 0..<2_000 {
            if random.below(3) == 0, let entry = queue.popMin() {
                model.sort { ($0.time, $0.phase, $0.order) < ($1.time, $1.phase, $1.order) }
                let expected = model.removeFirst()
                guard case .fallbackDeadline(let message, _) = entry.event else { continue }
                #expect(message.int == expected.order)
                now = entry.time.milliseconds
                continue
            }
            // Mostly "now plus a fixed delay" (monotone), sometimes earlier or in another phase.
            let time = random.below(4) == 0 ? now + Int64(random.below(60_000)) : now + 60_000 + Int64(order)
            let phase: Phase = random.below(5) == 0 ? .windowRelease : .timer
            queue.push(.fallbackDeadline(MessageID(order), PersonID(0)), at: SimInstant(milliseconds: time), phase: phase)
            model.append((time, phase.rawValue, order))
        }
        #expect(queue.count == model.count)
    }

    @Test("durations and instants print in the language's notation")
    func timeNotation() {
        #expect(SimDuration.zero.description == "0s")
        #expect(SimDuration.milliseconds(250).description == "250ms")
        #expect((SimDuration.minutes(1) + .seconds(30)).description == "1m30s")
        #expect((SimInstant.start + .hours(10) + .minutes(5)).description == "10h5m")
    }
}

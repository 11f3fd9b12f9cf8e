import Testing
@testable import OmniSim

@Suite("SmallQueue: a FIFO queue with its two oldest elements inline")
struct SmallQueueTests {
    @Test("random appends, writes and removals give what a plain array gives", arguments: 0..<20)
    func matchesAnArray(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        var queue = SmallQueue<Int>()
        var model: [Int] = []
        for step in 0..<2_000 {
            switch random.below(4) {
            case 0, 1:
                queue.append(step)
                model.append(step)
            case 2 where !model.isEmpty:
                let position = random.below(model.count)
                queue[position] = -step
                model[position] = -step
            default:
                // Remove from the front while negative (written) or, now and then, anything.
                let all = random.below(5) == 0
                queue.removeFirst { all || $0 < 0 }
                while let first = model.first, all || first < 0 { model.removeFirst() }
            }
            #expect(queue.count == model.count)
            let probe = step - random.below(20)
            #expect(queue.firstPosition { abs($0) == probe } == model.firstIndex { abs($0) == probe })
            #expect(queue.lastPosition { abs($0) % 3 == probe % 3 } == model.lastIndex { abs($0) % 3 == probe % 3 })
            #expect(queue.indices.map { queue[$0] } == model, "seed \(seed), step \(step)")
            if queue.indices.map({ queue[$0] }) != model { return }
        }
    }
}

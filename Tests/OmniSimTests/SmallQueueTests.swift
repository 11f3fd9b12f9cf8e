import Testing
@testable import OmniSim

@Suite("SmallQueue: a FIFO queue with its four oldest elements inline")
struct SmallQueueTests {
    @Test("random appends, writes and removals give what a plain array gives", arguments: 0..<20)
    func matchesAnArray(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        var queue = SmallQueue<Int>()
        var model: [Int] = []
        for step in 0..<2_000 {
            switch random.below(5) {
            case 4:
                // Every element divisible by 7 is written, in place.
                queue.updateEach { if $0 % 7 == 0 { $0 = -$0 - 7 } }
                model = model.map { $0 % 7 == 0 ? -$0 - 7 : $0 }
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

@Suite("UnreadByThread: unseen counts by thread, four threads inline")
struct UnreadByThreadTests {
    @Test("random arrivals and views give the counts a dictionary gives", arguments: 0..<20)
    func matchesADictionary(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        var counts = UnreadByThread()
        var model: [Int32: (count: Int32, quiet: Int32)] = [:]
        // Up to nine threads, so that the inline entries fill, spill and free up again.
        for step in 0..<3_000 {
            let thread = ThreadID(random.below(9))
            if random.below(3) == 0 {
                let removed = counts.remove(thread)
                let expected = model.removeValue(forKey: thread.index)
                #expect(removed?.count == expected?.count && removed?.quiet == expected?.quiet, "seed \(seed), step \(step)")
            } else {
                let quiet = random.below(4) == 0
                counts.add(thread, quiet: quiet)
                let old = model[thread.index] ?? (0, 0)
                model[thread.index] = (old.count + 1, old.quiet + (quiet ? 1 : 0))
            }
        }
        for thread in 0..<9 {
            let removed = counts.remove(ThreadID(thread))
            let expected = model[Int32(thread)]
            #expect(removed?.count == expected?.count && removed?.quiet == expected?.quiet)
        }
    }
}

import Testing
@testable import OmniSim

@Suite("LoadGenerator: the same events from the same line")
struct LoadGeneratorTests {
    @Test("messages sort by instant then draw order, the same on the packed and the general path", arguments: 0..<10)
    func packedAndGeneralOrdersAgree(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        // Few distinct instants, so that ties (broken by draw order) are common.
        let times = (0..<2_000).map { _ in Int64(random.below(300)) }
        let conversations = times.indices.map { Int32($0) }
        let packed = LoadGenerator.timeOrder(times, conversations)
        let general = LoadGenerator.timeOrder(times, conversations, packing: false)
        #expect(packed.times == general.times)
        #expect(packed.conversations == general.conversations)
        #expect(packed.times == times.sorted())
        // Draw order within an instant: conversation numbers (draw indices here) rise.
        for index in packed.times.indices.dropFirst() where packed.times[index] == packed.times[index - 1] {
            #expect(packed.conversations[index] > packed.conversations[index - 1])
        }
    }

    @Test("instants too large to pack take the general path and keep the order")
    func unpackableInstants() {
        let times: [Int64] = [1 << 40, 5, 1 << 40, 0]
        let ordered = LoadGenerator.timeOrder(times, [0, 1, 2, 3])
        #expect(ordered.times == [0, 5, 1 << 40, 1 << 40])
        #expect(ordered.conversations == [3, 1, 0, 2])
    }

    @Test("the same spec gives the same events")
    func sameSpecSameEvents() {
        let spec = LoadSpec(
            seed: 9, firstUser: PersonID(0), userCount: 40, firstCustomer: PersonID(40), customerCount: 10,
            firstThread: ThreadID(0), conversationCount: 20, messageCount: 500, over: .minutes(30), sourceIndex: 0)
        func events() -> [PlannedEvent.Action] {
            var generator = LoadGenerator(spec: spec)
            var actions: [PlannedEvent.Action] = []
            while let (_, action) = generator.next() { actions.append(action) }
            return actions
        }
        let first = events()
        #expect(first.count > 500)
        #expect(first == events())
    }

    @Test("events are handed between threads as 32 plain bytes, and stand for the actions the generator draws")
    func compactEvents() {
        #expect(MemoryLayout<LoadEvent>.stride <= 32)
        #expect(_isPOD(LoadEvent.self))
        let spec = LoadSpec(
            seed: 5, firstUser: PersonID(0), userCount: 30, firstCustomer: PersonID(30), customerCount: 10,
            firstThread: ThreadID(0), conversationCount: 12, messageCount: 400, over: .minutes(180), sourceIndex: 0)
        var compact = LoadGenerator(spec: spec), full = LoadGenerator(spec: spec)
        var kinds = Set<UInt8>()
        while let event = compact.nextEvent() {
            guard let (time, action) = full.next() else { Issue.record("the two generators differ in length"); return }
            #expect(event.time == time)
            #expect(compact.conversations.action(of: event) == action)
            #expect(event.upcoming == UpcomingEvent(action))
            kinds.insert(event.kind.rawValue)
        }
        #expect(full.next() == nil)
        // Every kind a flat load draws came up: presence both ways, chat both ways, views, starts, writes.
        #expect(kinds.count == 7)
    }

    @Test("a generated text is msg and the draw index plus one, for every number of digits")
    func generatedTexts() {
        var numbers: [Int32] = [0, 8, 9, 10, 98, 99, 100, 999_999_999, 1_000_000_000, Int32.max - 1, Int32.max]
        var power: Int32 = 1
        while power <= Int32.max / 10 {
            numbers += [power - 2, power - 1, power, power * 10 - 2].filter { $0 >= 0 }
            power *= 10
        }
        var random = SplitMix64(seed: 7)
        for _ in 0..<1_000 { numbers.append(Int32(random.below(Int(Int32.max)))) }
        for number in numbers {
            #expect(LoadConversations.text(number) == "msg " + String(Int(number) + 1), "number \(number)")
        }
    }
}

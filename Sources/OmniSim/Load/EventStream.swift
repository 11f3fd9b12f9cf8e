/// The scenario's events in run order: the file's own `at` lines merged with the events each
/// `load` line generates, by (time, source index) — so at one instant the lines run in file order.
public struct EventStream {
    private let fileEvents: [PlannedEvent]
    private var fileIndex = 0
    /// Each load's events, generated ahead on a thread of its own.
    private let generators: [PrefetchedLoad]
    /// The same, unretained, for looking ahead on every event without a retain and release of the
    /// generator (safe: `generators` owns them for the stream's life and never changes).
    private let unretainedGenerators: [Unmanaged<PrefetchedLoad>]
    /// Each generator's next event, drawn ahead so that the merge can compare times.
    private var lookahead: [PlannedEvent?]

    public init(events: [PlannedEvent], loads: [LoadSpec]) {
        fileEvents = events
        generators = loads.map { PrefetchedLoad(LoadGenerator(spec: $0)) }
        unretainedGenerators = generators.map(Unmanaged.passUnretained)
        lookahead = Array(repeating: nil, count: generators.count)
        for index in generators.indices { lookahead[index] = draw(index) }
    }

    private mutating func draw(_ index: Int) -> PlannedEvent? {
        guard let generated = generators[index].next() else { return nil }
        return PlannedEvent(
            time: SimInstant(milliseconds: generated.time), action: generated.action, sourceIndex: generators[index].sourceIndex)
    }

    /// When the next event is due, without copying it (the driver's loop asks this every step).
    public var nextTime: SimInstant? {
        var best = fileIndex < fileEvents.count ? fileEvents[fileIndex].time : nil
        for index in lookahead.indices {
            if let time = lookahead[index]?.time, best.map({ time < $0 }) ?? true { best = time }
        }
        return best
    }

    /// How many loads generate events.
    var loadCount: Int { generators.count }

    /// Load `load`'s generated event `offset` events after the one last taken from it (`offset` ≥ 2;
    /// with several loads, "about" that far ahead of the stream): a hint of what comes, for
    /// prefetching. Nothing is taken.
    @inline(__always)
    func upcoming(_ offset: Int, load: Int) -> UpcomingEvent? {
        // The load's next event is drawn already (`lookahead`); its generator hands out the one after.
        unretainedGenerators[load]._withUnsafeGuaranteedRef { $0.upcoming(offset - 2) }
    }

    /// Takes the next event.
    public mutating func next() -> PlannedEvent? {
        var best = fileIndex < fileEvents.count ? fileEvents[fileIndex] : nil
        var source = -1
        for (index, candidate) in lookahead.enumerated() {
            guard let candidate, best.map({ Self.precedes(candidate, $0) }) ?? true else { continue }
            best = candidate
            source = index
        }
        if source >= 0 {
            lookahead[source] = draw(source)
        } else if best != nil {
            fileIndex += 1
        }
        return best
    }

    private static func precedes(_ a: PlannedEvent, _ b: PlannedEvent) -> Bool {
        (a.time, a.sourceIndex) < (b.time, b.sourceIndex)
    }
}

/// The scenario's events in run order: the file's own `at` lines merged with the events each
/// `load` line generates, by (time, source index) — so at one instant the lines run in file order.
public struct EventStream {
    private let fileEvents: [PlannedEvent]
    private var fileIndex = 0
    /// Each load's events, generated ahead on a thread of its own.
    private let generators: [PrefetchedLoad]
    /// The same, unretained, for taking and looking ahead on every event without a retain and
    /// release of the generator (safe: `generators` owns them for the stream's life and never changes).
    private let unretainedGenerators: [Unmanaged<PrefetchedLoad>]
    /// Each generator's next event, drawn ahead so that the merge can compare times.
    private var lookahead: [PlannedEvent?]
    /// Each drawn event's instant (nil when its load is done), kept apart so that choosing the
    /// next event reads plain numbers and never copies an event (a copy retains what it holds).
    private var lookaheadTime: [SimInstant?]

    public init(events: [PlannedEvent], loads: [LoadSpec]) {
        fileEvents = events
        generators = loads.map { PrefetchedLoad(LoadGenerator(spec: $0)) }
        unretainedGenerators = generators.map(Unmanaged.passUnretained)
        lookahead = Array(repeating: nil, count: generators.count)
        lookaheadTime = Array(repeating: nil, count: generators.count)
        for index in generators.indices {
            lookahead[index] = draw(index)
            lookaheadTime[index] = lookahead[index]?.time
        }
    }

    private mutating func draw(_ index: Int) -> PlannedEvent? {
        guard let generated = unretainedGenerators[index]._withUnsafeGuaranteedRef({ $0.next() }) else { return nil }
        return PlannedEvent(
            time: SimInstant(milliseconds: generated.time), action: generated.action, sourceIndex: generators[index].sourceIndex)
    }

    /// When the next event is due, without copying it (the driver's loop asks this every step).
    public var nextTime: SimInstant? {
        var best = fileIndex < fileEvents.count ? fileEvents[fileIndex].time : nil
        for time in lookaheadTime {
            if let time, best.map({ time < $0 }) ?? true { best = time }
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
        // The source whose next event comes first, by (time, source index): compared by the
        // instants kept apart, and the event taken is moved out, never copied (each copy of an
        // event retains what it holds).
        var best: (time: SimInstant, sourceIndex: Int)?
        if fileIndex < fileEvents.count { best = (fileEvents[fileIndex].time, fileEvents[fileIndex].sourceIndex) }
        var source = -1
        for index in lookaheadTime.indices {
            // A load's events all carry the `load` line's source index.
            guard let time = lookaheadTime[index], best.map({ (time, generators[index].sourceIndex) < ($0.time, $0.sourceIndex) }) ?? true
            else { continue }
            best = (time, generators[index].sourceIndex)
            source = index
        }
        if source >= 0 {
            let event = lookahead[source].take()
            let drawn = draw(source)
            lookaheadTime[source] = drawn?.time
            lookahead[source] = drawn
            return event
        }
        guard best != nil else { return nil }
        fileIndex += 1
        return fileEvents[fileIndex - 1]
    }
}

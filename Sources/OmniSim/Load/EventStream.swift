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
    /// Each load's next instant (nil when it is done), kept here so that choosing the next event
    /// reads plain numbers from one array.
    private var lookaheadTime: [SimInstant?]

    public init(events: [PlannedEvent], loads: [LoadSpec]) {
        fileEvents = events
        generators = loads.map { PrefetchedLoad(LoadGenerator(spec: $0)) }
        unretainedGenerators = generators.map(Unmanaged.passUnretained)
        lookaheadTime = generators.map { $0.nextTime().map(SimInstant.init(milliseconds:)) }
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
        // Offsets count from the event last taken; the generator's from the one it hands out next.
        unretainedGenerators[load]._withUnsafeGuaranteedRef { $0.upcoming(offset - 1) }
    }

    /// Takes the next event.
    public mutating func next() -> PlannedEvent? {
        // The source whose next event comes first, by (time, source index), compared by the
        // instants kept apart. A load's event is made into a `PlannedEvent` only once taken.
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
            return unretainedGenerators[source]._withUnsafeGuaranteedRef { load -> PlannedEvent? in
                guard let event = load.next() else { return nil }
                lookaheadTime[source] = load.nextTime().map(SimInstant.init(milliseconds:))
                return PlannedEvent(
                    time: SimInstant(milliseconds: event.time), action: load.conversations.action(of: event),
                    sourceIndex: load.sourceIndex)
            }
        }
        guard best != nil else { return nil }
        fileIndex += 1
        return fileEvents[fileIndex - 1]
    }
}

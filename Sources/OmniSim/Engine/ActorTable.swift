internal import CacheHints

/// The actors of one kind (users, customers or threads), by index, as the driver's hot path reads
/// them: ``lend(_:_:)`` hands an actor to a closure without retaining and releasing it.
///
/// Why it matters: a retain and a release are atomic writes to the actor object's first cache line.
/// A delivery, a deadline or a presence event touches one user's actor, at random among thousands
/// or millions, so the retain was where the cache miss landed (10–19% of a run in `perf`), and it
/// left the line dirty even when the actor was only read.
///
/// Why lending is safe: the table holds every actor strongly (`actors`) for its whole life and never
/// changes, and it is a constant of the driver, so an actor lent to `body` cannot be freed while
/// `body` runs. `Unmanaged` only skips the reference counting that this ownership makes redundant.
struct ActorTable<Element: AnyObject> {
    /// Cache lines of an actor object that ``prefetch(_:)`` asks for.
    private let linesPerActor: Int
    /// Owns the actors (nil where the index is not of this kind).
    private let actors: [Element?]
    /// The same actors, unretained.
    private let references: [Unmanaged<Element>?]

    init(_ actors: [Element?], linesPerActor: Int = 2) {
        self.actors = actors
        self.linesPerActor = linesPerActor
        self.references = actors.map { $0.map(Unmanaged.passUnretained) }
    }

    var indices: Range<Int> { actors.indices }

    /// Whether there is an actor at `index` (reads the entry ``prefetchEntry(_:)`` asks for, not
    /// the plan's table of person kinds: one cache miss fewer per event with a million people).
    @inline(__always)
    func contains(_ index: Int) -> Bool { references[index] != nil }

    /// The actor at `index`, retained (for the paths off the hot one).
    subscript(index: Int) -> Element? { actors[index] }

    /// The actor at an index that always has one (every thread slot and channel does), retained.
    func present(_ index: Int) -> Element {
        guard let actor = actors[index] else { preconditionFailure("no actor at index \(index)") }
        return actor
    }

    /// Calls `body` with the actor at `index`, without retaining it; nil (and `body` not called)
    /// where there is none.
    @inline(__always)
    func lend<Value, Failure: Error>(_ index: Int, _ body: (Element) throws(Failure) -> Value) throws(Failure) -> Value? {
        guard let reference = references[index] else { return nil }
        // `_withUnsafeGuaranteedRef` rethrows untyped errors: the outcome is carried out typed.
        let outcome = reference._withUnsafeGuaranteedRef { actor in Result { () throws(Failure) in try body(actor) } }
        return try outcome.get()
    }

    /// Asks the processor to start loading the actor at `index` into the cache, ahead of a call
    /// to come: a hint only (no memory is read or written by it, so no isolation is needed).
    @inline(__always)
    func prefetch(_ index: Int) {
        guard let reference = references[index] else { return }
        let address = UnsafeRawPointer(reference.toOpaque())
        for line in 0..<linesPerActor { omnisim_prefetch(address + 64 * line) }
    }

    /// Asks for the table's own entry at `index` (with a million people the table of references is
    /// itself far larger than a cache): the stage before ``prefetch(_:)``, which reads that entry.
    @inline(__always)
    func prefetchEntry(_ index: Int) {
        references.withUnsafeBufferPointer { entries in
            if let base = entries.baseAddress { omnisim_prefetch(base + index) }
        }
    }

    /// ``lend(_:_:)`` at an index that always has an actor (every thread slot has one).
    @inline(__always)
    func lendPresent<Value, Failure: Error>(_ index: Int, _ body: (Element) throws(Failure) -> Value) throws(Failure) -> Value {
        guard let value = try lend(index, body) else { preconditionFailure("no actor at index \(index)") }
        return value
    }
}

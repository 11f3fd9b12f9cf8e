import Synchronization

/// How far a run has got, readable from another thread while it runs (for a live progress line).
/// Updated every few thousand events; never read by the simulation itself, so it cannot change a result.
public final class RunProgress: Sendable {
    private let virtualTime = Atomic<Int64>(0)
    private let deliveryCount = Atomic<Int>(0)
    private let eventCount = Atomic<Int>(0)

    public init() {}

    func update(time: SimInstant, deliveries: Int, events: Int) {
        virtualTime.store(time.milliseconds, ordering: .relaxed)
        deliveryCount.store(deliveries, ordering: .relaxed)
        eventCount.store(events, ordering: .relaxed)
    }

    public var time: SimInstant { SimInstant(milliseconds: virtualTime.load(ordering: .relaxed)) }
    public var deliveries: Int { deliveryCount.load(ordering: .relaxed) }
    public var events: Int { eventCount.load(ordering: .relaxed) }
}

/// Evaluates delivery checks as deliveries stream past, without keeping the trace: counters for
/// whole-run checks, the current instant's deliveries for `at T` checks, and a capped log per
/// (channel, recipient) that a check names, to show the nearest deliveries when one fails.
struct DeliveryLedger {
    private struct WatchKey: Hashable {
        var channel: ChannelKind
        var recipient: PersonID? = nil
    }

    /// Whole-run delivery checks and how many deliveries matched each so far.
    private(set) var runChecks: [(id: Int, check: DeliveryCheck)] = []
    private(set) var runCounts: [Int] = []
    /// Deliveries at the current instant (kept only when some `at T` check counts deliveries).
    private(set) var instantDeliveries: [Delivery] = []
    private let keepsInstant: Bool
    private var watchIndex: [WatchKey: Int] = [:]
    private var watchLogs: [[Delivery]] = []
    private static let watchLogMax = 10_000

    init(checks: [PlannedCheck]) {
        var keepsInstant = false
        for check in checks {
            guard case .delivery(let delivery) = check.condition else { continue }
            if check.time == nil {
                runChecks.append((check.id, delivery))
            } else {
                keepsInstant = true
            }
            let key = WatchKey(channel: delivery.channel, recipient: delivery.recipient)
            if watchIndex[key] == nil {
                watchIndex[key] = watchLogs.count
                watchLogs.append([])
            }
        }
        runCounts = Array(repeating: 0, count: runChecks.count)
        self.keepsInstant = keepsInstant
    }

    /// Whether any check looks at deliveries at all (if not, the driver skips ``observe(_:text:)``).
    var isWatching: Bool { keepsInstant || !runChecks.isEmpty || !watchIndex.isEmpty }

    mutating func startInstant() {
        if !instantDeliveries.isEmpty { instantDeliveries.removeAll(keepingCapacity: true) }
    }

    mutating func observe(_ delivery: Delivery, text: String) {
        if keepsInstant { instantDeliveries.append(delivery) }
        for index in runChecks.indices where Self.matches(runChecks[index].check, delivery, text: text) {
            runCounts[index] += 1
        }
        guard !watchIndex.isEmpty else { return }
        for key in [WatchKey(channel: delivery.channel, recipient: delivery.recipient), WatchKey(channel: delivery.channel)] {
            if let log = watchIndex[key], watchLogs[log].count < Self.watchLogMax { watchLogs[log].append(delivery) }
        }
    }

    /// How many of this instant's deliveries `check` matches.
    func countAtInstant(_ check: DeliveryCheck, messages: [Message]) -> Int {
        instantDeliveries.reduce(0) { $0 + (Self.matches(check, $1, text: messages[$1.message.int].text) ? 1 : 0) }
    }

    static func matches(_ check: DeliveryCheck, _ delivery: Delivery, text: String) -> Bool {
        guard delivery.channel == check.channel else { return false }
        if let recipient = check.recipient, recipient != delivery.recipient { return false }
        switch check.window {
        case .before(let t): if delivery.time >= t { return false }
        case .after(let t): if delivery.time < t { return false }
        case nil: break
        }
        if let wanted = check.text, !text.contains(wanted) { return false }
        return true
    }

    /// The deliveries behind a failed check (see ``NearbyDeliveries``): those it matched first (at
    /// `time` for an `at T` check), then the others nearest to `time` (or the first ones for a
    /// whole-run check); nil when there was none at all on its channel to its recipient.
    func nearest(for check: DeliveryCheck, around time: SimInstant?, messages: [Message]) -> NearbyDeliveries? {
        let key = WatchKey(channel: check.channel, recipient: check.recipient)
        guard let log = watchIndex[key], !watchLogs[log].isEmpty else { return nil }
        func counted(_ delivery: Delivery) -> Bool {
            (time == nil || delivery.time == time) && Self.matches(check, delivery, text: messages[delivery.message.int].text)
        }
        let matching = watchLogs[log].lazy.filter(counted).prefix(3)
        var others = watchLogs[log].filter { !counted($0) }
        if let time {
            others.sort { abs(($0.time - time).milliseconds) < abs(($1.time - time).milliseconds) }
        }
        func item(_ delivery: Delivery, matches: Bool) -> NearbyDeliveries.Item {
            let message = messages[delivery.message.int]
            return NearbyDeliveries.Item(
                channel: delivery.channel, recipient: delivery.recipient, time: delivery.time, text: message.text,
                thread: message.thread, number: message.number, author: message.author, matches: matches)
        }
        let shown = matching.map { item($0, matches: true) }
            + others.prefix(3).sorted { $0.time < $1.time }.map { item($0, matches: false) }
        return NearbyDeliveries(shown: shown, total: watchLogs[log].count)
    }
}

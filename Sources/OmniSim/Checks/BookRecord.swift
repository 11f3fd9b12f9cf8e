/// One thing the run's books are told, in sixteen bytes: what the driver hands ``Bookkeeping``
/// instead of calling the ``Oracle`` and the ``DeliveryTotals`` (which then read the records in the
/// order they were made, on a thread of their own or in chunks on the simulation's).
struct BookRecord: Sendable {
    enum Kind: UInt8, Sendable {
        /// A message is posted by `person`; `detail` bit 0: in a user conversation, bit 1: a note.
        /// Its recipients follow as `.recipient` records.
        case posted
        case recipient
        /// The rules called for a send on channel `detail`.
        case expect
        /// A fallback deadline was decided: `detail` is the decision (``Oracle/Decision``).
        case fallback
        /// A delivery on channel `detail`, `delay` milliseconds after it fell due (``wideDelay``:
        /// the delay is in the next record).
        case delivered
        /// The delay of the delivery before, too long for `delay`: its high and low halves in
        /// `message` and `person`.
        case longDelay
        /// A batch email covers `message` for `person`.
        case batchCovers
        case bounced
        /// At the end: a send on channel `detail` still pending (not lost).
        case pending
        /// A send on channel `detail` called for and arrived at once: `.expect`, then `.delivered`
        /// with no delay, in one record (what most sends do).
        case expectedAndDelivered
        /// A deadline called for an email and it arrived at once: `.fallback` (unseen), `.expect`
        /// and `.delivered` with no delay, in one record.
        case emailedAtOnce
    }

    /// In `delay`: the delay is in the next record (`.longDelay`).
    static let wideDelay = Int32.min

    var kind: Kind
    var detail: UInt8
    var message: Int32
    var person: Int32
    var delay: Int32 = 0

    init(_ kind: Kind, _ message: MessageID, _ person: PersonID, detail: UInt8 = 0) {
        self.kind = kind
        self.detail = detail
        self.message = message.index
        self.person = person.index
    }

    init(_ kind: Kind, _ send: Send) {
        self.init(kind, send.message, send.recipient, detail: UInt8(send.channel.rawValue))
    }
}

/// The run's books: the ``Oracle`` and each channel's ``DeliveryTotals``, kept from records.
struct Books: Sendable {
    var oracle: Oracle
    var totals: DeliveryTotals
    /// Sends still pending at the end, as read.
    private var pending: [Send] = []
    /// A delivery whose delay follows in a `.longDelay` record.
    private var waitingForDelay: Delivery?

    init(cast: Cast) {
        oracle = Oracle(cast: cast)
        totals = DeliveryTotals(people: cast.personKinds.count)
    }

    /// Reads `records` in order: the same calls the driver would have made, one by one.
    mutating func apply(_ records: [BookRecord]) {
        for record in records {
            let message = MessageID(Int(record.message)), person = PersonID(Int(record.person))
            let channel = ChannelKind(rawValue: Int(record.detail)) ?? .messenger
            switch record.kind {
            case .posted:
                oracle.beginPosting(message, author: person, inUserConversation: record.detail & 1 != 0, isNote: record.detail & 2 != 0)
            case .recipient:
                oracle.addRecipient(person)
            case .expect:
                oracle.expect(Send(message: message, recipient: person, channel: channel, due: .start))
            case .fallback:
                oracle.fallbackDecided(message, person, Oracle.Decision(rawValue: record.detail) ?? .seen)
            case .delivered:
                let delivery = Delivery(
                    time: .start + .milliseconds(Int64(record.delay)), channel: channel, recipient: person, message: message, due: .start)
                if record.delay == BookRecord.wideDelay { waitingForDelay = delivery } else { deliver(delivery) }
            case .longDelay:
                guard var delivery = waitingForDelay else { continue }
                let milliseconds = Int64(record.message) << 32 | Int64(UInt32(bitPattern: record.person))
                delivery.time = .start + .milliseconds(milliseconds)
                waitingForDelay = nil
                deliver(delivery)
            case .batchCovers:
                oracle.batchCovers(message, for: person)
            case .bounced:
                oracle.bounced(Send(message: message, recipient: person, channel: channel, due: .start))
            case .pending:
                pending.append(Send(message: message, recipient: person, channel: channel, due: .start))
            case .expectedAndDelivered:
                oracle.expect(Send(message: message, recipient: person, channel: channel, due: .start))
                deliver(Delivery(time: .start, channel: channel, recipient: person, message: message, due: .start))
            case .emailedAtOnce:
                oracle.fallbackDecided(message, person, .sendEmail)
                oracle.expect(Send(message: message, recipient: person, channel: .email, due: .start))
                deliver(Delivery(time: .start, channel: .email, recipient: person, message: message, due: .start))
            }
        }
    }

    private mutating func deliver(_ delivery: Delivery) {
        totals.observe(delivery)
        oracle.delivered(delivery.message, to: delivery.recipient, on: delivery.channel)
    }

    /// Once every record is read: the oracle's end-of-run check.
    mutating func finish() { oracle.finish(pending: pending) }
}

/// The run's books: the ``Oracle`` and each channel's ``DeliveryTotals``, kept from records.
struct Books: Sendable {
    var oracle: Oracle
    var totals: DeliveryTotals
    /// Issue 23's invariants of live chat as work.
    var chat: ChatOracle
    /// Sends still pending at the end, as read.
    private var pending: [Send] = []
    /// A delivery whose delay follows in a `.longDelay` record.
    private var waitingForDelay: Delivery?

    init(cast: Cast) {
        oracle = Oracle(cast: cast)
        totals = DeliveryTotals(people: cast.personKinds.count)
        chat = ChatOracle(cast: cast)
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
            case .emailedForMention:
                oracle.emailedForMention(message, person)
            case .lateRecipient:
                oracle.addLateRecipient(person, of: message)
            case .chatStarted, .chatGiven, .chatReleased, .chatClosed, .chatAbandoned, .chatPresence, .chatCapacity, .chatRouting,
                 .chatSettled:
                chat.read(record)
            }
        }
    }

    private mutating func deliver(_ delivery: Delivery) {
        totals.observe(delivery)
        oracle.delivered(delivery.message, to: delivery.recipient, on: delivery.channel)
    }

    /// Once every record is read: the oracle's end-of-run check.
    mutating func finish() {
        oracle.finish(pending: pending)
        oracle.add(chat.violations, count: chat.violationCount)
    }
}

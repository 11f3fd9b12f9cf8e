/// One thing the oracle is told, as twelve bytes: what the driver hands the ``OracleFeed`` instead
/// of calling the ``Oracle`` (which then reads the records in the order they were made, on a thread
/// of its own or in chunks on the simulation's).
struct OracleRecord: Sendable {
    enum Kind: UInt8, Sendable {
        /// A message is posted by `person`; `detail` bit 0: in a user conversation, bit 1: a note.
        /// Its recipients follow as `.recipient` records.
        case posted
        case recipient
        /// The rules called for a send on channel `detail`.
        case expect
        /// A fallback deadline was decided; `detail` 1: the message counted as seen.
        case fallback
        case delivered
        /// A batch email covers `message` for `person`.
        case batchCovers
        case bounced
        /// At the end: a send on channel `detail` still pending (not lost).
        case pending
    }

    var kind: Kind
    var detail: UInt8
    var message: Int32
    var person: Int32

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

extension Oracle {
    /// Reads `records` in order: the same calls the driver would have made, one by one.
    mutating func apply(_ records: [OracleRecord], pending: inout [Send]) {
        for record in records {
            let message = MessageID(Int(record.message)), person = PersonID(Int(record.person))
            let channel = ChannelKind(rawValue: Int(record.detail)) ?? .messenger
            switch record.kind {
            case .posted:
                beginPosting(message, author: person, inUserConversation: record.detail & 1 != 0, isNote: record.detail & 2 != 0)
            case .recipient:
                addRecipient(person)
            case .expect:
                expect(Send(message: message, recipient: person, channel: channel, due: .start))
            case .fallback:
                fallbackDecided(message, person, seen: record.detail == 1)
            case .delivered:
                delivered(message, to: person, on: channel)
            case .batchCovers:
                batchSent(covering: [message], for: person, carrier: message)
            case .bounced:
                bounced(Send(message: message, recipient: person, channel: channel, due: .start))
            case .pending:
                pending.append(Send(message: message, recipient: person, channel: channel, due: .start))
            }
        }
    }
}

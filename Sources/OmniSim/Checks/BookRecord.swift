/// One thing the run's books are told, in sixteen bytes: what ``Bookkeeping`` keeps of what the
/// driver tells it, instead of calling the ``Oracle`` and the ``DeliveryTotals`` (``Books`` then
/// read the records in the order they were made, on a thread of their own or in chunks on the
/// simulation's). The driver tells plain happenings; the fused kinds are ``Bookkeeping``'s own.
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
        /// `mention-email now` called for an email of `message` to `person` at posting (its
        /// `.expect` follows).
        case emailedForMention
        /// Issue 23: `person` joins the recipients of `message`, posted earlier, as the agent a
        /// chat is assigned to (its Messenger send follows).
        case lateRecipient
        /// Issue 23, for the ``ChatOracle`` (`message` holds a thread index): a chat started; a chat
        /// given to `person` (`detail` 1: assigned, 0: taken); released by `person` (removed);
        /// closed (`detail` 1) or reopened (0); abandoned; `person` logged in (`detail` 1) or out;
        /// `person`'s capacity is `delay` (-1: unlimited); the routing is `detail`; the assignments
        /// after an event are over with `delay` chats waiting.
        case chatStarted, chatGiven, chatReleased, chatClosed, chatAbandoned, chatPresence, chatCapacity, chatRouting, chatSettled
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

    /// Whether `other` is of the same message and person.
    @inline(__always)
    func isOf(_ other: BookRecord) -> Bool { message == other.message && person == other.person }

    init(_ kind: Kind, _ send: Send) {
        self.init(kind, send.message, send.recipient, detail: UInt8(send.channel.rawValue))
    }
}

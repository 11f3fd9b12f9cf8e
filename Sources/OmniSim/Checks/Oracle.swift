/// Checks the contract's invariants over a whole run, independently of the checks a scenario
/// writes: each message reached each recipient exactly once on each channel the rules called for,
/// nobody else received it, no customer was in a user conversation or got an internal note, a
/// fallback email went out only for a message unseen at its deadline — each email to a user is
/// owed by a deadline that found its message unseen (`.sendEmail`), or is the one email of a batch
/// whose every message a deadline found unseen (`.batched`), and one decision owes one email — (and
/// a message counted as seen had arrived), and nothing was lost (a send not arrived at the end must
/// be pending). A customer's email at posting (not in the widget: email instead of chat) is owed to
/// no deadline; a customer's email for a message that reached them by chat (v3's widget fallback)
/// is owed exactly as a user's is — by a deadline that found it unseen in the widget, or by the
/// batch that covers it — and a fallback decided for a customer's message that did not reach them
/// by chat is caught. A mention's email under `mention-email now` is owed by the mention, told at
/// posting.
///
/// Memory: one byte of flags, one person id and two bits (an email owed, a batch's cover owed) per
/// (message, recipient): five bytes and a quarter, kept for the whole run (the only state that
/// grows with the traffic, besides the message table).
///
/// The oracle keeps its own book: a (message, recipient) pair is found among the message's
/// recipients (in membership order, with a hint for the usual case of sends in that order), so no
/// domain value carries oracle bookkeeping and the driver need not stay in step with it.
struct Oracle {
    /// Per (message, recipient) slot: what the rules called for and what arrived, a bit per
    /// channel each — "called for" at its raw value, "arrived" one channel count above. One byte
    /// holds four channels' pairs: ``fitsEveryChannel`` is checked when an oracle is made, so a
    /// channel too many traps at once (and fails `ChannelTableTests`), never collides in silence.
    private struct Flags: OptionSet {
        let rawValue: UInt8
        static func expects(_ channel: ChannelKind) -> Flags { Flags(rawValue: 1 << UInt8(channel.rawValue)) }
        static func got(_ channel: ChannelKind) -> Flags {
            Flags(rawValue: 1 << UInt8(channel.rawValue + ChannelKind.allCases.count))
        }
    }

    /// Whether ``Flags`` has a pair of bits for every channel.
    static var fitsEveryChannel: Bool { 2 * ChannelKind.allCases.count <= UInt8.bitWidth }

    /// What a deadline decided, as the books are told it (a ``BookRecord``'s `detail`).
    enum Decision: UInt8, Sendable {
        case sendEmail, seen, emailOff, batched

        @inline(__always)
        init(_ decision: FallbackDecision) {
            switch decision {
            case .sendEmail: self = .sendEmail
            case .seen: self = .seen
            case .emailOff: self = .emailOff
            case .batched: self = .batched
            }
        }
    }

    private var slotStart: [Int32] = [0]
    private var slotPerson: [PersonID] = []
    private var slotFlags: [Flags] = []
    /// Issue 23: recipients added after posting (an agent a waiting chat is assigned to gets its
    /// earlier customer messages), by (message, person), as slots numbered from ``lateBase``.
    private var lateSlots: [Int64: Int] = [:]
    private var latePerson: [PersonID] = []
    private var lateMessage: [Int32] = []
    private var lateFlags: [Flags] = []
    private var lateOwed = OwedBits()
    private static let lateBase = 1 << 40
    /// Per slot, beside the flags (whose eight bits are every channel's "called for" and "arrived"):
    /// a deadline found the message unseen with email on, and owes one email (`.sendEmail`: the
    /// email called for takes it) or one batch's cover (`.batched`: the batch that covers it takes
    /// it; a message seen before its batch goes out keeps it, and owes no email of its own).
    private var owed = OwedBits()
    /// The batch email just told (its covers come right before its email): its user and the slots
    /// it covers, until its one email is called for.
    private var batch: (user: PersonID, slots: [Int])?
    /// Slots whose send on a channel bounced for good (reported, not lost): bit per channel.
    private var bouncedSlots: [Int: ChannelSet] = [:]
    /// Slots covered by a batch email (v2), so that none is covered twice.
    private var batchCovered = Set<Int>()
    /// Where the last pair was found: the next send usually belongs to the slot after it.
    private var hint = 0
    private(set) var violations: [OracleViolation] = []
    private(set) var violationCount = 0
    static let violationsListedMax = 100

    let cast: Cast

    init(cast: Cast) {
        precondition(Self.fitsEveryChannel, "the oracle's flags hold \(UInt8.bitWidth / 2) channels: widen Oracle.Flags")
        self.cast = cast
    }

    /// A message was posted with these recipients (fixed at posting; with `customer-messages all`,
    /// more than the thread's own).
    mutating func posted(
        _ message: MessageID, _ posting: ThreadState.Posting, recipients: some Sequence<PersonID>
    ) {
        beginPosting(message, author: posting.author, inUserConversation: posting.inUserConversation, isNote: posting.isNote)
        for recipient in recipients { addRecipient(recipient) }
    }

    /// The author and kind of the message being posted, while its recipients are added.
    private var posting = (author: PersonID(-1), customersRefused: false, inUserConversation: false, isNote: false)

    /// A message is posted: its recipients follow (``addRecipient(_:)``), in order.
    mutating func beginPosting(_ message: MessageID, author: PersonID, inUserConversation: Bool, isNote: Bool) {
        precondition(message.int == slotStart.count - 1, "messages are posted in id order")
        posting = (author, inUserConversation || isNote, inUserConversation, isNote)
        slotStart.append(slotStart[slotStart.count - 1])
    }

    /// One more recipient of the message being posted.
    mutating func addRecipient(_ recipient: PersonID) {
        if recipient == posting.author { report(.authorIsRecipient, recipient, nil) }
        if posting.customersRefused && cast.isCustomer(recipient) {
            if posting.inUserConversation { report(.customerInUserConversation, recipient, nil) }
            if posting.isNote { report(.customerGotNote, recipient, nil) }
        }
        owed.append()
        slotPerson.append(recipient)
        slotFlags.append([])
        slotStart[slotStart.count - 1] += 1
    }

    /// Issue 23: `recipient` joins the recipients of `message`, posted earlier (a chat assigned to
    /// them); a person who already is one is reported.
    mutating func addLateRecipient(_ recipient: PersonID, of message: MessageID) {
        if slot(message, recipient) != nil { report(.lateRecipientTwice, recipient, nil) }
        lateSlots[Self.lateKey(message.index, recipient)] = Self.lateBase + latePerson.count
        latePerson.append(recipient)
        lateMessage.append(message.index)
        lateFlags.append([])
        lateOwed.append()
    }

    private static func lateKey(_ message: Int32, _ person: PersonID) -> Int64 { Int64(message) << 32 | Int64(UInt32(bitPattern: person.index)) }

    private subscript(flags slot: Int) -> Flags {
        get { slot >= Self.lateBase ? lateFlags[slot - Self.lateBase] : slotFlags[slot] }
        set { if slot >= Self.lateBase { lateFlags[slot - Self.lateBase] = newValue } else { slotFlags[slot] = newValue } }
    }

    private subscript(owed slot: Int, kind: OwedBits.Kind) -> Bool {
        get { slot >= Self.lateBase ? lateOwed[slot - Self.lateBase, kind] : owed[slot, kind] }
        set { if slot >= Self.lateBase { lateOwed[slot - Self.lateBase, kind] = newValue } else { owed[slot, kind] = newValue } }
    }

    /// Findings of another book (the ``ChatOracle``), added to these.
    mutating func add(_ found: [OracleViolation], count: Int) {
        violationCount += count
        for violation in found where violations.count < Self.violationsListedMax { violations.append(violation) }
    }

    /// The rules called for `send`.
    mutating func expect(_ send: Send) {
        let (recipient, channel) = (send.recipient, send.channel)
        guard let slot = slot(send.message, send.recipient) else {
            report(.sendToNonRecipient, recipient, channel)
            return
        }
        if self[flags: slot].contains(.expects(channel)) {
            report(.sendCalledTwice, recipient, channel)
        } else if channel == .email && (cast.isUser(recipient) || slotFlags[slot].contains(.expects(.chat))) {
            // A user's, or a customer's after chat (v3): a fallback, owed by its deadline or batch.
            takeOwedEmail(slot, recipient)
        }
        self[flags: slot].insert(.expects(channel))
    }

    /// A user's email is called for: a deadline that found the message unseen must owe it, or it
    /// is the email of the batch just covered (whose carrier is one of its messages).
    private mutating func takeOwedEmail(_ slot: Int, _ user: PersonID) {
        if self[owed: slot, .email] {
            self[owed: slot, .email] = false
        } else if let batch, batch.user == user, batch.slots.contains(slot) {
            self.batch = nil
        } else {
            report(.emailNotOwed, user, .email)
        }
    }

    /// The fallback deadline decided `decision`; a message counted as seen must have arrived by then
    /// (deliveries are recorded in time order, so "by then" is "recorded already").
    mutating func fallbackDecided(_ message: MessageID, _ recipient: PersonID, _ decision: FallbackDecision, at time: SimInstant) {
        fallbackDecided(message, recipient, Decision(decision))
    }

    mutating func fallbackDecided(_ message: MessageID, _ recipient: PersonID, _ decision: Decision) {
        guard let slot = slot(message, recipient) else {
            report(.fallbackForNonRecipient, recipient, .email)
            return
        }
        // A customer's fallback (v3) is only for a message that reached them by chat, and is seen
        // there; a user's is seen in Messenger.
        let seenOn: ChannelKind = cast.isCustomer(recipient) ? .chat : .messenger
        if seenOn == .chat && !slotFlags[slot].contains(.expects(.chat)) {
            report(.customerFallbackWithoutChat, recipient, .email)
        }
        switch decision {
        case .seen:
            if !self[flags: slot].contains(.got(seenOn)) {
                report(.seenBeforeArrival, recipient, seenOn)
            }
        case .sendEmail:
            self[owed: slot, .email] = true
        case .batched:
            self[owed: slot, .cover] = true
        case .emailOff:
            break
        }
    }

    /// `mention-email now` called for an email of `message` to `recipient` at posting (no
    /// deadline decides it).
    mutating func emailedForMention(_ message: MessageID, _ recipient: PersonID) {
        guard let slot = slot(message, recipient) else {
            report(.mentionEmailToNonRecipient, recipient, .email)
            return
        }
        self[owed: slot, .email] = true
    }

    mutating func delivered(_ delivery: Delivery) {
        delivered(delivery.message, to: delivery.recipient, on: delivery.channel)
    }

    mutating func delivered(_ message: MessageID, to recipient: PersonID, on channel: ChannelKind) {
        guard let slot = slot(message, recipient) else {
            report(.receivedByNonRecipient, recipient, channel)
            return
        }
        let got = Flags.got(channel)
        if self[flags: slot].contains(got) { report(.receivedTwice, recipient, channel) }
        if !self[flags: slot].contains(.expects(channel)) {
            report(.receivedUncalled, recipient, channel)
        }
        self[flags: slot].insert(got)
    }

    /// A batch email goes out for `user`, covering `messages` (v2); its email (carrying one of them)
    /// is called for next.
    mutating func batchSent(covering messages: [MessageID], for user: PersonID) {
        for message in messages { batchCovers(message, for: user) }
    }

    /// The batch email going out for `user` covers `message`: covered by exactly one email, and
    /// found unseen by its deadline (which owed the email the batch now takes). Consecutive covers
    /// for one user are one batch, until its email is called for.
    mutating func batchCovers(_ message: MessageID, for user: PersonID) {
        guard let slot = slot(message, user) else {
            report(.batchCoversNonRecipient, user, .email)
            return
        }
        if !batchCovered.insert(slot).inserted {
            report(.batchCoversTwice, user, .email)
        } else if self[owed: slot, .cover] {
            self[owed: slot, .cover] = false
        } else {
            report(.batchCoversSeen, user, .email)
        }
        if batch?.user == user { batch?.slots.append(slot) } else { batch = (user, [slot]) }
    }

    /// A send bounced for good: reported, so not lost.
    mutating func bounced(_ send: Send) {
        guard let slot = slot(send.message, send.recipient) else { return }
        bouncedSlots[slot, default: []].insert(send.channel)
    }

    /// At the end: every send called for arrived, or is pending (never lost).
    mutating func finish(pending: [Send]) {
        var pendingSlots = bouncedSlots
        for send in pending {
            if let slot = slot(send.message, send.recipient) { pendingSlots[slot, default: []].insert(send.channel) }
        }
        for message in 0..<(slotStart.count - 1) {
            for slot in Int(slotStart[message])..<Int(slotStart[message + 1]) {
                for channel in ChannelKind.allCases where self[flags: slot].contains(.expects(channel)) && !self[flags: slot].contains(.got(channel)) {
                    if pendingSlots[slot]?.contains(channel) != true {
                        report(.sendLost, slotPerson[slot], channel)
                    }
                }
            }
        }
        for index in latePerson.indices {
            let slot = Self.lateBase + index
            for channel in ChannelKind.allCases where lateFlags[index].contains(.expects(channel)) && !lateFlags[index].contains(.got(channel)) {
                if pendingSlots[slot]?.contains(channel) != true { report(.sendLost, latePerson[index], channel) }
            }
        }
    }

    /// The slot of (message, recipient), if the person is one of the message's recipients.
    private mutating func slot(_ message: MessageID, _ recipient: PersonID) -> Int? {
        let index = message.int
        guard index >= 0, index + 1 < slotStart.count else { return nil }
        let range = Int(slotStart[index])..<Int(slotStart[index + 1])
        if range.contains(hint), slotPerson[hint] == recipient { return advance(from: hint) }
        if range.contains(hint + 1), slotPerson[hint + 1] == recipient { return advance(from: hint + 1) }
        guard let found = range.first(where: { slotPerson[$0] == recipient }) else {
            return lateSlots.isEmpty ? nil : lateSlots[Self.lateKey(message.index, recipient)]
        }
        return advance(from: found)
    }

    private mutating func advance(from slot: Int) -> Int {
        hint = slot
        return slot
    }

    private mutating func report(_ invariant: Invariant, _ person: PersonID, _ channel: ChannelKind?) {
        violationCount += 1
        guard violations.count < Self.violationsListedMax else { return }
        violations.append(OracleViolation(invariant: invariant, person: person, channel: channel))
    }
}

/// Two bits per (message, recipient) slot, appended as slots are: what a deadline that found the
/// message unseen owes it (an email of its own, or a batch's cover).
struct OwedBits {
    enum Kind: Int {
        case email = 0, cover = 1
    }

    private var words: [UInt64] = []
    private var count = 0

    /// One more slot, owed nothing.
    @inline(__always)
    mutating func append() {
        if count & 31 == 0 { words.append(0) }
        count += 1
    }

    subscript(slot: Int, kind: Kind) -> Bool {
        get { words[slot >> 5] & Self.bit(slot, kind) != 0 }
        set { if newValue { words[slot >> 5] |= Self.bit(slot, kind) } else { words[slot >> 5] &= ~Self.bit(slot, kind) } }
    }

    @inline(__always)
    private static func bit(_ slot: Int, _ kind: Kind) -> UInt64 { 1 << UInt64((slot & 31) * 2 + kind.rawValue) }
}

/// One broken invariant, with the person and channel it concerns.
public struct OracleViolation: Sendable, Equatable {
    public var invariant: Invariant
    public var person: PersonID
    public var channel: ChannelKind?

    public init(invariant: Invariant, person: PersonID, channel: ChannelKind?) {
        self.invariant = invariant
        self.person = person
        self.channel = channel
    }
}

/// An invariant of the contract the oracle found broken, as data (the language words it).
public enum Invariant: Sendable, Equatable, CaseIterable {
    case authorIsRecipient
    case customerInUserConversation
    case customerGotNote
    case sendToNonRecipient
    case sendCalledTwice
    /// An email to a user that no deadline (finding its message unseen), batch or mention owed.
    case emailNotOwed
    case fallbackForNonRecipient
    case seenBeforeArrival
    case mentionEmailToNonRecipient
    case receivedByNonRecipient
    case receivedTwice
    case receivedUncalled
    case batchCoversNonRecipient
    case batchCoversTwice
    case batchCoversSeen
    /// v3: a fallback decided for a customer's message that did not reach them by chat (one emailed
    /// at posting gets none).
    case customerFallbackWithoutChat
    /// Called for, never arrived, neither pending nor bounced at the end.
    case sendLost
    /// Issue 23: an agent was given a chat's earlier message they had already received.
    case lateRecipientTwice
    /// Issue 23: a take or an assignment put an agent over their `chat-capacity`.
    case chatOverCapacity
    /// Issue 23: after an event's assignments (routing first-free or least-busy), a chat waited
    /// while an agent was free.
    case chatWaitedForFreeAgent
    /// Issue 23: a chat's wait ended twice (assigned after it was taken or assigned, or not waiting).
    case chatTakenTwice
    /// Issue 23: an assignment went to an agent who was not free.
    case chatAssignedToBusyAgent
}

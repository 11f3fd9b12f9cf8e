/// Checks the contract's invariants over a whole run, independently of the checks a scenario
/// writes: each message reached each recipient exactly once on each channel the rules called for,
/// nobody else received it, no customer was in a user conversation or got an internal note, a
/// fallback email went out only for a message unseen at its deadline (and a message counted as
/// seen had arrived), and nothing was lost (a send not arrived at the end must be pending).
///
/// Memory: one byte of flags and one person id per (message, recipient): five bytes, kept for the
/// whole run (the only state that grows with the traffic, besides the message table).
struct Oracle {
    /// Per (message, recipient) slot: what the rules called for and what arrived.
    private struct Flags: OptionSet {
        let rawValue: UInt8
        static let expectsMessenger = Flags(rawValue: 1 << 0)
        static let expectsPush = Flags(rawValue: 1 << 1)
        static let expectsEmail = Flags(rawValue: 1 << 2)
        static let expectsChat = Flags(rawValue: 1 << 3)
        static func expects(_ channel: ChannelKind) -> Flags { Flags(rawValue: 1 << UInt8(channel.rawValue)) }
        static func got(_ channel: ChannelKind) -> Flags { Flags(rawValue: 1 << UInt8(channel.rawValue + 4)) }
    }

    private var slotStart: [Int32] = [0]
    private var slotPerson: [PersonID] = []
    private var slotFlags: [Flags] = []
    /// Slots whose send on a channel bounced for good (reported, not lost): bit per channel.
    private var bouncedSlots: [Int: UInt8] = [:]
    private(set) var violations: [OracleViolation] = []
    private(set) var violationCount = 0
    static let violationsListedMax = 100

    private let cast: Cast

    init(cast: Cast) { self.cast = cast }

    /// A message was posted with these recipients (fixed at posting).
    /// Returns the message's first slot; the k-th recipient's slot is that plus k.
    @discardableResult
    mutating func posted(_ message: MessageID, _ posting: ThreadState.Posting, cast: Cast) -> Int32 {
        let first = Int32(slotPerson.count)
        precondition(message.int == slotStart.count - 1, "messages are posted in id order")
        for recipient in posting.members where posting.isRecipient(recipient, cast: cast) {
            if recipient == posting.author { report("the author is a recipient of their own message", recipient, nil) }
            if cast.isCustomer(recipient) && posting.inUserConversation {
                report("a customer is in a user conversation", recipient, nil)
            }
            if cast.isCustomer(recipient) && posting.isNote {
                report("a customer is a recipient of an internal note", recipient, nil)
            }
            slotPerson.append(recipient)
            slotFlags.append([])
        }
        slotStart.append(Int32(slotPerson.count))
        return first
    }

    /// The rules called for `send` (its slot names the message and recipient).
    mutating func expect(_ send: Send) {
        let (recipient, channel) = (send.recipient, send.channel)
        guard let slot = slot(send) else {
            report("a send was called for to someone who is not a recipient", recipient, channel)
            return
        }
        if slotFlags[slot].contains(.expects(channel)) { report("a send was called for twice", recipient, channel) }
        slotFlags[slot].insert(.expects(channel))
    }

    /// The fallback deadline decided `decision`; a message counted as seen must have arrived by then
    /// (deliveries are recorded in time order, so "by then" is "recorded already").
    mutating func fallbackDecided(slot: Int32, _ recipient: PersonID, _ decision: FallbackDecision, at time: SimInstant) {
        let slot = Int(slot)
        guard slot >= 0, slot < slotPerson.count, slotPerson[slot] == recipient else { return }
        if decision == .seen && !slotFlags[slot].contains(.got(.messenger)) {
            report("a message counted as seen at its deadline had not arrived", recipient, .messenger)
        }
    }

    mutating func delivered(_ delivery: Delivery, slot: Int32) {
        var send = Send(message: delivery.message, recipient: delivery.recipient, channel: delivery.channel, due: delivery.due)
        send.slot = slot
        guard let slot = self.slot(send) else {
            report("received a message without being its recipient", delivery.recipient, delivery.channel)
            return
        }
        let got = Flags.got(delivery.channel)
        if slotFlags[slot].contains(got) { report("received the same message twice", delivery.recipient, delivery.channel) }
        if !slotFlags[slot].contains(.expects(delivery.channel)) {
            report("received on a channel the rules did not call for", delivery.recipient, delivery.channel)
        }
        slotFlags[slot].insert(got)
    }

    /// A send bounced for good: reported, so not lost.
    mutating func bounced(_ send: Send) {
        guard let slot = slot(send) else { return }
        bouncedSlots[slot, default: 0] |= 1 << UInt8(send.channel.rawValue)
    }

    /// At the end: every send called for arrived, or is pending (never lost).
    mutating func finish(pending: [Send]) {
        var pendingSlots = bouncedSlots
        for send in pending {
            if let slot = slot(send) { pendingSlots[slot, default: 0] |= 1 << UInt8(send.channel.rawValue) }
        }
        for message in 0..<(slotStart.count - 1) {
            for slot in Int(slotStart[message])..<Int(slotStart[message + 1]) {
                for channel in ChannelKind.allCases where slotFlags[slot].contains(.expects(channel)) && !slotFlags[slot].contains(.got(channel)) {
                    if (pendingSlots[slot] ?? 0) & (1 << UInt8(channel.rawValue)) == 0 {
                        report("a send was lost: called for, never arrived, not pending or bounced", slotPerson[slot], channel)
                    }
                }
            }
        }
    }

    /// The slot a send says it belongs to, if it really is its message's slot for its recipient.
    private func slot(_ send: Send) -> Int? {
        let slot = Int(send.slot), message = send.message.int
        guard message + 1 < slotStart.count, slot >= Int(slotStart[message]), slot < Int(slotStart[message + 1]),
              slotPerson[slot] == send.recipient
        else { return nil }
        return slot
    }

    private mutating func report(_ text: String, _ person: PersonID, _ channel: ChannelKind?) {
        violationCount += 1
        guard violations.count < Self.violationsListedMax else { return }
        violations.append(OracleViolation(text: text, person: cast.name(of: person), channel: channel))
    }
}

/// One broken invariant, with the person and channel it concerns.
public struct OracleViolation: Sendable, Equatable, CustomStringConvertible {
    public var text: String
    public var person: String
    public var channel: ChannelKind?
    public var description: String {
        "invariant: \(text) (person '\(person)'\(channel.map { ", channel \($0.name)" } ?? ""))"
    }
}

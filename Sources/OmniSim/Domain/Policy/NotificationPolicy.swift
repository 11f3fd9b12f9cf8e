/// The notification rules, stated once: what a posted message calls for, for each recipient, and
/// what a fallback deadline calls for when it comes. Pure — no actors, no I/O, no clock: it reads a
/// recipient's state and settings and returns what to do; the driver carries that out and decides
/// nothing itself. A fast path may skip work only by carrying out the same answer more cheaply (a
/// message seen as it arrived has its deadline answered here without asking the user again).
///
///     let notice = NotificationPolicy.atPosting(message, to: user, everyone: everyone)
///     notice.deliverNow      // [.messenger, .push]
///     notice.deadline        // 9h1m: decide the email fallback then
public enum NotificationPolicy {
    /// What a posted message is, as far as the rules for one recipient care.
    public struct Posted: Sendable, Equatable {
        public var thread: ThreadID
        public var at: SimInstant
        /// Written by a customer (`customer-messages` decides whether it notifies).
        public var fromCustomer: Bool
        /// How it mentions this recipient, if it does (``Posting/mention(of:)``).
        public var mention: Mention?

        public init(thread: ThreadID, at: SimInstant, fromCustomer: Bool, mention: Mention? = nil) {
            self.thread = thread
            self.at = at
            self.fromCustomer = fromCustomer
            self.mention = mention
        }
    }

    /// What a message calls for, for one recipient, at posting.
    public struct Notice: Sendable, Equatable {
        /// The channels it goes out on now, each a send that falls due at posting (carried out in
        /// channel order).
        public var deliverNow: ChannelSet
        /// When its email fallback is decided (``atDeadline(_:settings:batchOpen:)``); nil: never.
        public var deadline: SimInstant?
        /// Whether it notifies at all. A message that does not (a customer's, under
        /// `customer-messages none`) still reaches Messenger and counts as unread, never in the bubble.
        public var notifies: Bool
        /// The mention that decided it at posting (`mention-email now`): emailed now if the user's
        /// email is on, not at all otherwise, and no fallback either way.
        public var emailedFor: Mention?

        public init(deliverNow: ChannelSet, deadline: SimInstant? = nil, notifies: Bool = true, emailedFor: Mention? = nil) {
            self.deliverNow = deliverNow
            self.deadline = deadline
            self.notifies = notifies
            self.emailedFor = emailedFor
        }
    }

    /// A user recipient of `message`, as their state stands at posting:
    /// - Messenger, always (the contract: every recipient gets the message in the app; the driver
    ///   relies on it, handing a message's Messenger sends to the channel together before it asks,
    ///   and asserts it in debug builds);
    /// - push when they have the mobile app, push on, and are not logged in;
    /// - with `mention-email now`, an email now when the message mentions them, they are not
    ///   viewing its thread at that instant and their email is on — and then no fallback for it (nor
    ///   with their email off: the mention decided it);
    /// - otherwise a fallback deadline `email-after` from now;
    /// - nothing of push, email or deadline for a customer's message under `customer-messages none`.
    @inline(__always)
    public static func atPosting(_ message: Posted, to user: borrowing UserState, everyone: UserSettings) -> Notice {
        let settings = user.settings.resolved(over: everyone)
        if message.fromCustomer && settings.customerMessages == .none {
            return Notice(deliverNow: ChannelSet(.messenger), notifies: false)
        }
        var notice = Notice(deliverNow: ChannelSet(.messenger))
        if user.hasMobile && settings.push && !user.isLoggedIn { notice.deliverNow.insert(.push) }
        if let mention = message.mention, settings.mentionEmail == .now, !user.isViewing(message.thread) {
            if settings.email { notice.deliverNow.insert(.email) }
            notice.emailedFor = mention
        } else {
            notice.deadline = message.at + settings.emailAfter
        }
        return notice
    }

    /// A customer recipient: the live chat widget when they are in it at posting, else email.
    @inline(__always)
    public static func atPosting(toCustomer customer: CustomerState) -> Notice {
        Notice(deliverNow: ChannelSet(customer.isInChat ? .chat : .email))
    }

    /// How a message stands for its user when its fallback deadline comes.
    public enum ReadState: Sendable, Equatable {
        /// Seen: in its thread's view as it arrived, or viewed since.
        case seen
        /// Not seen yet (one still in flight has not arrived, so it is unseen).
        case unseen
    }

    /// The email fallback at a message's deadline: nothing when it was seen; with email off,
    /// nothing; with batching (`email-batch` over 0s, or a batch of its thread open for the user),
    /// the email joins a batch; else an email falls due now. `settings` is read only for an unseen
    /// message.
    @inline(__always)
    public static func atDeadline(
        _ read: ReadState, settings: @autoclosure () -> ResolvedSettings, batchOpen: Bool
    ) -> FallbackDecision {
        guard read == .unseen else { return .seen }
        let settings = settings()
        if !settings.email { return .emailOff }
        if batchOpen || settings.emailBatch > .zero { return .batched(settings.emailBatch) }
        return .sendEmail
    }

    /// A batch of fallback emails goes out: the messages seen by now are dropped; if any is left,
    /// one email falls due for them, carrying the last (the highest number). `seen[i]` is whether
    /// `numbers[i]`'s message has been seen; returns the indices it covers and the carrier's index
    /// (nil: all were seen, nothing is sent).
    public static func atBatchDue(seen: [Bool], numbers: [Int32]) -> (covered: [Int], carrier: Int?) {
        let covered = seen.indices.filter { !seen[$0] }
        let carrier = covered.max { numbers[$0] < numbers[$1] }
        return (covered, carrier)
    }
}

/// What the email fallback decided at a deadline.
public enum FallbackDecision: Sendable, Equatable {
    case sendEmail
    case seen
    case emailOff
    /// Unseen with email on, and batched (v2 `email-batch`): the email joins the thread's open batch,
    /// or opens one that goes out after the given time.
    case batched(SimDuration)
}

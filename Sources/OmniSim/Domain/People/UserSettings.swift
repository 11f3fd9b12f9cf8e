/// A user's notification settings as set by `set` lines: each field is nil where the line never set it.
///
/// A person's own setting wins over `set everyone`, whatever the order of the lines; a setting that
/// neither sets falls back to the contract's default (``resolved(over:)``).
public struct UserSettings: Sendable, Equatable {
    /// Packed into three words (a struct of six optionals took 33 bytes of mixed widths): the
    /// settings are copied into every call that decides for a user, one per delivery and deadline,
    /// and sit in every user's state. Two bits per ``Flag`` (0 unset; 1 off, 2 on; or a case of
    /// its enum in order, from 1).
    private var flags: UInt64 = 0

    /// The settings kept in ``flags``, two bits each from bit `2 × rawValue`: a new one is a new
    /// case (at most 32), never a hand-picked shift.
    private enum Flag: UInt64 {
        case bubble, email, push, customerMessages, mentionEmail
        var shift: UInt64 { rawValue * 2 }
    }
    /// `Int64.min` where unset (the language makes no negative durations).
    private var emailAfterMilliseconds = Int64.min
    private var emailBatchMilliseconds = Int64.min
    /// Issue 23 `chat-capacity`: 0 unset, 1 `unlimited` (set explicitly), else the count + 2 (the
    /// language allows at most a billion). Half a word: the struct stays at 28 bytes, 4 more than
    /// before v3, so that a user's state keeps to its three cache lines.
    private var chatCapacityCode: UInt32 = 0
    /// v3 `view-timeout` lives in ``flags`` from bit ``viewTimeoutShift``: 0 unset, 1 `none` (set
    /// explicitly), else the milliseconds + 2 (48 bits: 8,900 years, past the language's longest).
    private static let viewTimeoutShift: UInt64 = 16

    public var bubble: Bool? {
        get { flag(.bubble) }
        set { setFlag(.bubble, newValue) }
    }
    public var email: Bool? {
        get { flag(.email) }
        set { setFlag(.email, newValue) }
    }
    public var push: Bool? {
        get { flag(.push) }
        set { setFlag(.push, newValue) }
    }
    public var emailAfter: SimDuration? {
        get { emailAfterMilliseconds == .min ? nil : SimDuration(milliseconds: emailAfterMilliseconds) }
        set { emailAfterMilliseconds = newValue?.milliseconds ?? .min }
    }
    /// v2: which customer messages notify (``CustomerMessages``).
    public var customerMessages: CustomerMessages? {
        get { choice(.customerMessages) }
        set { setChoice(.customerMessages, newValue) }
    }
    /// Whether a mention is emailed at once (``MentionEmail``).
    public var mentionEmail: MentionEmail? {
        get { choice(.mentionEmail) }
        set { setChoice(.mentionEmail, newValue) }
    }
    /// v2: fallback emails per thread are combined over this long (0s: each goes on its own).
    public var emailBatch: SimDuration? {
        get { emailBatchMilliseconds == .min ? nil : SimDuration(milliseconds: emailBatchMilliseconds) }
        set { emailBatchMilliseconds = newValue?.milliseconds ?? .min }
    }
    /// v3: a view ends this long after the user's last view of or app post in the thread
    /// (`.some(nil)`: `none`, set explicitly; `nil`: unset).
    public var viewTimeout: SimDuration?? {
        get {
            switch flags >> Self.viewTimeoutShift {
            case 0: nil
            case 1: .some(nil)
            case let code: .some(SimDuration(milliseconds: Int64(code - 2)))
            }
        }
        set {
            let code: UInt64 = switch newValue {
            case nil: 0
            case .some(nil): 1
            case .some(let duration?): UInt64(max(duration.milliseconds, 0)) + 2
            }
            precondition(code < 1 << (64 - Self.viewTimeoutShift), "a view-timeout past 8,900 years")
            flags = flags & (1 << Self.viewTimeoutShift - 1) | code << Self.viewTimeoutShift
        }
    }
    /// Issue 23: how many chats the agent handles at once (`.some(nil)`: `unlimited`, set
    /// explicitly; `nil`: unset).
    public var chatCapacity: Int?? {
        get {
            switch chatCapacityCode {
            case 0: nil
            case 1: .some(nil)
            case let code: .some(Int(code - 2))
            }
        }
        set {
            switch newValue {
            case nil: chatCapacityCode = 0
            case .some(nil): chatCapacityCode = 1
            case .some(let count?): chatCapacityCode = UInt32(clamping: max(count, 0) + 2)
            }
        }
    }

    public init(
        bubble: Bool? = nil, email: Bool? = nil, push: Bool? = nil, emailAfter: SimDuration? = nil,
        customerMessages: CustomerMessages? = nil, emailBatch: SimDuration? = nil, mentionEmail: MentionEmail? = nil
    ) {
        self.bubble = bubble
        self.email = email
        self.push = push
        self.emailAfter = emailAfter
        self.customerMessages = customerMessages
        self.emailBatch = emailBatch
        self.mentionEmail = mentionEmail
    }

    @inline(__always)
    private func code(_ flag: Flag) -> UInt64 { (flags >> flag.shift) & 3 }

    @inline(__always)
    private mutating func setCode(_ flag: Flag, _ code: UInt64) { flags = flags & ~(3 << flag.shift) | code << flag.shift }

    @inline(__always)
    private func flag(_ flag: Flag) -> Bool? {
        switch code(flag) {
        case 1: false
        case 2: true
        default: nil
        }
    }

    @inline(__always)
    private mutating func setFlag(_ flag: Flag, _ value: Bool?) { setCode(flag, value.map { $0 ? 2 : 1 } ?? 0) }

    /// A setting with a few named values (an enum of at most three cases, each with its code).
    @inline(__always)
    private func choice<Value: SettingCode>(_ flag: Flag) -> Value? { Value(code: code(flag)) }

    @inline(__always)
    private mutating func setChoice<Value: SettingCode>(_ flag: Flag, _ value: Value?) { setCode(flag, value?.code ?? 0) }

    /// The contract's defaults: bubble on, email on, push on, email after one minute, `mine`, no
    /// batching, mentions emailed like any message.
    public static let contractDefaults = UserSettings(
        bubble: true, email: true, push: true, emailAfter: .minutes(1), customerMessages: .mine, emailBatch: .zero,
        mentionEmail: .normal)

    /// These settings with every unset field taken from `fallback`, then from the contract's defaults.
    public func resolved(over fallback: UserSettings) -> ResolvedSettings {
        let base = Self.contractDefaults
        return ResolvedSettings(
            bubble: bubble ?? fallback.bubble ?? base.bubble ?? true,
            email: email ?? fallback.email ?? base.email ?? true,
            push: push ?? fallback.push ?? base.push ?? true,
            emailAfter: emailAfter ?? fallback.emailAfter ?? base.emailAfter ?? .minutes(1),
            customerMessages: customerMessages ?? fallback.customerMessages ?? base.customerMessages ?? .mine,
            emailBatch: emailBatch ?? fallback.emailBatch ?? base.emailBatch ?? .zero,
            mentionEmail: mentionEmail ?? fallback.mentionEmail ?? base.mentionEmail ?? .normal)
    }

    /// v3: the view timeout in force (this user's, else `fallback`'s; nil: views never time out).
    /// Apart from ``resolved(over:)``, which every delivery asks, so that it stays small.
    public func resolvedViewTimeout(over fallback: UserSettings) -> SimDuration? {
        viewTimeout ?? fallback.viewTimeout ?? nil
    }

    /// Issue 23: the chat capacity in force (nil: unlimited).
    public func resolvedChatCapacity(over fallback: UserSettings) -> Int? {
        chatCapacity ?? fallback.chatCapacity ?? nil
    }

    /// Applies one change to these settings.
    public mutating func apply(_ change: SettingChange) {
        switch change {
        case .bubble(let on): bubble = on
        case .email(let on): email = on
        case .push(let on): push = on
        case .emailAfter(let delay): emailAfter = delay
        case .customerMessages(let scope): customerMessages = scope
        case .emailBatch(let window): emailBatch = window
        case .mentionEmail(let when): mentionEmail = when
        case .viewTimeout(let timeout): viewTimeout = .some(timeout)
        case .chatCapacity(let capacity): chatCapacity = .some(capacity)
        }
    }
}

/// A user's effective settings at one moment.
public struct ResolvedSettings: Sendable, Equatable {
    public var bubble: Bool
    public var email: Bool
    public var push: Bool
    public var emailAfter: SimDuration
    public var customerMessages: CustomerMessages
    public var emailBatch: SimDuration
    public var mentionEmail: MentionEmail
}

/// A setting's value as two bits of ``UserSettings``' flags: 1, 2 or 3 (0 is unset). Each enum
/// states its codes in an exhaustive switch, so a new case is a compiler error until it has one.
protocol SettingCode {
    var code: UInt64 { get }
    init?(code: UInt64)
}

extension CustomerMessages: SettingCode {
    var code: UInt64 {
        switch self {
        case .all: 1
        case .mine: 2
        case .none: 3
        }
    }

    init?(code: UInt64) {
        switch code {
        case 1: self = .all
        case 2: self = .mine
        case 3: self = .none
        default: return nil
        }
    }
}

extension MentionEmail: SettingCode {
    var code: UInt64 {
        switch self {
        case .normal: 1
        case .now: 2
        }
    }

    init?(code: UInt64) {
        switch code {
        case 1: self = .normal
        case 2: self = .now
        default: return nil
        }
    }
}

/// `set NAME mention-email now | normal`: whether a message that mentions the user is emailed at
/// once (Intercom's behaviour) or like any other message, by the fallback.
public enum MentionEmail: String, Sendable, Equatable, CaseIterable {
    /// Like any message: the email fallback after `email-after`, if still unseen (the default).
    case normal
    /// At once, unless the user is viewing the thread at that instant; no fallback email follows.
    case now
}

/// v2 `set NAME customer-messages all | mine | none`: which messages written by customers notify a
/// user. Read at posting, per user.
public enum CustomerMessages: String, Sendable, Equatable, CaseIterable {
    /// As well as their own threads', every customer message in a customer conversation or item
    /// the user is not a recipient of (as an extra recipient); they may see and view those threads.
    case all
    /// The contract's v1 behaviour: customer messages in the user's own threads.
    case mine
    /// Customer messages still reach Messenger and count in `unread`, but notify nothing: no
    /// bubble, no push, no email fallback.
    case none
}

/// One `set` line's change.
public enum SettingChange: Sendable, Equatable {
    case bubble(Bool)
    case email(Bool)
    case push(Bool)
    case emailAfter(SimDuration)
    case customerMessages(CustomerMessages)
    case emailBatch(SimDuration)
    case mentionEmail(MentionEmail)
    /// v3 `view-timeout D | none`.
    case viewTimeout(SimDuration?)
    /// Issue 23 `chat-capacity N | unlimited`.
    case chatCapacity(Int?)
}

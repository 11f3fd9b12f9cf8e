/// A user's notification settings as set by `set` lines: each field is nil where the line never set it.
///
/// A person's own setting wins over `set everyone`, whatever the order of the lines; a setting that
/// neither sets falls back to the contract's default (``resolved(over:)``).
public struct UserSettings: Sendable, Equatable {
    /// Packed into three words (a struct of six optionals took 33 bytes of mixed widths): the
    /// settings are copied into every call that decides for a user, one per delivery and deadline,
    /// and sit in every user's state. Bits 0–1 `bubble`, 2–3 `email`, 4–5 `push` (0 unset, 1 off,
    /// 2 on), 6–7 `customerMessages` (0 unset, then ``CustomerMessages``' cases in order).
    private var flags: UInt64 = 0
    /// `Int64.min` where unset (the language makes no negative durations).
    private var emailAfterMilliseconds = Int64.min
    private var emailBatchMilliseconds = Int64.min

    public var bubble: Bool? {
        get { flag(at: 0) }
        set { setFlag(at: 0, newValue) }
    }
    public var email: Bool? {
        get { flag(at: 2) }
        set { setFlag(at: 2, newValue) }
    }
    public var push: Bool? {
        get { flag(at: 4) }
        set { setFlag(at: 4, newValue) }
    }
    public var emailAfter: SimDuration? {
        get { emailAfterMilliseconds == .min ? nil : SimDuration(milliseconds: emailAfterMilliseconds) }
        set { emailAfterMilliseconds = newValue?.milliseconds ?? .min }
    }
    /// v2: which customer messages notify (``CustomerMessages``).
    public var customerMessages: CustomerMessages? {
        get {
            switch (flags >> 6) & 3 {
            case 1: .all
            case 2: .mine
            case 3: CustomerMessages.none
            default: nil
            }
        }
        set {
            let code: UInt64 = switch newValue {
            case .all: 1
            case .mine: 2
            case .none?: 3
            case nil: 0
            }
            flags = flags & ~(3 << 6) | code << 6
        }
    }
    /// v2: fallback emails per thread are combined over this long (0s: each goes on its own).
    public var emailBatch: SimDuration? {
        get { emailBatchMilliseconds == .min ? nil : SimDuration(milliseconds: emailBatchMilliseconds) }
        set { emailBatchMilliseconds = newValue?.milliseconds ?? .min }
    }

    public init(
        bubble: Bool? = nil, email: Bool? = nil, push: Bool? = nil, emailAfter: SimDuration? = nil,
        customerMessages: CustomerMessages? = nil, emailBatch: SimDuration? = nil
    ) {
        self.bubble = bubble
        self.email = email
        self.push = push
        self.emailAfter = emailAfter
        self.customerMessages = customerMessages
        self.emailBatch = emailBatch
    }

    @inline(__always)
    private func flag(at shift: UInt64) -> Bool? {
        switch (flags >> shift) & 3 {
        case 1: false
        case 2: true
        default: nil
        }
    }

    @inline(__always)
    private mutating func setFlag(at shift: UInt64, _ value: Bool?) {
        let code: UInt64 = value.map { $0 ? 2 : 1 } ?? 0
        flags = flags & ~(3 << shift) | code << shift
    }

    /// The contract's defaults: bubble on, email on, push on, email after one minute, `mine`.
    public static let contractDefaults = UserSettings(
        bubble: true, email: true, push: true, emailAfter: .minutes(1), customerMessages: .mine, emailBatch: .zero)

    /// These settings with every unset field taken from `fallback`, then from the contract's defaults.
    public func resolved(over fallback: UserSettings) -> ResolvedSettings {
        let base = Self.contractDefaults
        return ResolvedSettings(
            bubble: bubble ?? fallback.bubble ?? base.bubble ?? true,
            email: email ?? fallback.email ?? base.email ?? true,
            push: push ?? fallback.push ?? base.push ?? true,
            emailAfter: emailAfter ?? fallback.emailAfter ?? base.emailAfter ?? .minutes(1),
            customerMessages: customerMessages ?? fallback.customerMessages ?? base.customerMessages ?? .mine,
            emailBatch: emailBatch ?? fallback.emailBatch ?? base.emailBatch ?? .zero)
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
}

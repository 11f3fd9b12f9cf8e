/// A user's notification settings as set by `set` lines: each field is nil where the line never set it.
///
/// A person's own setting wins over `set everyone`, whatever the order of the lines; a setting that
/// neither sets falls back to the contract's default (``resolved(over:)``).
public struct UserSettings: Sendable, Equatable {
    public var bubble: Bool?
    public var email: Bool?
    public var push: Bool?
    public var emailAfter: SimDuration?

    public init(bubble: Bool? = nil, email: Bool? = nil, push: Bool? = nil, emailAfter: SimDuration? = nil) {
        self.bubble = bubble
        self.email = email
        self.push = push
        self.emailAfter = emailAfter
    }

    /// The contract's defaults: bubble on, email on, push on, email after one minute.
    public static let contractDefaults = UserSettings(bubble: true, email: true, push: true, emailAfter: .minutes(1))

    /// These settings with every unset field taken from `fallback`, then from the contract's defaults.
    public func resolved(over fallback: UserSettings) -> ResolvedSettings {
        let base = Self.contractDefaults
        return ResolvedSettings(
            bubble: bubble ?? fallback.bubble ?? base.bubble ?? true,
            email: email ?? fallback.email ?? base.email ?? true,
            push: push ?? fallback.push ?? base.push ?? true,
            emailAfter: emailAfter ?? fallback.emailAfter ?? base.emailAfter ?? .minutes(1))
    }

    /// Applies one change to these settings.
    public mutating func apply(_ change: SettingChange) {
        switch change {
        case .bubble(let on): bubble = on
        case .email(let on): email = on
        case .push(let on): push = on
        case .emailAfter(let delay): emailAfter = delay
        }
    }
}

/// A user's effective settings at one moment.
public struct ResolvedSettings: Sendable, Equatable {
    public var bubble: Bool
    public var email: Bool
    public var push: Bool
    public var emailAfter: SimDuration
}

/// One `set` line's change.
public enum SettingChange: Sendable, Equatable {
    case bubble(Bool)
    case email(Bool)
    case push(Bool)
    case emailAfter(SimDuration)
}

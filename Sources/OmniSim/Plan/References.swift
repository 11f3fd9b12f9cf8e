/// A person as an event names them: someone of the cast, or a name the cast does not have
/// (which the contract turns into a rejected event, not a file error).
public enum PersonRef: Sendable, Equatable {
    case known(PersonID)
    case unknown(String)
}

/// A thread as an event names it: a thread slot, or a name that is no thread (unknown, or a person's).
public enum ThreadRef: Sendable, Equatable {
    case known(ThreadID)
    /// A name that belongs to nobody.
    case unknown(String)
    /// A name that belongs to a person.
    case person(PersonID)
}

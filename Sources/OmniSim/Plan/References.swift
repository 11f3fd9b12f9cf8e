/// A person as an event names them: someone of the cast, or a name the cast does not have
/// (which the contract turns into a rejected event, not a file error).
public enum PersonRef: Sendable, Equatable {
    case known(PersonID)
    case unknown(String)
    /// A team's name (v2): it stands for its members where a thread's members are listed; anywhere a
    /// person must act or be one, the event is rejected (the language refuses most such uses as file
    /// errors before a run).
    case team(TeamID)
}

/// A team as an event names it (`adds dan to team support`): a declared team, or a name that is none.
public enum TeamRef: Sendable, Equatable {
    case known(TeamID)
    case unknown(String)
}

/// A thread as an event names it: a thread slot, or a name that is no thread (unknown, or a person's).
public enum ThreadRef: Sendable, Equatable {
    case known(ThreadID)
    /// A name that belongs to nobody.
    case unknown(String)
    /// A name that belongs to a person.
    case person(PersonID)
    /// A name that belongs to a team (v2).
    case team(TeamID)
}

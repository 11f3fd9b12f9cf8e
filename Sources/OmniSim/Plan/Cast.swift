/// Who is in a scenario and what each thread slot is called: fixed before a run starts.
///
/// Shared read-only by every actor of a simulation (all stored properties are immutable `let`s of
/// Sendable values, so the compiler checks the conformance).
public final class Cast: Sendable {
    /// Each person's name, by ``PersonID``.
    public let personNames: [String]
    /// Each person's kind, by ``PersonID``.
    public let personKinds: [PersonKind]
    /// Each thread slot's name, by ``ThreadID``.
    public let threadNames: [String]

    public init(personNames: [String], personKinds: [PersonKind], threadNames: [String]) {
        precondition(personNames.count == personKinds.count, "one kind per person")
        self.personNames = personNames
        self.personKinds = personKinds
        self.threadNames = threadNames
    }

    public func name(of person: PersonID) -> String { personNames[person.int] }
    public func name(of thread: ThreadID) -> String { threadNames[thread.int] }
    public func kind(of person: PersonID) -> PersonKind { personKinds[person.int] }
    public func isUser(_ person: PersonID) -> Bool { personKinds[person.int] == .user }
    public func isCustomer(_ person: PersonID) -> Bool { personKinds[person.int] == .customer }
}

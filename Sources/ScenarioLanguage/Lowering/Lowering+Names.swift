import OmniSim

extension Lowering {
    /// A person a declaration or check names: unknown is a file error.
    mutating func knownPerson(_ name: Name) -> PersonID? {
        if let id = personIndex[name.text] { return id }
        if teamIndex[name.text] != nil {
            diagnostics.append(Diagnostic(.teamNotPerson(name.text), at: name.range, about: NameUse(name.text, as: .person)))
            return nil
        }
        var diagnostic = Diagnostic(.unknownPerson(name.text, suggestion: nil), at: name.range, about: NameUse(name.text, as: .person))
        diagnostic.pendingSuggestion = PendingSuggestion(kind: .person, name: name.text)
        diagnostics.append(diagnostic)
        return nil
    }

    /// A person or a team where a thread's members are listed (a declaration or a check).
    mutating func knownMember(_ name: Name) -> Member? {
        if let id = teamIndex[name.text] { return .team(id) }
        return knownPerson(name).map(Member.person)
    }

    /// A thread a check names: it must be an item or a name some event starts or drafts.
    mutating func knownThread(_ name: Name) -> ThreadID? {
        if let id = threadIndex[name.text] { return id }
        if personIndex[name.text] != nil {
            diagnostics.append(Diagnostic(.nameIsPerson(name.text), at: name.range, about: NameUse(name.text, as: .thread)))
            return nil
        }
        if teamIndex[name.text] != nil {
            diagnostics.append(Diagnostic(.nameIsTeam(name.text), at: name.range, about: NameUse(name.text, as: .thread)))
            return nil
        }
        var diagnostic = Diagnostic(.unknownThread(name.text, suggestion: nil), at: name.range, about: NameUse(name.text, as: .thread))
        diagnostic.pendingSuggestion = PendingSuggestion(kind: .thread, name: name.text)
        diagnostics.append(diagnostic)
        return nil
    }
}

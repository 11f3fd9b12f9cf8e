/// What prefetching needs to know of an event still to come: who acts and in which thread, and
/// whether it is a message (whose thread's members will receive it). Plain numbers, worked out by
/// the generator's thread with each event, so that looking ahead copies and retains nothing.
struct UpcomingEvent: Sendable, Equatable {
    /// The person who acts (a person index), or -1.
    var subject: Int32 = -1
    /// The thread viewed or written to (a thread index), or -1.
    var thread: Int32 = -1
    /// A message: the thread's members are its recipients.
    var isMessage = false

    @inline(__always)
    init(subject: Int32, thread: Int32, isMessage: Bool) {
        self.subject = subject
        self.thread = thread
        self.isMessage = isMessage
    }

    @inline(__always)
    init(_ action: borrowing PlannedEvent.Action) {
        switch action {
        case .logIn(.known(let person)), .logOut(.known(let person)), .joinChat(.known(let person)),
             .leaveChat(.known(let person)):
            subject = person.index
        case .view(let person, .known(let thread)):
            if case .known(let id) = person { subject = id.index }
            self.thread = thread.index
        case .write(let person, .known(let thread), _, _), .note(let person, .known(let thread), _):
            if case .known(let id) = person { subject = id.index }
            self.thread = thread.index
            isMessage = true
        case .start(let person, .known(let thread), _, _, _):
            if case .known(let id) = person { subject = id.index }
            self.thread = thread.index
            isMessage = true
        default:
            break
        }
    }
}

/// What prefetching needs to know of an event still to come: who acts and in which thread, and
/// whether it is a message (whose thread's members will receive it). Plain numbers, read from a
/// ``LoadEvent`` in the generator's chunk, so that looking ahead copies and retains nothing.
struct UpcomingEvent: Sendable, Equatable {
    /// The person who acts (a person index), or -1.
    var subject: Int32 = -1
    /// The thread viewed or written to (a thread index), or -1.
    var thread: Int32 = -1
    /// A message: the thread's members are its recipients.
    var isMessage = false
}

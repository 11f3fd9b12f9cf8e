/// Something that happened in a run besides a delivery, as data: what a ``RunObserver`` that wants
/// more than deliveries (``RunObserver/wantsOccurrences``) is told, on the simulation's thread, in
/// run order among the deliveries.
///
///     .called(send)                            // the rules called for a send: it falls due now
///     .viewed(jonas, plan, .opened, seen: 2)   // and made two messages seen
///     .deadlineDecided(message, jonas, .sendEmail)
public enum Occurrence: Sendable, Equatable {
    /// The rules called for `send` (Messenger, push, an email, chat): it falls due now. Its
    /// delivery, if it arrives, follows as a delivery.
    case called(Send)
    /// A user viewed a thread (opened it, read it on mobile, or wrote to it), or (v3) a customer
    /// viewed one in the live chat widget (`.opened`): how many messages it made seen.
    case viewed(PersonID, ThreadID, Journal.ViewKind, seen: Int)
    /// A message's email fallback was decided at its deadline.
    case deadlineDecided(MessageID, PersonID, FallbackDecision)
    /// A scenario event broke a rule and changed nothing.
    case rejected(RejectedEvent)
}

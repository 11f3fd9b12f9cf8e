/// A timer is data in the queue, never a sleeping task.
public enum TimerEvent: Sendable {
    /// A rate window opens on a channel: its waiting sends go out.
    case windowOpens(ChannelKind)
    /// A send in flight arrives (its latency has passed).
    case arrival(Send)
    /// The pause after a failed attempt ends: the send falls due again.
    case retry(Send)
    /// The email-fallback deadline of one message for one user.
    case fallbackDeadline(MessageID, PersonID)
    /// The email-fallback deadline of a message its user saw as it arrived, at posting: decided
    /// `.seen` without asking the user, who keeps nothing of the message (one cache miss fewer per
    /// such deadline; the decision, its instant and its place among the timers are the same).
    case fallbackSeen(MessageID, PersonID)
    /// A batch of fallback emails goes out (v2 `email-batch`), by its id.
    case batchDue(Int)
    /// v3 `view-timeout`: a user's view of a thread ends, unless renewed since (its stamp then differs).
    /// `since`: when the view started or was last renewed (the timeout is the time since).
    case viewEnds(PersonID, ThreadID, stamp: UInt32, since: SimInstant)
}

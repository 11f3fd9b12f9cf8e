/// A person-by-person record of why things happened: every delivery, what was seen and when, the
/// unread count and bubble after each change, push and chat-or-email decisions at posting, and
/// every fallback decision with the rule that made it. Kept only when asked for (`explain`, the
/// HTML timeline), and capped, so that a large run never pays for it by default.
public struct Journal: Sendable {
    /// Whom to record.
    public enum Scope: Sendable, Equatable {
        case person(PersonID)
        case everyone
    }

    /// One thing that happened to (or was done by) one person, as data; the language puts it in words.
    public struct Entry: Sendable, Equatable {
        public var time: SimInstant
        public var person: PersonID
        public var happening: Happening

        public init(time: SimInstant, person: PersonID, happening: Happening) {
            self.time = time
            self.person = person
            self.happening = happening
        }

        /// What kind of mark it makes on a timeline.
        public var kind: Kind { happening.kind }
    }

    /// The kinds of entry, as a timeline draws them.
    public enum Kind: String, Sendable, Equatable {
        case delivery, seen, unread, push, channelChoice = "channel", fallback, view, presence, rejected
        /// Something the person did: started, drafted, sent, wrote, added, closed…
        case action
        /// A send that failed while its channel was down, and its retry.
        case retry
    }

    /// Why a user got a push for a message at posting, or did not.
    public enum PushReason: Sendable, Equatable {
        case pushed, noMobileApp, pushOff, loggedIn
        /// A customer message under `customer-messages none`: nothing notifies.
        case notNotified
    }

    /// How a user came to view a thread.
    public enum ViewKind: Sendable, Equatable {
        /// `views`: opened it in the app.
        case opened
        /// `views … on mobile`: read it on the mobile app.
        case onMobile
        /// Posted in it through the app (writing is viewing).
        case wrote
    }

    /// v3: why a view ended.
    public enum ViewEnd: Sendable, Equatable {
        /// `stops viewing`.
        case stopped
        /// `view-timeout D` passed since the last view of or app post in it, at `since`.
        case timedOut(SimDuration, since: SimInstant)
        /// They may no longer view it (no longer a member, nor seeing every customer thread).
        case lostAccess
        /// v3, a customer's view in the widget: `leaves chat`.
        case leftChat
        /// v3, a customer's view in the widget: they viewed another thread.
        case viewedAnother(ThreadID)
    }

    /// A change of presence.
    public enum PresenceChange: Sendable, Equatable {
        case loggedIn, loggedOut, joinedChat, leftChat
    }

    public enum Happening: Sendable, Equatable {
        /// A message posted to this user: the push decision, and when its fallback is decided (nil:
        /// never, the message notifies nothing).
        case posted(Message, push: PushReason, deadline: SimInstant?)
        /// A message arrived on a channel, `late` after it was due.
        case delivered(Message, ChannelKind, late: SimDuration)
        case bounced(Message, ChannelKind)
        /// A send failed because its channel was down: how many attempts have failed so far (those
        /// sure to fail during a long outage are counted at once), and when it is tried next.
        case attemptFailed(Message, ChannelKind, failures: Int, retryAt: SimInstant)
        /// A Messenger delivery seen at arrival (the user was viewing its thread).
        case seenAtArrival(Message)
        case unseenAtArrival(Message, unread: Int, bubble: Int)
        /// A customer's channel for a message, fixed at posting: chat if in live chat, else email.
        case channelChosen(Message, ChannelKind)
        case fallback(Message, FallbackDecision)
        /// `mention-email now`: the message mentions this user (through `team`, or by name) and
        /// they were not viewing its thread, so it was emailed at once (or, with their email off,
        /// not at all), with no fallback to follow.
        case emailedForMention(Message, team: TeamID?, emailOn: Bool)
        case presence(PresenceChange)
        case viewed(ThreadID, ViewKind, seen: Int, unread: Int, bubble: Int)
        case rejected(String)
        case action(PlannedEvent.Action)
        /// A mention in someone's message made this user a member of the thread (v2).
        case mentioned(by: PersonID, thread: ThreadID)
        /// A message reached this user as a member of its thread only through a team (v2).
        case throughTeam(Message, team: TeamID)
        /// Someone added this user to a team, or removed them from it (v2).
        case teamChanged(TeamID, joined: Bool, by: PersonID)
        /// Leaving a team took this user out of a thread they were in only through it (v2).
        case lostThroughTeam(ThreadID, team: TeamID)
        /// A batch of fallback emails went out (v2): the email carries `carrier` (nil: all were
        /// seen, nothing was sent) and covers `covered` messages; `dropped` were seen meanwhile.
        case batchOut(thread: ThreadID, carrier: Message?, covered: Int, dropped: Int)
        /// v3: this person's view of a thread ended, and why.
        case viewEnded(ThreadID, ViewEnd)
        /// v3: a conversation on an item this person follows (or stopped following) now reaches
        /// them through the item, or no longer does.
        case throughItem(ThreadID, item: ThreadID, joined: Bool)
        /// v3: writing in a customer conversation they saw through `customer-messages all` took it.
        case tookByWriting(ThreadID)
        /// v3 roles: someone else (an admin) changed this person's setting.
        case settingChanged(SettingChange, by: PersonID)
        /// v3 `takes`: the user joined the conversation (`joined`), or was a participant already
        /// and only views it.
        case took(ThreadID, joined: Bool)
        /// v3, a customer with an `email-after` in force: the widget fallback of a message, set for
        /// `deadline` (it reached them by chat), or none (nil: not in the widget, emailed at once).
        case widgetFallback(Message, deadline: SimInstant?, emailAfter: SimDuration)
        /// v3: a customer views a thread in the live chat widget; `seen` chat messages became seen.
        case viewedInWidget(ThreadID, seen: Int)
        /// v3: a chat message seen as it arrived (its customer was viewing its thread in the widget).
        case seenInWidget(Message)
        /// Issue 23: routing gave this agent a waiting chat, which waited `waited`; they had
        /// `openChats` open chats before it (of `capacity`, nil: unlimited).
        case chatAssigned(ThreadID, waited: SimDuration, openChats: Int, capacity: Int?)
        /// Issue 23: this customer's chat waited `customers wait at most D` with nobody taking it:
        /// they leave the widget, and the conversation is no longer a chat.
        case chatAbandoned(ThreadID, waited: SimDuration)
        /// Issue 23 chat loads: this agent closes the chat, its handling time over.
        case chatHandled(ThreadID, after: SimDuration)

        public var kind: Kind {
            switch self {
            case .posted: .push
            case .delivered, .bounced: .delivery
            case .attemptFailed: .retry
            case .seenAtArrival, .seenInWidget: .seen
            case .unseenAtArrival: .unread
            case .channelChosen: .channelChoice
            case .fallback, .batchOut, .emailedForMention, .widgetFallback: .fallback
            case .presence: .presence
            case .viewed: .view
            case .rejected: .rejected
            case .action, .mentioned, .teamChanged, .lostThroughTeam, .throughItem, .tookByWriting, .took, .settingChanged, .chatAssigned,
                 .chatHandled: .action
            case .chatAbandoned: .presence
            case .viewEnded, .viewedInWidget: .view
            case .throughTeam: .push
            }
        }

        /// The channel it concerns, if any.
        public var channel: ChannelKind? {
            switch self {
            case .delivered(_, let channel, _), .bounced(_, let channel), .channelChosen(_, let channel),
                 .attemptFailed(_, let channel, _, _): channel
            case .posted: .push
            case .fallback, .emailedForMention, .widgetFallback: .email
            default: nil
            }
        }
    }

    public let scope: Scope
    public let entryCountMax: Int
    public private(set) var entries: [Entry] = []
    /// Entries not kept because of the cap.
    public private(set) var dropped = 0

    public init(scope: Scope, entryCountMax: Int = 200_000) {
        self.scope = scope
        self.entryCountMax = entryCountMax
    }

    @inline(__always)
    func records(_ person: PersonID) -> Bool {
        switch scope {
        case .everyone: true
        case .person(let id): id == person
        }
    }

    /// Adds `entry` at `index` of ``entries`` (an event's own entry goes before what it caused).
    mutating func insert(_ entry: Entry, at index: Int) {
        guard records(entry.person) else { return }
        guard entries.count < entryCountMax, index <= entries.count else {
            dropped += 1
            return
        }
        entries.insert(entry, at: index)
    }

    mutating func add(_ entry: Entry) {
        guard records(entry.person) else { return }
        guard entries.count < entryCountMax else {
            dropped += 1
            return
        }
        entries.append(entry)
    }
}

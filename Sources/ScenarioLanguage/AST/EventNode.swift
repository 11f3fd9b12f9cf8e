public import OmniSim

/// An event of an `at T` line, with names as written (lowering resolves them).
public enum EventNode: Sendable {
    case logIn(Name)
    case logOut(Name)
    case joinChat(Name)
    case leaveChat(Name)
    case view(Name, thread: Name)
    /// `views THREAD on mobile` (v2).
    case viewOnMobile(Name, thread: Name)
    /// `on`: v3, the item the conversation is attached to.
    case start(author: Name, thread: Name, isCustomer: Bool, with: [Name], on: Name?, text: String)
    case draft(author: Name, thread: Name, isCustomer: Bool, with: [Name], on: Name?)
    case send(author: Name, thread: Name, text: String)
    case cancel(author: Name, thread: Name)
    case write(author: Name, thread: Name, text: String, route: PlannedEvent.Route)
    case note(author: Name, thread: Name, text: String)
    case add(by: Name, people: [Name], thread: Name)
    case remove(by: Name, people: [Name], thread: Name)
    /// `adds NAMES to team TEAM` (v2).
    case joinTeam(by: Name, people: [Name], team: Name)
    /// `removes NAMES from team TEAM` (v2).
    case leaveTeam(by: Name, people: [Name], team: Name)
    case follow(Name, thread: Name)
    case unfollow(Name, thread: Name)
    case close(Name, thread: Name)
    case reopen(Name, thread: Name)
    case setting(Name?, SettingChange)
    case mobile([Name])
    case channel(ChannelKind, ChannelChange)
    case channelBounce(ChannelKind, Name)
    /// v3 `stops viewing THREAD`.
    case stopViewing(Name, thread: Name)
    /// v3 `takes THREAD`.
    case take(Name, thread: Name)
    /// v3 `links CONVERSATION to ITEM`.
    case link(by: Name, thread: Name, item: Name)
    /// v3 `A sets B|everyone|customers SETTING`.
    case sets(by: Name, target: SetTarget, SettingChange)
    /// v3 `set customers SETTING`.
    case customersSetting(SettingChange)
    /// Issue 23 `chat routing R`.
    case chatRouting(ChatRouting)
    /// Issue 23 `customers wait at most D | forever`.
    case customerPatience(SimDuration?)
}

/// Whose setting a `sets` event changes, as written.
public enum SetTarget: Sendable {
    case person(Name)
    case everyone
    case customers
}

/// A check of an `expect` line, with names as written.
public enum CheckNode: Sendable {
    case delivery(count: DeliveryCheck.Count, channel: ChannelKind, to: Name?, text: String?, window: DeliveryCheck.Window?)
    case bubble(Name, Int)
    case unread(Name, Int)
    /// v3: `NAME bubble|unread at least|at most N`.
    case bubbleBound(Name, PlannedCheck.Bound)
    case unreadBound(Name, PlannedCheck.Bound)
    case inbox(Name, InboxView, thread: Name, lists: Bool)
    case canSee(Name, thread: Name, Bool)
    /// v3 `NAME sees "text"` / `NAME cannot see "text"`.
    case seesText(Name, text: String, Bool)
    case participants(thread: Name, [Name])
    case error(String)
    case backlog(ChannelKind, Int)
    case pending(ChannelKind, Int)
    case delayAtMost(ChannelKind, SimDuration)
    /// v2 capacity checks.
    case backlogBound(ChannelKind, PlannedCheck.Bound)
    case delayPercentile(ChannelKind, percent: Int, atMost: SimDuration)
    case perPerson(ChannelKind, kind: PersonKind?, max: Int, per: SimDuration?)
    /// Issue 23: `chat wait p50|p95|p99|max at most D` (percent nil: max).
    case chatWait(percent: Int?, atMost: SimDuration)
    /// Issue 23: `chats waiting at most|at least N`, `chats waiting N`.
    case chatsWaiting(DeliveryCheck.Count)
    /// Issue 23: `at most N chats abandoned` (`no chats abandoned`: at most 0).
    case chatsAbandoned(DeliveryCheck.Count)
    /// Issue 23: `NAME handles at most N chats [per D]`.
    case chatsHandled(Name, atMost: Int, per: SimDuration?)
}

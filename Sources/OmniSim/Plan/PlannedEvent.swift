/// One `at T EVENT` line, ready for the engine.
public struct PlannedEvent: Sendable, Equatable {
    public var time: SimInstant
    public var action: Action
    /// The event's index in the plan's source order, so a rejection can be traced back to its line.
    public var sourceIndex: Int
    /// For a user's message: the users and teams its text mentions (`@name`, contract v2), in order;
    /// a team stands for its members at posting.
    public var mentions: [Member]

    public init(time: SimInstant, action: Action, sourceIndex: Int, mentions: [Member] = []) {
        self.time = time
        self.action = action
        self.sourceIndex = sourceIndex
        self.mentions = mentions
    }

    /// How a message reaches its thread.
    public enum Route: Sendable, Equatable {
        /// Written in the app (`writes to`).
        case app
        /// A reply to a notification email (`emails`).
        case email
    }

    /// What happens.
    public enum Action: Sendable, Equatable {
        /// The person who does it, if a person does (not for `set everyone` or `channel` lines).
        public var subject: PersonRef? {
            switch self {
            case .logIn(let p), .logOut(let p), .joinChat(let p), .leaveChat(let p), .view(let p, _), .viewOnMobile(let p, _),
                 .mobile(let p),
                 .follow(let p, _), .unfollow(let p, _), .close(let p, _), .reopen(let p, _):
                return p
            case .stopViewing(let p, _), .take(let p, _), .link(let p, _, _), .settingBy(let p, _, _):
                return p
            case .start(let p, _, _, _, _, _), .draft(let p, _, _, _, _), .send(let p, _, _), .cancel(let p, _),
                 .write(let p, _, _, _), .note(let p, _, _), .add(let p, _, _), .remove(let p, _, _),
                 .joinTeam(let p, _, _), .leaveTeam(let p, _, _):
                return p
            case .setting(let p, _): return p
            case .channel, .customersSetting, .chatRouting, .customerPatience: return nil
            }
        }

        case logIn(PersonRef)
        case logOut(PersonRef)
        case joinChat(PersonRef)
        case leaveChat(PersonRef)
        case view(PersonRef, ThreadRef)
        /// Reads a thread on the mobile app: its arrived messages are seen now; no log-in, no lasting view.
        case viewOnMobile(PersonRef, ThreadRef)
        /// `on`: v3, the item the conversation is attached to.
        /// Boxed (as `draft` and `settingBy`): the largest payloads, which would size every action
        /// (a step of the agenda copies one), and a run has far fewer of them than of messages.
        indirect case start(author: PersonRef, thread: ThreadRef, isCustomer: Bool, with: [PersonRef], on: ThreadRef?, text: String)
        indirect case draft(author: PersonRef, thread: ThreadRef, isCustomer: Bool, with: [PersonRef], on: ThreadRef?)
        case send(author: PersonRef, thread: ThreadRef, text: String)
        case cancel(author: PersonRef, thread: ThreadRef)
        case write(author: PersonRef, thread: ThreadRef, text: String, route: Route)
        case note(author: PersonRef, thread: ThreadRef, text: String)
        case add(by: PersonRef, people: [PersonRef], thread: ThreadRef)
        case remove(by: PersonRef, people: [PersonRef], thread: ThreadRef)
        /// `adds dan to team support` (v2).
        case joinTeam(by: PersonRef, people: [PersonRef], team: TeamRef)
        /// `removes dan from team support` (v2).
        case leaveTeam(by: PersonRef, people: [PersonRef], team: TeamRef)
        case follow(PersonRef, ThreadRef)
        case unfollow(PersonRef, ThreadRef)
        case close(PersonRef, ThreadRef)
        case reopen(PersonRef, ThreadRef)
        /// `set NAME …` (nil person: `set everyone …`).
        case setting(PersonRef?, SettingChange)
        case mobile(PersonRef)
        case channel(ChannelKind, ChannelChange)
        /// v3 `stops viewing THREAD`: the person left the thread's screen.
        case stopViewing(PersonRef, ThreadRef)
        /// v3 `takes THREAD`: a user becomes a participant of a customer conversation.
        case take(PersonRef, ThreadRef)
        /// v3 `links CONVERSATION to ITEM`.
        case link(by: PersonRef, thread: ThreadRef, item: ThreadRef)
        /// v3 `A sets B|everyone|customers SETTING`: a setting changed by someone (roles).
        indirect case settingBy(by: PersonRef, target: SettingTarget, change: SettingChange)
        /// v3 `set customers …`: every customer's default.
        case customersSetting(SettingChange)
        /// Issue 23 `chat routing R`.
        case chatRouting(ChatRouting)
        /// Issue 23 `customers wait at most D` (nil: `forever`).
        case customerPatience(SimDuration?)
    }

    /// Whose setting a `sets` event changes.
    public enum SettingTarget: Sendable, Equatable {
        case person(PersonRef)
        case everyone
        case customers
    }
}

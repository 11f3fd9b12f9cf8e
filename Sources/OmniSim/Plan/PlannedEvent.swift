/// One `at T EVENT` line, ready for the engine.
public struct PlannedEvent: Sendable, Equatable {
    public var time: SimInstant
    public var action: Action
    /// The event's index in the plan's source order, so a rejection can be traced back to its line.
    public var sourceIndex: Int

    public init(time: SimInstant, action: Action, sourceIndex: Int) {
        self.time = time
        self.action = action
        self.sourceIndex = sourceIndex
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
        case logIn(PersonRef)
        case logOut(PersonRef)
        case joinChat(PersonRef)
        case leaveChat(PersonRef)
        case view(PersonRef, ThreadRef)
        case start(author: PersonRef, thread: ThreadRef, isCustomer: Bool, with: [PersonRef], text: String)
        case draft(author: PersonRef, thread: ThreadRef, isCustomer: Bool, with: [PersonRef])
        case send(author: PersonRef, thread: ThreadRef, text: String)
        case cancel(author: PersonRef, thread: ThreadRef)
        case write(author: PersonRef, thread: ThreadRef, text: String, route: Route)
        case note(author: PersonRef, thread: ThreadRef, text: String)
        case add(by: PersonRef, people: [PersonRef], thread: ThreadRef)
        case remove(by: PersonRef, people: [PersonRef], thread: ThreadRef)
        case follow(PersonRef, ThreadRef)
        case unfollow(PersonRef, ThreadRef)
        case close(PersonRef, ThreadRef)
        case reopen(PersonRef, ThreadRef)
        /// `set NAME …` (nil person: `set everyone …`).
        case setting(PersonRef?, SettingChange)
        case mobile(PersonRef)
        case channel(ChannelKind, ChannelChange)
    }
}

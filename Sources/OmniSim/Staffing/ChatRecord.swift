/// One chat as a ``ChatDesk`` keeps it.
struct ChatRecord: Sendable {
    let thread: ThreadID
    let start: SimInstant
    var status = ChatStatus.waiting
    /// Agents who took it or were assigned it and remain, in that order: it is open for each of
    /// them while not ``closed``.
    var holders: [Int32] = []
    var closed = false
    var firstTake: SimInstant?
    var firstReply: SimInstant?

    init(thread: ThreadID, start: SimInstant) {
        self.thread = thread
        self.start = start
    }

    var snapshot: ChatSnapshot {
        ChatSnapshot(
            start: start, status: status, wait: firstTake.map { $0 - start }, firstReply: firstReply.map { $0 - start },
            holders: holders.map(Int.init), closed: closed)
    }
}

/// Where a chat stands.
public enum ChatStatus: Sendable, Equatable {
    /// In the queue.
    case waiting
    /// Taken or assigned at least once.
    case taken
    /// Closed while waiting: out of the queue, neither taken nor abandoned (a take may still come).
    case withdrawn
    /// Waited `customers wait at most` without a take: no longer a chat.
    case abandoned
}

/// A chat as seen from outside the desk (for tests, checks and the engine's own questions).
public struct ChatSnapshot: Sendable, Equatable {
    public var start: SimInstant
    public var status: ChatStatus
    /// Start to the first take or assignment; nil before one.
    public var wait: SimDuration?
    /// Start to the first user message before any abandonment; nil before one.
    public var firstReply: SimDuration?
    /// The agents holding it, in the order they took it or were assigned it.
    public var holders: [Int]
    public var closed: Bool
}

/// What ``ChatDesk/take(_:by:at:)`` did.
public enum ChatTake: Sendable, Equatable {
    /// The thread is not a chat (never one, or abandoned): the take is the plain v3 take.
    case notAChat
    /// The agent already holds it: nothing changes (a participant taking again only views).
    case alreadyHolding
    /// Now open for the agent; `first` when it ended the chat's wait.
    case taken(first: Bool)
    /// Over capacity: nothing changed, and the event is rejected.
    case refused(ChatCapacityRefusal)
}

/// Why a take was refused: it would put the agent over `chat-capacity`.
public struct ChatCapacityRefusal: Error, Sendable, Equatable {
    /// The agent's open chats at the take.
    public var openChats: Int
    public var capacity: Int

    /// The rule's words for `agent` (a user's name): "ana has 1 open chats (chat-capacity 1)",
    /// the contract's "… has N open chats (chat-capacity C)" as it reads.
    public func message(agent: String) -> String {
        "\(agent) has \(openChats) open chats (chat-capacity \(capacity))"
    }
}

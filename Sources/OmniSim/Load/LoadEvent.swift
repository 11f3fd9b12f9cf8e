/// One event of a `load` line as its generator hands it over: plain numbers, 32 bytes, nothing
/// reference counted. The events go from the generator's thread to the simulation's by the million,
/// so their size is cache lines moved between cores (a ``PlannedEvent/Action`` with its time took
/// 96 bytes), and a copy of one is a copy of bytes, never a retain. ``LoadConversations/action(of:)``
/// makes the action it stands for, when the run takes it.
struct LoadEvent: Sendable {
    enum Kind: UInt8, Sendable {
        case logIn, logOut, joinChat, leaveChat, view, start, write
    }

    /// The instant, in milliseconds.
    var time: Int64
    /// The person who acts (a person index).
    var subject: Int32
    /// The thread viewed, started or written to (a thread index), or -1.
    var thread: Int32 = -1
    /// A message's draw index among the load's messages: its text is `msg <number + 1>`.
    var number: Int32 = 0
    /// A start's conversation, whose members ``LoadConversations`` holds.
    var conversation: Int32 = 0
    var kind: Kind
    /// A write that comes in by email (a customer's reply while out of chat).
    var byEmail = false

    /// What prefetching needs of it.
    @inline(__always)
    var upcoming: UpcomingEvent {
        UpcomingEvent(subject: subject, thread: thread, isMessage: kind == .start || kind == .write)
    }
}

/// A load's conversations, fixed once the generator has drawn them: who is in each (the author of
/// its first message first) and whether it is a customer conversation. Shared, never changed, by
/// the generator's thread and the simulation's.
struct LoadConversations: Sendable {
    /// Conversation i is `members[memberStart[i]..<memberStart[i+1]]`.
    var members: [PersonID] = []
    var memberStart: [Int32] = [0]
    var isCustomer: [Bool] = []

    /// The people of conversation `index`, the first author first.
    func people(of index: Int) -> ArraySlice<PersonID> {
        members[Int(memberStart[index])..<Int(memberStart[index + 1])]
    }

    /// The scenario action `event` stands for.
    func action(of event: LoadEvent) -> PlannedEvent.Action {
        let subject = PersonRef.known(PersonID(Int(event.subject)))
        switch event.kind {
        case .logIn: return .logIn(subject)
        case .logOut: return .logOut(subject)
        case .joinChat: return .joinChat(subject)
        case .leaveChat: return .leaveChat(subject)
        case .view: return .view(subject, .known(ThreadID(Int(event.thread))))
        case .start:
            let conversation = Int(event.conversation)
            return .start(
                author: subject, thread: .known(ThreadID(Int(event.thread))), isCustomer: isCustomer[conversation],
                with: people(of: conversation).dropFirst().map(PersonRef.known), on: nil, text: Self.text(event.number))
        case .write:
            return .write(
                author: subject, thread: .known(ThreadID(Int(event.thread))), text: Self.text(event.number),
                route: event.byEmail ? .email : .app)
        }
    }

    /// A generated message's text, `msg <number + 1>`: its bytes written straight into a small
    /// (inline) string, at most 14 of them (formatting the number and concatenating took two
    /// strings and a generic conversion per message, on the simulation thread). No heap buffer:
    /// copies of it retain nothing.
    static func text(_ number: Int32) -> String {
        precondition(number >= 0, "a message's draw index is never negative")
        var value = UInt32(number) + 1
        var digits = 1
        var scale: UInt32 = 10
        while digits < 10 && value >= scale {
            digits += 1
            scale &*= 10
        }
        return String(unsafeUninitializedCapacity: 4 + digits) { bytes in
            bytes[0] = UInt8(ascii: "m")
            bytes[1] = UInt8(ascii: "s")
            bytes[2] = UInt8(ascii: "g")
            bytes[3] = UInt8(ascii: " ")
            for position in stride(from: 3 + digits, through: 4, by: -1) {
                bytes[position] = UInt8(ascii: "0") + UInt8(value % 10)
                value /= 10
            }
            return 4 + digits
        }
    }
}

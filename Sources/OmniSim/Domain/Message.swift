/// A message posted in a thread.
public struct Message: Sendable, Equatable {
    public var thread: ThreadID
    /// The message's 1-based number in its thread.
    public var number: Int32
    public var author: PersonID
    public var text: String
    /// An internal note on an item: delivered to internal followers only.
    public var isNote: Bool

    public init(thread: ThreadID, number: Int32, author: PersonID, text: String, isNote: Bool) {
        self.thread = thread
        self.number = number
        self.author = author
        self.text = text
        self.isNote = isNote
    }
}

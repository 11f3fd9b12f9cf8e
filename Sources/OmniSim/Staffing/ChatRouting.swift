/// `chat routing broadcast|first-free|least-busy` (issue 23): how waiting chats reach agents.
public enum ChatRouting: Sendable, Equatable, CaseIterable {
    /// Every agent may take any waiting chat; nothing is assigned (the default).
    case broadcast
    /// The oldest waiting chat goes to the free agent free the longest (ties: declaration order).
    case firstFree
    /// The oldest waiting chat goes to the free agent with the fewest open chats (ties: free the
    /// longest, then declaration order).
    case leastBusy

    /// The word the language writes.
    public var name: String {
        switch self {
        case .broadcast: "broadcast"
        case .firstFree: "first-free"
        case .leastBusy: "least-busy"
        }
    }
}

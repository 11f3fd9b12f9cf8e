/// A person of the scenario (user or customer): an index into the plan's people.
public struct PersonID: Hashable, Comparable, Sendable {
    public var index: Int32
    public init(_ index: Int) { self.index = Int32(index) }
    public var int: Int { Int(index) }
    public static func < (a: Self, b: Self) -> Bool { a.index < b.index }
}

/// A thread slot of the scenario (an item, or a name some event starts or drafts a conversation under).
public struct ThreadID: Hashable, Comparable, Sendable {
    public var index: Int32
    public init(_ index: Int) { self.index = Int32(index) }
    public var int: Int { Int(index) }
    public static func < (a: Self, b: Self) -> Bool { a.index < b.index }
}

/// A message posted during a run, numbered in posting order over the whole run.
public struct MessageID: Hashable, Comparable, Sendable {
    public var index: Int32
    public init(_ index: Int) { self.index = Int32(index) }
    public var int: Int { Int(index) }
    public static func < (a: Self, b: Self) -> Bool { a.index < b.index }
}

/// Whether a person is an internal team member or an external customer.
public enum PersonKind: Sendable, Equatable {
    case user
    case customer
}

/// A team of users (contract v2): an index into the plan's teams.
public struct TeamID: Hashable, Comparable, Sendable {
    public var index: Int32
    public init(_ index: Int) { self.index = Int32(index) }
    public var int: Int { Int(index) }
    public static func < (a: Self, b: Self) -> Bool { a.index < b.index }
}

/// One entry of a thread's membership list: a person, or a team that stands for its members at
/// every moment that asks (contract v2, "Teams").
public enum Member: Hashable, Sendable {
    case person(PersonID)
    case team(TeamID)
}

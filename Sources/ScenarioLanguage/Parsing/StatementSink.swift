/// Where the parser hands each statement as soon as its line is parsed: a list (``StatementList``,
/// for a ``ScenarioAST``) or ``Lowering``, which lowers each as it comes so that a file of a million
/// events never holds a million statements besides the plan.
protocol StatementSink {
    mutating func take(_ statement: Statement)
}

/// Keeps every statement, in file order.
struct StatementList: StatementSink {
    var statements: [Statement] = []

    mutating func take(_ statement: Statement) { statements.append(statement) }
}

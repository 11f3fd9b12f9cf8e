import Foundation
import OmniSim
import OmniSimRunner
public import ScenarioLanguage

/// What the server knows of one version of a document: the diagnostics `omnisim check` gives for
/// that text (the same entry points: the file's decoding and limits, then ``ScenarioCompiler``),
/// its statements as parsed (lines with errors left out), and the names it declares.
public struct DocumentAnalysis: Sendable {
    public let file: SourceFile
    /// Exactly `omnisim check`'s diagnostics, in its order (at most the 50 it shows): the file's
    /// errors, or when it compiles, the events a run would certainly reject
    /// (``ScenarioCompiler/certainRejections(in:)``).
    public let diagnostics: [Diagnostic]
    /// Diagnostics the compiler found past those it keeps.
    public let omittedCount: Int
    /// Why the text is refused as a whole (too large, too many lines), as `check` says it.
    public let refusal: String?
    public let statements: [Statement]
    /// Every declaration, in file order (a conversation: where it is first started or drafted).
    public let declarations: [Declaration]
    /// The first declaration of each name, by index into ``declarations`` (looked up, never iterated).
    private let firstDeclaration: [String: Int]

    public init(text: String, name: String) {
        var file = SourceFile(path: name, text: text)
        var diagnostics: [Diagnostic] = [], omitted = 0
        var refusal: String?
        if text.utf8.count > ScenarioFiles.fileSizeMax {
            refusal = "\(Quoting.quoted(name)) is over \(text.utf8.count >> 20) MiB; scenario files are limited to \(ScenarioFiles.fileSizeMax >> 20) MiB (use a 'load' line for large workloads)"
        } else {
            do {
                file = try SourceFile.decode(Array(text.utf8), name: name)
                do throws(ScenarioFileError) {
                    // As `check`: a file that compiles may still hold events a run certainly rejects.
                    let certain = ScenarioCompiler.certainRejections(in: try ScenarioCompiler.compile(file))
                    diagnostics = Array(certain.prefix(DiagnosticRenderer.diagnosticsShownMax))
                    omitted = certain.count - diagnostics.count
                } catch {
                    diagnostics = error.diagnostics
                    omitted = error.omittedCount
                }
            } catch let error as ScenarioFileError {
                diagnostics = error.diagnostics
            } catch {
                refusal = "\(error)"
            }
        }
        self.file = file
        self.diagnostics = diagnostics
        self.omittedCount = omitted
        self.refusal = refusal
        statements = refusal == nil ? Parser.parse(file).0.statements : []
        declarations = Self.declarations(in: statements)
        var first: [String: Int] = [:]
        for (index, declaration) in declarations.enumerated() where first[declaration.name] == nil {
            first[declaration.name] = index
        }
        firstDeclaration = first
    }

    /// The declaration of `name` (a leading `@` ignored): its own, or the load that makes it.
    public func declaration(of name: String) -> Declaration? {
        let name = name.hasPrefix("@") ? String(name.dropFirst()) : name
        if let index = firstDeclaration[name] { return declarations[index] }
        return declarations.first { $0.kind == .load && Self.load($0, makes: name) }
    }

    /// The statement on 1-based `line`, if that line parsed as one.
    public func statement(onLine line: Int) -> Statement? {
        var low = 0, high = statements.count
        while low < high {
            let middle = (low + high) / 2
            if statements[middle].range.start.line < line { low = middle + 1 } else { high = middle }
        }
        return low < statements.count && statements[low].range.start.line == line ? statements[low] : nil
    }

    /// The declarations of these kinds, in file order.
    func declarations(_ kinds: Set<Declaration.Kind>) -> [Declaration] {
        declarations.filter { kinds.contains($0.kind) }
    }

    /// Whether `load` makes `name`: `u1`, `k2`, `c3` (after `NAME.` for a named load).
    private static func load(_ load: Declaration, makes name: String) -> Bool {
        guard let prefix = load.loadPrefix, name.hasPrefix(prefix) else { return false }
        let rest = name.dropFirst(prefix.count)
        guard let letter = rest.first, "ukc".contains(letter) else { return false }
        let digits = rest.dropFirst()
        return !digits.isEmpty && digits.allSatisfy { $0.isASCII && $0.isNumber }
    }

    private static func declarations(in statements: [Statement]) -> [Declaration] {
        var found: [Declaration] = []
        for statement in statements {
            switch statement.kind {
            case .people(let kind, let names):
                found += names.map { Declaration(kind: kind == .user ? .user : .customer, name: $0.text, range: $0.range) }
            case .team(let name, _):
                found.append(Declaration(kind: .team, name: name.text, range: name.range))
            case .item(let kind, let name, _, _):
                let itemKind = Declaration.Kind(rawValue: kind.rawValue) ?? .ticket
                found.append(Declaration(kind: itemKind, name: name.text, range: name.range))
            case .event(_, .start(_, let thread, let isCustomer, _, _, _)), .event(_, .draft(_, let thread, let isCustomer, _, _)):
                found.append(Declaration(kind: isCustomer ? .customerConversation : .conversation, name: thread.text, range: thread.range))
            case .load(let node):
                let name = node.name?.text ?? "load"
                let range = node.name?.range ?? SourceRange(start: statement.range.start, end: SourceLocation(
                    line: statement.range.start.line, column: statement.range.start.column + 4))
                found.append(Declaration(kind: .load, name: name, range: range, loadPrefix: node.name.map { "\($0.text)." } ?? ""))
            default:
                break
            }
        }
        return found
    }
}

import Foundation

/// An open document and the analysis of its current version, made when first asked for.
struct OpenDocument: Sendable {
    private(set) var text: TextDocument
    private var analysed: (version: Int, analysis: DocumentAnalysis)?

    init(_ text: TextDocument) { self.text = text }

    mutating func apply(_ newText: String, in range: TextRange?, version: Int) {
        text.apply(newText, in: range, version: version)
        analysed = nil
    }

    mutating func analysis() -> DocumentAnalysis {
        if let analysed, analysed.version == text.version { return analysed.analysis }
        let analysis = DocumentAnalysis(text: text.text, name: Self.name(of: text.uri))
        analysed = (text.version, analysis)
        return analysis
    }

    /// The file name a URI ends with (`file:///a/b%20c.scenario` → `b c.scenario`), for messages.
    static func name(of uri: String) -> String {
        let last = uri.split(separator: "/").last.map(String.init) ?? uri
        return last.removingPercentEncoding ?? last
    }
}

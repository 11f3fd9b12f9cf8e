/// Suggestions for misspelt words ("did you mean …?"), by edit distance.
public enum EditDistance {
    /// The optimal string alignment distance of `a` and `b` (single-character insertions,
    /// deletions, substitutions and swaps of two neighbours: `emial` is 1 from `email`) when it is
    /// at most `limit`, else nil; stops as soon as every cell of a row is past the limit, so a far
    /// candidate costs a row or two.
    static func between(_ a: [UInt8], _ b: [UInt8], limit: Int) -> Int? {
        if abs(a.count - b.count) > limit { return nil }
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMin = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var d = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { d = min(d, previous2[j - 2] + 1) }
                current[j] = d
                rowMin = min(rowMin, d)
            }
            if rowMin > limit { return nil }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[b.count] <= limit ? previous[b.count] : nil
    }

    /// How far a word may be from a candidate to be suggested: a third of its length, 1 to 3 edits.
    static func limit(for word: String) -> Int { min(3, max(1, word.count / 3)) }

    /// The candidate closest to `word`, if it is close enough to be a likely typo: at most a third
    /// of the word's length away (and at least one edit, at most three). Ties go to the earlier candidate.
    public static func suggestion(for word: String, among candidates: some Sequence<String>) -> String? {
        SuggestionIndex(candidates).suggestion(for: word)
    }
}

/// Candidates for "did you mean", grouped by length, so that a search looks only at names of about
/// the word's length, and at most ``examinedMax`` of them: a search takes bounded time whatever
/// the number of names (a `load` line declares millions).
struct SuggestionIndex {
    /// The most candidates one search compares with the word.
    static let examinedMax = 20_000

    /// By lowercased UTF-8 length: (declaration order, lowercased bytes, the name).
    private var byLength: [Int: [(order: Int, bytes: [UInt8], name: String)]] = [:]

    init(_ candidates: some Sequence<String>) {
        for (order, name) in candidates.enumerated() {
            let bytes = Array(name.lowercased().utf8)
            byLength[bytes.count, default: []].append((order, bytes, name))
        }
    }

    func suggestion(for word: String) -> String? { search(for: word).suggestion }

    /// The suggestion for `word`, and how many candidates the search compared it with.
    func search(for word: String) -> (suggestion: String?, examined: Int) {
        let bytes = Array(word.lowercased().utf8)
        let limit = EditDistance.limit(for: word)
        var best: (distance: Int, order: Int, name: String)?
        var examined = 0
        // Nearest lengths first, so the cap keeps the likeliest candidates.
        for delta in [0, -1, 1, -2, 2, -3, 3] where abs(delta) <= limit {
            guard let bucket = byLength[bytes.count + delta] else { continue }
            for candidate in bucket where candidate.name != word {
                if examined >= Self.examinedMax { break }
                examined += 1
                guard let distance = EditDistance.between(bytes, candidate.bytes, limit: best.map { min(limit, $0.distance) } ?? limit)
                else { continue }
                if best.map({ (distance, candidate.order) < ($0.distance, $0.order) }) ?? true {
                    best = (distance, candidate.order, candidate.name)
                }
            }
        }
        return (best?.name, examined)
    }
}

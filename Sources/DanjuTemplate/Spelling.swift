/// The name a misspelling most likely meant, for errors that answer `ordr` with `order`.
public enum Spelling {
    /// The name among `names` fewest edits from `word` (a letter added, dropped or changed, two neighbours swapped;
    /// case ignored), if it is close enough to be the one meant: at most two edits, and fewer than its length.
    public static func nearest(to word: String, among names: some Sequence<String>) -> String? {
        let scored = names.map { ($0, distance(word.lowercased(), $0.lowercased())) }
        guard let (name, edits) = scored.min(by: { $0.1 < $1.1 }), edits <= 2, edits < name.count else { return nil }
        return name
    }

    /// Optimal string alignment distance: Levenshtein's, with a swap of two neighbours counted as one edit.
    public static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty, !b.isEmpty else { return max(a.count, b.count) }
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
                }
            }
        }
        return table[a.count][b.count]
    }
}

extension Database {
    /// Makes `sql` readable as the view `name` on this connection only (see `writingTemporarySchema`).
    public func defineView(_ name: String, as sql: String) throws {
        try writingTemporarySchema { try execute("CREATE TEMP VIEW \(name) AS \(sql)") }
    }

    /// Stores the rows of `sql` (bound to `parameters`) as the temporary table `name`, which later statements
    /// read like any table until `dropTemporaryTable`. A document whose queries derive from one costly result
    /// computes it once this way; the table's columns keep the values' types.
    public func createTemporaryTable(_ name: String, as sql: String, parameters: [String: SQLValue]) throws {
        try writingTemporarySchema {
            let statement = try prepare("CREATE TEMP TABLE \(Self.quoted(name)) AS \(sql)")
            try statement.bind(parameters.filter { statement.parameterNames.contains($0.key) })
            _ = try statement.step()
        }
    }

    public func dropTemporaryTable(_ name: String) throws {
        try writingTemporarySchema { try execute("DROP TABLE temp.\(Self.quoted(name))") }
    }

    /// Runs `body`, which changes only the connection's own temporary schema: that lives apart from the shop's
    /// file, so the file is not touched even when it is open read-only (SQLITE_OPEN_READONLY). `query_only`
    /// would refuse the change, so it is lifted for `body` alone.
    private func writingTemporarySchema(_ body: () throws -> Void) throws {
        let queryOnly = try rows("PRAGMA query_only").first?.values.first?.integer == 1
        if queryOnly { try execute("PRAGMA query_only = OFF") }
        let done = Result { try body() }
        if queryOnly { try execute("PRAGMA query_only = ON") }
        try done.get()
    }

    private static func quoted(_ name: String) -> String { "\"" + name.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\"" }
}

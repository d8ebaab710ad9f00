extension Database {
    /// Makes `sql` readable as the view `name` on this connection only: a TEMP view lives in the connection's
    /// own temporary schema, so the shop's file is not touched, even when it is open read-only
    /// (SQLITE_OPEN_READONLY). `query_only` would refuse the CREATE, so it is lifted for that statement alone.
    public func defineView(_ name: String, as sql: String) throws {
        let queryOnly = try rows("PRAGMA query_only").first?.values.first?.integer == 1
        if queryOnly { try execute("PRAGMA query_only = OFF") }
        let created = Result { try execute("CREATE TEMP VIEW \(name) AS \(sql)") }
        if queryOnly { try execute("PRAGMA query_only = ON") }
        try created.get()
    }
}

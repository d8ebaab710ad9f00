import DanjuDatabase

/// danju's version, printed by `danju --version` and written nowhere else. Bump it in the commit that makes a
/// release, then tag that commit `v` + the number: the minor number when a command, option, template key or
/// exit status is added, the major when one changes its meaning, the patch for fixes alone. The schema version
/// beside it is the shop database's (`Schema.version`), which moves with its migrations, not with this number.
enum Version {
    static let number = "0.2.0"

    static var description: String { "danju \(number) (shop database schema \(Schema.version))" }
}

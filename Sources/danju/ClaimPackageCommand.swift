import ArgumentParser
import DanjuDocuments
import Foundation

struct ClaimPackageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "package",
        abstract: "Writes one manufacturer's monthly warranty claim package (保修索赔申报) as one PDF.")

    @Option(help: "The manufacturer: its code, full name or short name (e.g. SANY).")
    var maker: String

    @Option(help: "The month the claims are booked in, YYYY-MM.")
    var month: String

    @Option(help: "The shop database (opened read-only).")
    var db: String

    @Option(name: .shortAndLong, help: "Output PDF, or - for standard output.")
    var output: String

    @Flag(help: "Print missing or unreadable photos as marked placeholders instead of failing.")
    var draft = false

    @OptionGroup var fit: FitOptions

    func validate() throws {
        let parts = month.split(separator: "-")
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2, let number = Int(parts[1]), (1...12).contains(number),
              Int(parts[0]) != nil else { throw ValidationError("--month expects YYYY-MM, got “\(month)”") }
    }

    func run() throws {
        Interruption.removeUnfinishedFiles()
        do {
            let start = Date()
            let paths = try ProjectPaths.locate()
            try RunInputs(paths: paths, database: db).check(output: output)
            let package = ClaimPackage(paths: paths, database: db, policy: fit.policy, draft: draft)
            let summary = try package.write(maker: maker, month: month, to: output)
            let declined = summary.declined == 0 ? "" : " (\(summary.declined) out of warranty, listed as 不申请)"
            FileHandle.standardError.write(Data("danju: \(summary.claims) claims\(declined), \(summary.pages) pages into \(output) in \(String(format: "%.2f", Date().timeIntervalSince(start))) s\n".utf8))
        } catch { throw fail(error) }
    }
}

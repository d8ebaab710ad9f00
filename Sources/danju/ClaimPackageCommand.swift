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

    @OptionGroup var database: DatabaseOption

    @Option(name: .shortAndLong, help: "Output PDF, or - for standard output.", completion: .file(extensions: ["pdf"]))
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
        let paths = try ProjectPaths.locate()
        let database = try database.choice(paths)
        let progress = ProgressLine("package", unit: "reports")
        defer { progress.finish() }
        let summary = try database.reading {
            try RunInputs(paths: paths, database: database.path).check(output: output)
            _ = try OutputName.format(of: output, asked: nil, command: "package", writes: [.pdf])
            let package = ClaimPackage(paths: paths, database: database.path, policy: fit.policy, draft: draft) { done, total in
                progress.update(done, of: total)
            }
            return try package.write(maker: maker, month: month, to: output)
        }
        progress.finish()
        let declined = summary.declined == 0 ? "" : " (\(summary.declined) out of warranty, listed as 不申请)"
        let target = output == OutputName.standardOutput ? "standard output" : output
        summarize("\(summary.claims) claims\(declined), \(summary.pages) pages into \(target) in \(progress.elapsed)")
    }
}

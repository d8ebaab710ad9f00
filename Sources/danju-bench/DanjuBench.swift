import ArgumentParser

/// The workshop's measuring commands, kept out of the shop's `danju`: the bench scripts run them on a release build.
@main
struct DanjuBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "danju-bench", abstract: "Measurements behind bench/ (see bench/README.md).",
        subcommands: [FlowchartFigures.self])
}

import ArgumentParser
import DanjuDocuments
import DanjuFlowchart
import DanjuTemplate
import Foundation

/// For bench/flowchart: the warm time to draw a process chart (bind, lay out, render, write) and the
/// figures of the chart as printed.
struct FlowchartFigures: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "flowchart-figures", abstract: "Times drawing process charts and prints their crossings and edge length.")

    @Option(help: "The shop database (opened read-only).")
    var db: String

    @Option(help: "Process codes; repeat for several.")
    var process: [String] = []

    @Option(help: "Timed runs per chart (after one untimed run).")
    var runs = 15

    func validate() throws {
        guard runs >= 1 else { throw ValidationError("--runs must be at least 1") }
    }

    func run() throws {
        do {
            let paths = try ProjectPaths.locate()
            let template = try TemplateLoader.load(file: try paths.template("flowchart"))
            let renderer = try DocumentRenderer(paths: paths, database: db)
            let policy = FitPolicy(strict: false) { _ in }
            let output = FileManager.default.temporaryDirectory.appendingPathComponent("danju-flowchart-figures-\(getpid()).pdf").path
            defer { try? FileManager.default.removeItem(atPath: output) }
            print("process\tsteps\tlanes\tcrossings\tedge_length_pt\tfont_pt\tmedian_ms")
            for code in process {
                let parameters = ["process": code]
                var times: [Double] = []
                for run in 0...runs {
                    let start = DispatchTime.now().uptimeNanoseconds
                    try renderer.render(template, parameters: parameters, to: output, format: .pdf, policy: policy)
                    if run > 0 { times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6) }
                }
                let chart = try renderer.flowcharts(template, parameters: parameters)[0]
                let median = times.sorted()[times.count / 2]
                print("\(code)\t\(chart.nodes.count)\t\(chart.lanes.count)\t\(chart.crossings)\t\(Int(chart.edgeLength))\t\(chart.style.fontSize)\t"
                      + String(format: "%.1f", median))
            }
        }
    }
}

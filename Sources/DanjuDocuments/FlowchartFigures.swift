import DanjuBinding
import DanjuFlowchart
import DanjuLayout
import DanjuTemplate

extension DocumentRenderer {
    /// The flowcharts `template` prints for `parameters`, for their figures (crossings, edge length).
    public func flowcharts(_ template: Template, parameters: [String: String]) throws -> [Flowchart] {
        try source.read(template, parameters: parameters, blank: false) { bindings in
            try DocumentLayout.flowcharts(template, bindings: bindings, typesetter: typesetter,
                                          options: LayoutOptions(record: DataSource.describe(parameters), imageRoot: source.photoRoot))
        }
    }
}

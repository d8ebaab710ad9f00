import Foundation
import Testing

/// The text of a PDF in content order (each box's lines together), white space removed.
private func streamText(_ path: String) throws -> String {
    try run("pdftotext", ["-raw", path, "-"]).stdout.filter { !$0.isWhitespace }
}

private func compact(_ text: String) -> String { text.filter { !$0.isWhitespace } }

private func processCodes() throws -> [String] {
    try demoRows("SELECT code FROM processes ORDER BY id").compactMap { $0["code"]?.text }
}

@Test func everyWorkflowPrintsWithAllItsStepsLanesAndAnswers() throws {
    let codes = try processCodes()
    #expect(codes.count == 5)
    for code in codes {
        let output = newPath("flow-\(code).pdf")
        let result = try danju("render", "flowchart", "--db", demoDatabase, "--param", "process=\(code)", "-o", output)
        #expect(result.status == 0, "\(code): \(result.stderr)")
        #expect(!result.stderr.contains("warning"), "\(code): \(result.stderr)")
        let text = try streamText(output)
        let id = "(SELECT id FROM processes WHERE code = '\(code)')"
        for row in try demoRows("SELECT label FROM process_nodes WHERE process_id = \(id) UNION ALL SELECT name FROM process_lanes WHERE process_id = \(id)") {
            let label = compact(try #require(row["label"]?.text))
            #expect(text.contains(label), "\(code): “\(label)” is missing")
        }
        for row in try demoRows("SELECT DISTINCT label FROM process_edges WHERE process_id = \(id) AND label IS NOT NULL") {
            #expect(text.contains(compact(try #require(row["label"]?.text))), "\(code)")
        }
        let process = try #require(try demoRows("SELECT name, version, effective_date FROM processes WHERE code = '\(code)'").first)
        for column in ["name", "version", "effective_date"] { #expect(text.contains(try #require(process[column]?.text)), "\(code) \(column)") }
        let info = try pdfInfo(output)
        let pages = try #require(Int(info["Pages"] ?? ""))
        #expect(text.contains("共\(pages)页"), "\(code): the title block counts \(pages) page(s)")
        #expect(info["Page size"]?.contains("(A4)") == true || info["Page size"]?.contains("(A3)") == true, "\(code): \(info["Page size"] ?? "")")
        #expect(try run("qpdf", ["--check", output]).status == 0)
    }
}

@Test func aChartTooBigForOnePageIsCutWithMatchingConnectors() throws {
    // The longest workflow (the service advisor's, 36 steps) does not fit A3 at 6 pt.
    let code = try #require(try demoRows("SELECT p.code FROM processes p JOIN process_nodes n ON n.process_id = p.id GROUP BY p.id ORDER BY count(*) DESC LIMIT 1").first?["code"]?.text)
    let output = newPath("long.pdf")
    #expect(try danju("render", "flowchart", "--db", demoDatabase, "--param", "process=\(code)", "-o", output).status == 0)
    let pages = try #require(Int(try pdfInfo(output)["Pages"] ?? ""))
    #expect(pages >= 2)
    // Every connector number printed on one page is printed on another.
    var numbersPerPage: [Set<String>] = []
    for page in 1...pages {
        // Without the title block's page count and the legend's sample connector.
        let text = try run("pdftotext", ["-f", "\(page)", "-l", "\(page)", "-raw", output, "-"]).stdout
            .replacingOccurrences(of: #"第\s*\d+\s*页\s*共\s*\d+\s*页"#, with: "", options: .regularExpression)
            .replacingOccurrences(of: #"\d+\s*跨页连接"#, with: "", options: .regularExpression)
        numbersPerPage.append(Set(text.split(whereSeparator: \.isWhitespace).map(String.init).filter { $0.allSatisfy(\.isNumber) && $0.count <= 2 }))
    }
    let cutEnds = numbersPerPage.indices.dropLast().map { numbersPerPage[$0].intersection(numbersPerPage[$0 + 1]) }
    #expect(cutEnds.allSatisfy { !$0.isEmpty }, "\(numbersPerPage)")
}

@Test func theSameProcessGivesTheSameBytes() throws {
    let first = newPath("a.pdf"), second = newPath("b.pdf")
    for path in [first, second] {
        let result = try danju("render", "flowchart", "--db", demoDatabase, "--param", "process=FS", "-o", path)
        #expect(result.status == 0, "\(result.stderr)")
    }
    let bytes = try #require(FileManager.default.contents(atPath: first), "the chart was written")
    #expect(bytes == FileManager.default.contents(atPath: second))
}

@Test func anUnknownProcessIsReportedNamingTheKnownOnes() throws {
    let output = newPath("none.pdf")
    let result = try danju("render", "flowchart", "--db", demoDatabase, "--param", "process=ZZ", "-o", output)
    #expect(result.status == 2)
    for code in try processCodes() { #expect(result.stderr.contains(code), "\(result.stderr)") }
    #expect(!FileManager.default.fileExists(atPath: output))
    // There is no chart to draw, not even as a draft.
    let draft = try danju("render", "flowchart", "--db", demoDatabase, "--param", "process=ZZ", "--draft", "-o", output)
    #expect(draft.status == 2 && !draft.stderr.contains("--draft"), "\(draft.stderr)")
    #expect(!FileManager.default.fileExists(atPath: output))
}

@Test func aFlowchartFitsInsideAnotherDocument() throws {
    let original = try String(contentsOfFile: packageRoot + "/templates/flowchart.yaml", encoding: .utf8)
    let template = newPath("handbook.yaml")
    let body = """
        body:
          - text: 培训手册：保修索赔由索赔员牵头，各岗位按下图办理。
          - flowchart: {lanes: lanes, steps: steps, arrows: arrows}
            height: 200
            legend: false
          - text: 以上流程自生效之日起执行。
        """
    let changed = original[..<original.range(of: "body:")!.lowerBound] + body
    try String(changed).write(toFile: template, atomically: true, encoding: .utf8)
    #expect(try danju("check", template, "--db", demoDatabase).status == 0)
    let output = newPath("handbook.pdf")
    let result = try danju("render", template, "--db", demoDatabase, "--param", "process=WC", "-o", output)
    #expect(result.status == 0, "\(result.stderr)")
    let text = try streamText(output)
    #expect(text.contains("培训手册") && text.contains("以上流程自生效之日起执行"))
    for row in try demoRows("SELECT n.label FROM process_nodes n JOIN processes p ON p.id = n.process_id WHERE p.code = 'WC'") {
        #expect(text.contains(compact(try #require(row["label"]?.text))))
    }
    #expect(try pdfInfo(output)["Page size"]?.contains("(A4)") == true)
}

@Test func aFlowchartsStepsMayAlsoBeListedInATable() throws {
    let original = try String(contentsOfFile: packageRoot + "/templates/flowchart.yaml", encoding: .utf8)
    let template = newPath("steps-table.yaml")
    let body = """
        body:
          - flowchart: {lanes: lanes, steps: steps, arrows: arrows}
            height: 200
            legend: false
          - table: steps
            columns:
              - {title: 步骤, width: 20, value: "{{code}}"}
              - {title: 内容, value: "{{label}}"}
        """
    try String(original[..<original.range(of: "body:")!.lowerBound] + body).write(toFile: template, atomically: true, encoding: .utf8)
    let output = newPath("steps-table.pdf")
    let result = try danju("render", template, "--db", demoDatabase, "--param", "process=WC", "-o", output)
    #expect(result.status == 0, "\(result.stderr)")
    let text = try streamText(output)
    for row in try demoRows("SELECT n.code FROM process_nodes n JOIN processes p ON p.id = n.process_id WHERE p.code = 'WC'") {
        #expect(text.contains(try #require(row["code"]?.text)), "the table lists every step")
    }
}

@Test func aStepWithoutALaneIsAnErrorNamingTheQueryAndRow() throws {
    let original = try String(contentsOfFile: packageRoot + "/templates/flowchart.yaml", encoding: .utf8)
    let template = newPath("nolane.yaml")
    try original.replacingOccurrences(of: "n.lane_code AS lane,", with: "CASE WHEN n.seq = 3 THEN NULL ELSE n.lane_code END AS lane,")
        .write(toFile: template, atomically: true, encoding: .utf8)
    let output = newPath("nolane.pdf")
    let result = try danju("render", template, "--db", demoDatabase, "--param", "process=WC", "-o", output)
    #expect(result.status == 3)
    #expect(result.stderr.contains("nolane.yaml:") && result.stderr.contains("query “steps”, row 3: “lane” is NULL"), "\(result.stderr)")
    #expect(!FileManager.default.fileExists(atPath: output))
}

@Test func checkNamesAMissingFlowchartColumn() throws {
    let original = try String(contentsOfFile: packageRoot + "/templates/flowchart.yaml", encoding: .utf8)
    let template = newPath("nokind.yaml")
    try original.replacingOccurrences(of: "n.lane_code AS lane, n.kind,", with: "n.lane_code AS lane,")
        .write(toFile: template, atomically: true, encoding: .utf8)
    let result = try danju("check", template, "--db", demoDatabase)
    #expect(result.status == 3)
    #expect(result.stdout.contains("kind") || result.stderr.contains("kind"), "\(result.stdout)\(result.stderr)")
}

@Test func impliedArrowsAreDashed() throws {
    // One page charts: every arrow the seed only implies is stroked with a dash pattern, plus the legend's sample.
    for code in try processCodes() {
        let output = newPath("dash-\(code).pdf")
        #expect(try danju("render", "flowchart", "--db", demoDatabase, "--param", "process=\(code)", "-o", output).status == 0)
        guard try pdfInfo(output)["Pages"] == "1" else { continue }
        let expanded = newPath("dash-\(code).qdf")
        _ = try run("qpdf", ["--qdf", "--object-streams=disable", output, expanded])
        let content = String(decoding: try Data(contentsOf: URL(fileURLWithPath: expanded)), as: UTF8.self)
        let dashes = content.components(separatedBy: "\n").filter { $0.range(of: #"\[ ?[0-9.]+ [0-9.]+\] [0-9.]+ d$"#, options: .regularExpression) != nil }
        let implied = try demoRows("SELECT count(*) AS n FROM process_edges e JOIN processes p ON p.id = e.process_id WHERE p.code = '\(code)' AND e.implied = 1")
        #expect(dashes.count == Int(try #require(implied.first?["n"]?.integer)) + 1, "\(code): \(dashes)")
    }
}

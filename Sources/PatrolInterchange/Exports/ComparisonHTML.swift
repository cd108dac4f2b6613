/// A comparison of schedules as one printable page, in the roster page's shell and style.
///
/// On the first A4 page, one table sets the columns side by side, the base shaded: the score
/// by component, then coverage and fairness. From the next page, short volunteer-shifts by
/// grid with each column's worst grids highlighted, and the volunteers whose load changed
/// most in each scenario. After a scenario's figure comes its change from its base, green
/// when better and red when worse. Tables longer than a page continue on the next under
/// their header.
enum ComparisonHTML {
    static func file(_ view: ComparisonView) -> OutputFile {
        let text = view.text
        let title = text.comparisonTitle
        let columns = view.figures.columns
        let all = Array(columns.indices)
        var html = #"<section class="comparison-page"><p class="running">\#(escaped(title))</p>"#
        html += "<h2>\(escaped(title))</h2>"
        html += #"<p class="meta">\#(escaped(text.comparisonIntro))</p>"#

        html += #"<table class="figures">"# + header(view, columns: all) + "<tbody>"
        html += sectionRow(view.score.title, note: text.lowerIsBetter, span: columns.count + 1)
        html += view.score.rows.map { row(view, $0, columns: all) }.joined()
        html += sectionRow(view.coverage.title, note: "", span: columns.count + 1)
        html += view.coverage.rows.map { row(view, $0, columns: all) }.joined()
        html += "</tbody></table>"

        html += #"</section>\#n<section class="grids-page"><p class="running">\#(escaped(title))</p>"#
        html += "<h3>\(escaped(view.grids.title + text.lowerIsBetter))</h3>"
        html += #"<p class="meta legend">\#(escaped(text.worstGridsLegend))</p>"#
        html += #"<table class="figures">"# + header(view, columns: all) + "<tbody>"
        html += view.grids.rows.map { row(view, $0, columns: all) }.joined()
        html += "</tbody></table>"

        html += "<h3>\(escaped(view.loads.title))</h3>"
        let variants = columns.indices.filter { columns[$0].baseIndex != nil }
        if view.loads.rows.isEmpty {
            html += "<p>\(escaped(text.noLoadChanges))</p>"
        } else {
            html += #"<p class="meta legend">\#(escaped(text.loadLegend))</p>"#
            html += #"<table class="figures loads">"# + header(view, columns: variants) + "<tbody>"
            html += view.loads.rows.map { row(view, $0, columns: variants) }.joined()
            html += "</tbody></table>"
        }
        html += "</section>\n"

        let page = HTMLExport.page(
            title: title, language: text.language, css: HTMLExport.pageCSS + "\n" + css, body: html)
        return OutputFile(name: text.comparisonName + ".html", contents: Array(page.utf8))
    }

    /// The columns' names, each with what it is: a base, or the base a scenario is compared
    /// with; and the stored version.
    private static func header(_ view: ComparisonView, columns indices: [Int]) -> String {
        let columns = view.figures.columns
        var html = #"<thead><tr><th class="label"></th>"#
        for index in indices {
            let column = columns[index]
            var notes = [column.baseIndex.map { view.text.comparedWith(columns[$0].name) } ?? view.text.baseMark]
            if let id = column.scheduleID { notes.append("#\(id)") }
            html += "<th\(column.baseIndex == nil ? #" class="base""# : "")>\(escaped(column.name))"
            html += "<small>\(escaped(notes.joined(separator: " · ")))</small></th>"
        }
        return html + "</tr></thead>"
    }

    private static func sectionRow(_ title: String, note: String, span: Int) -> String {
        let small = note.isEmpty ? "" : "<small>\(escaped(note))</small>"
        return #"<tr class="section"><th colspan="\#(span)">\#(escaped(title))\#(small)</th></tr>"#
    }

    /// A figure's row: each column's value, a scenario's followed by its judged change.
    private static func row(_ view: ComparisonView, _ row: ComparisonView.Row, columns indices: [Int])
        -> String
    {
        let rowClass = row.isTotal ? #" class="total""# : row.isPart ? #" class="part""# : ""
        var html = "<tr\(rowClass)><th>\(escaped(row.label))</th>"
        for index in indices {
            var classes: [String] = []
            if view.figures.columns[index].baseIndex == nil { classes.append("base") }
            if row.highlighted[index] { classes.append("worst") }
            html += classes.isEmpty ? "<td>" : #"<td class="\#(classes.joined(separator: " "))">"#
            html += escaped(ComparisonView.plain(row.values[index], none: "–"))
            if let delta = row.deltas[index] {
                let judgement = ComparisonView.judgement(delta, row.better)
                if judgement != .unchanged {
                    html += #" <span class="delta \#(judgement.rawValue)">\#(ComparisonView.signed(delta))</span>"#
                }
            }
            html += "</td>"
        }
        return html + "</tr>"
    }

    private static func escaped(_ text: String) -> String { HTMLExport.escaped(text) }

    static let css = """
        h3 { margin: 1mm 0; font-size: 12pt; }
        h3 ~ h3 { margin-top: 4mm; }
        .figures { margin: 0 0 2mm; }
        .figures th, .figures td { border-bottom: 0.2mm solid #ddd; padding: 0.7mm 1.2mm; vertical-align: top; }
        .figures thead th { background: #c62828; color: #fff; text-align: right; }
        .figures thead th.label { width: 55mm; }
        .figures thead small { display: block; font-weight: normal; font-size: 7pt; }
        .figures tbody th { text-align: left; font-weight: normal; }
        .figures td { text-align: right; }
        .figures td.base { background: #f3f3f3; }
        .figures tr.section th { background: #eceff1; font-weight: bold; }
        .figures tr.section small { font-weight: normal; color: #555; }
        .figures tr.total th, .figures tr.total td { font-weight: bold; }
        .figures tr.part th { padding-left: 5mm; }
        .figures td.worst { background: #ffcdd2; font-weight: bold; }
        .figures.loads th, .figures.loads td { text-align: left; }
        .delta { font-size: 8pt; white-space: nowrap; }
        .better { color: #2e7d32; font-weight: bold; }
        .worse { color: #c62828; font-weight: bold; }
        .changed { color: #555; }
        """
}

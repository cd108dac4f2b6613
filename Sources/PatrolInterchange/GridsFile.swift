import PatrolModel

/// Reads `grids.csv`: one row per patrol grid (网格).
enum GridsFile {
    static let name = "grids.csv"
    static let columns = [
        ColumnSpec("id", ["编号"], required: true), ColumnSpec("name", ["名称"], required: true),
        ColumnSpec("risk", ["风险等级"]), ColumnSpec("neighbors", ["相邻网格", "neighbours"]),
        ColumnSpec("needs_leader", ["需队长"]),
    ]

    private static let riskWords: [String: Int] = [
        "1": 1, "2": 2, "3": 3, "low": 1, "medium": 2, "high": 3, "低": 1, "中": 2, "高": 3,
    ]

    static func risk(_ text: String) -> Result<Int, ValueProblem> {
        guard let risk = riskWords[text.lowercased()] else {
            return .failure(
                ValueProblem(
                    "\(quoted(text)) is not a risk level",
                    expected: "1, 2 or 3 (also low/medium/high, 低/中/高)"))
        }
        return .success(risk)
    }

    /// What the rest of the community may refer to.
    struct Contents {
        /// The grids in file order, neighbours made symmetric.
        var grids: [Grid]
        /// Every id the file names, also on rows with mistakes: references to them are not
        /// reported again as unknown grids.
        var knownIDs: Set<GridID>
    }

    static func read(_ table: CSVTable, log: inout DiagnosticLog) -> Contents {
        var grids: [Grid] = []
        var firstLine: [GridID: Int] = [:]
        var listedNeighbors: [(grid: Int?, row: CSVRow, names: [String])] = []
        for row in table.rows {
            var fields = table.fields(row)
            let id = fields.requiredText("id", expected: "a grid id such as G01")
            let name = fields.requiredText("name", expected: "the grid's name")
            if !id.isEmpty {
                if let first = firstLine[GridID(id)] {
                    fields.fail(
                        "id", "the grid id \(quoted(id)) is used twice (first on line \(first))",
                        expected: "a different id for each grid")
                } else {
                    firstLine[GridID(id)] = row.line
                }
            }
            let risk = fields.value("risk", default: 1, Self.risk)
            let needsLeader = fields.value("needs_leader", default: risk == 3, ValueParser.bool)
            let gridIndex: Int?
            if fields.isValid {
                gridIndex = grids.count
                grids.append(
                    Grid(
                        id: GridID(id), name: name, risk: risk, neighbors: [],
                        needsLeader: needsLeader))
            } else {
                gridIndex = nil
            }
            listedNeighbors.append((gridIndex, row, ValueParser.list(fields.text("neighbors"))))
            log.append(fields.problems)
        }
        if table.rows.isEmpty {
            log.error(
                SourceLocation(file: Self.name), "the file lists no grids",
                expected: "one row per grid after the header")
        }

        let known = Set(firstLine.keys)
        let indexByID = Dictionary(
            grids.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        for (gridIndex, csvRow, names) in listedNeighbors {
            var row = table.fields(csvRow)
            for other in names.map(GridID.init) {
                guard known.contains(other) else {
                    row.fail(
                        "neighbors", "unknown grid \(quoted(other.rawValue))",
                        expected: "an id from the id column of grids.csv")
                    continue
                }
                // Adjacency is symmetric: a link listed on either side counts both ways.
                guard let gridIndex, let otherIndex = indexByID[other], otherIndex != gridIndex
                else { continue }
                grids[gridIndex].neighbors.insert(other)
                grids[otherIndex].neighbors.insert(grids[gridIndex].id)
            }
            log.append(row.problems)
        }
        return Contents(grids: grids, knownIDs: known)
    }
}

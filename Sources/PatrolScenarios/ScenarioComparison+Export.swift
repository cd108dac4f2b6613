import PatrolInterchange
import PatrolModel

extension ComparisonFigures {
    /// The figures of a scenario comparison for the office exports: the same columns, each
    /// variant's load changes and worst grids as the terminal table names them, every grid
    /// of any column in the order the comparison lists them.
    public init(_ comparison: ScenarioComparison) {
        var names: [GridID: String] = [:]
        for column in comparison.columns {
            for entry in column.figures.shortByGrid where names[entry.grid] == nil {
                names[entry.grid] = entry.name
            }
        }
        self.init(
            columns: comparison.columns.indices.map { index in
                let column = comparison.columns[index]
                let figures = column.figures
                return Column(
                    name: column.name, baseIndex: column.baseIndex, scheduleID: column.scheduleID,
                    score: figures.score, coveragePercent: figures.coveragePercent,
                    teamsWithoutPartyMember: figures.teamsWithoutPartyMember,
                    shortByGrid: Dictionary(
                        figures.shortByGrid.map { ($0.grid, $0.missing) }, uniquingKeysWith: +),
                    worstGrids: figures.worstGrids(comparison.worstGridLimit).map(\.grid),
                    shiftsMin: figures.shiftsMin, shiftsMedian: figures.shiftsMedian,
                    shiftsMax: figures.shiftsMax, giniShifts: figures.giniShifts,
                    volunteersWithoutPatrol: figures.volunteersWithoutPatrol,
                    loadChanges: comparison.loadChanges(index).map {
                        LoadChange(volunteer: $0.volunteer, name: $0.name, before: $0.before, after: $0.after)
                    })
            },
            grids: comparison.gridOrder.map { Grid(id: $0, name: names[$0] ?? "") })
    }
}

import GRDB
import PatrolModel

/// A row of `grid`: one patrol grid of an import; its neighbours are `GridNeighborRecord` rows.
struct GridRecord: ImportPartRecord {
    static let databaseTableName = "grid"

    var importID: Int64
    var position: Int
    var id: GridID
    var name: String
    var risk: Int
    var needsLeader: Bool

    init(_ grid: Grid, importID: Int64, position: Int) {
        self.importID = importID
        self.position = position
        id = grid.id
        name = grid.name
        risk = grid.risk
        needsLeader = grid.needsLeader
    }

    func grid(neighbors: Set<GridID>) -> Grid {
        Grid(id: id, name: name, risk: risk, neighbors: neighbors, needsLeader: needsLeader)
    }
}

/// A row of `gridNeighbor`: `neighbor` is in the `neighbors` of `grid`.
///
/// Each direction of a link is its own row, exactly as the community's grids list them, so
/// that an import reads back unchanged.
struct GridNeighborRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "gridNeighbor"

    var importID: Int64
    var grid: GridID
    var neighbor: GridID

    enum Columns {
        static let importID = Column(CodingKeys.importID)
        static let grid = Column(CodingKeys.grid)
        static let neighbor = Column(CodingKeys.neighbor)
    }
}

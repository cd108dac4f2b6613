import GRDB

// MARK: - Reading an import
// Requests for the rows of one community import, in the order the community gave them.

extension DerivableRequest where RowDecoder: ImportPartRecord {
    /// The rows of one import, in community order.
    func forImport(_ importID: Int64) -> Self {
        filter(ImportPartColumns.importID == importID).order(ImportPartColumns.position)
    }
}

extension DerivableRequest<GridNeighborRecord> {
    /// The neighbour links of one import's grids.
    func forImport(_ importID: Int64) -> Self {
        filter(GridNeighborRecord.Columns.importID == importID)
    }
}

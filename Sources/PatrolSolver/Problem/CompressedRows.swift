/// A list of integer lists stored flat (compressed sparse rows): row `i` is
/// `values[starts[i] ..< starts[i + 1]]`. No allocation when read in the hot loop.
struct CompressedRows: Sendable {
    private(set) var starts: [Int32]
    private(set) var values: [Int32]

    init(rows: [[Int32]]) {
        starts = [0]
        starts.reserveCapacity(rows.count + 1)
        values = []
        values.reserveCapacity(rows.reduce(0) { $0 + $1.count })
        for row in rows {
            values.append(contentsOf: row)
            starts.append(Int32(values.count))
        }
    }

    var rowCount: Int { starts.count - 1 }

    @inline(__always) func start(_ row: Int) -> Int { Int(starts[row]) }
    @inline(__always) func end(_ row: Int) -> Int { Int(starts[row + 1]) }
    @inline(__always) func count(_ row: Int) -> Int { end(row) - start(row) }
    @inline(__always) subscript(index: Int) -> Int { Int(values[index]) }

    /// The same rows in storage of their own (see `IndexedProblem.detachedCopy`).
    func detachedCopy() -> CompressedRows {
        var copy = self
        copy.starts = starts.map { $0 }
        copy.values = values.map { $0 }
        return copy
    }
}

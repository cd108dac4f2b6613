import PatrolModel

/// A sample grid with what the generator knows about it beyond the `grids.csv` row.
struct GridProfile {
    var grid: Grid
    /// The residential compound the grid is named after, for building Party branches.
    var compound: String?
    /// A market, school, station or the like: high-risk, and where street shops cluster.
    var isHotspot: Bool
    /// How many volunteers live or work here, relative to other grids.
    var population: Double
    /// How busy patrols are here beyond what the risk says, around 1.
    var busyness: Double
}

/// Lays grids out as city blocks and names them.
///
/// Grids sit on a near-square lattice, row by row; each is adjacent to the grids beside it
/// and above or below it, which gives 2 to 4 neighbours (a corner above a short last row
/// is linked to its nearest block instead). A few diagonal links (a street
/// crossing the corner of two blocks) are added where both ends still have fewer than 4.
/// About 15 % of grids are hotspots (markets, schools, stations) with risk 3; grids next to
/// a hotspot are more often medium-risk than the rest.
enum GridPlan {
    static func make(count: Int, stem: String, random: inout SplitMix64) -> [GridProfile] {
        var columns = Int(Double(count).squareRoot().rounded(.up))
        // A last row of one block would hang below an interior block that already has 4.
        if count > 1, count % columns == 1 { columns += 1 }
        let hotspotCount = min(count, max(1, (count * 3 + 10) / 20))
        let hotspotIndices = Set(random.shuffled(Array(0..<count)).prefix(hotspotCount))

        let neighbors = adjacency(count: count, columns: columns, random: &random)
        let nearHotspot = (0..<count).map { index in
            neighbors[index].contains { hotspotIndices.contains($0) }
        }

        let ownCompound = stem + "苑"
        var compounds =
            [ownCompound]
            + random.shuffled(ChineseNames.compounds.filter { $0 != ownCompound })
        compounds.reverse()
        let hotspotNames = random.shuffled(ChineseNames.hotspots)
        let idWidth = max(2, String(count).count)

        var profiles: [GridProfile] = []
        profiles.reserveCapacity(count)
        var hotspotsNamed = 0
        for index in 0..<count {
            let id = GridID("G" + padded(index + 1, idWidth))
            let isHotspot = hotspotIndices.contains(index)
            var compound: String?
            let name: String
            if isHotspot {
                let place = hotspotNames[hotspotsNamed % hotspotNames.count]
                let round = hotspotsNamed / hotspotNames.count
                name = place + (round == 0 ? "" : ChineseNames.numeral(round + 1) + "区") + "网格"
                hotspotsNamed += 1
            } else if !compounds.isEmpty, random.chance(0.7) {
                let place = compounds.removeLast()
                compound = place
                name = place + "网格"
            } else {
                name = "第" + ChineseNames.numeral(index + 1) + "网格"
            }
            let risk: Int
            if isHotspot {
                risk = 3
            } else {
                risk = random.chance(nearHotspot[index] ? 0.6 : 0.25) ? 2 : 1
            }
            let grid = Grid(
                id: id, name: name, risk: risk,
                neighbors: Set(neighbors[index].map { GridID("G" + padded($0 + 1, idWidth)) }),
                needsLeader: risk == 3)
            profiles.append(
                GridProfile(
                    grid: grid, compound: compound, isHotspot: isHotspot,
                    population: 0.6 + 0.8 * random.unit(), busyness: 0.85 + 0.3 * random.unit()))
        }
        return profiles
    }

    /// Symmetric neighbour lists by grid index, each sorted.
    private static func adjacency(count: Int, columns: Int, random: inout SplitMix64) -> [[Int]] {
        var neighbors = Array(repeating: [Int](), count: count)
        func link(_ a: Int, _ b: Int) {
            neighbors[a].append(b)
            neighbors[b].append(a)
        }
        for index in 0..<count {
            let column = index % columns
            if column + 1 < columns, index + 1 < count { link(index, index + 1) }
            if index + columns < count { link(index, index + columns) }
        }
        // A corner above a short last row would keep a single neighbour: give it the
        // nearest block that is not yet adjacent, as a street around the gap would.
        let wanted = min(2, count - 1)
        for index in 0..<count where neighbors[index].count < wanted {
            let row = index / columns
            let column = index % columns
            let nearest = (0..<count)
                .filter {
                    $0 != index && !neighbors[index].contains($0) && neighbors[$0].count < 4
                }
                .min { a, b in
                    let da =
                        (a / columns - row) * (a / columns - row)
                        + (a % columns - column) * (a % columns - column)
                    let db =
                        (b / columns - row) * (b / columns - row)
                        + (b % columns - column) * (b % columns - column)
                    return (da, a) < (db, b)
                }
            if let nearest { link(index, nearest) }
        }
        for index in 0..<count {
            let diagonal = index + columns + 1
            guard index % columns + 1 < columns, diagonal < count else { continue }
            if neighbors[index].count < 4, neighbors[diagonal].count < 4, random.chance(0.15) {
                link(index, diagonal)
            }
        }
        return neighbors.map { $0.sorted() }
    }
}

/// `value` in decimal, zero-padded to `width` digits.
func padded(_ value: Int, _ width: Int) -> String {
    let text = String(value)
    return String(repeating: "0", count: max(0, width - text.count)) + text
}

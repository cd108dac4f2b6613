@testable import PatrolSolver
import Testing

/// The annealing's schedule of cycles: doubling, restarting hot, and a last cycle that
/// ends with the moves the search has left, however that estimate changes.
@Suite struct SimulatedAnnealingTests {
    /// Runs `budget` moves the way the search does (fitting each new cycle to the moves
    /// left) and returns the move counts at which cycles ended and the temperature each
    /// cycle ended at (its last move's, one cooling step above the end temperature).
    static func cycles(budget: Int, fitting: Bool) -> (ends: [Int], temperatures: [Double]) {
        var annealing = SimulatedAnnealing(startTemperature: 20, endTemperature: 0.3, firstCycleLength: 100)
        var ends: [Int] = []
        var temperatures: [Double] = []
        for move in 1...budget {
            let temperature = annealing.temperature
            if annealing.step() {
                ends.append(move)
                temperatures.append(temperature)
                if fitting { annealing.fitLastCycle(movesLeft: budget - move) }
            }
        }
        return (ends, temperatures)
    }

    @Test func cyclesDoubleAndRestartHot() {
        var annealing = SimulatedAnnealing(startTemperature: 20, endTemperature: 0.3, firstCycleLength: 100)
        var restarts = 0
        for _ in 0..<99 where annealing.step() { restarts += 1 }
        #expect(restarts == 0)
        let restarted = annealing.step()
        #expect(restarted)
        #expect(annealing.temperature == 20)
        #expect(annealing.cycleLength == 200)
        #expect(Self.cycles(budget: 1_000, fitting: false).ends == [100, 300, 700])
    }

    @Test func theLastCycleEndsWithTheBudget() {
        // 100 + 200 moves, then 700 left: a cycle of 400 and one of 800 would not both
        // fit, so the third cycle takes all 700 and cools fully by the last move.
        let fitted = Self.cycles(budget: 1_000, fitting: true)
        #expect(fitted.ends == [100, 300, 1_000])
        for temperature in fitted.temperatures { #expect(abs(temperature - 0.3) < 0.02) }
    }

    @Test func theLastCycleFollowsANewEstimateOfTheMovesLeft() {
        var annealing = SimulatedAnnealing(startTemperature: 20, endTemperature: 0.3, firstCycleLength: 100)
        annealing.aimLastCycle(movesLeft: 50)
        #expect(annealing.cycleLength == 100, "a cycle that was not fitted as the last keeps its length")
        annealing.fitLastCycle(movesLeft: 200)
        // Halfway through, the search finds it has 300 moves left, not 100: the cycle now
        // ends 300 moves on, cooling from where it is to the end temperature.
        for _ in 0..<100 {
            let ended = annealing.step()
            #expect(!ended)
        }
        annealing.aimLastCycle(movesLeft: 300)
        var moves = 100
        var temperature = annealing.temperature
        while true {
            temperature = annealing.temperature
            moves += 1
            if annealing.step() { break }
        }
        #expect(moves == 400)
        #expect(abs(temperature - 0.3) < 0.02)
        #expect(!annealing.isLastCycle, "the cycle after it is an ordinary one")
    }

    @Test func aBudgetWithRoomForMoreCyclesKeepsThemDoubling() {
        // After 1,500 moves, 10,500 left: room for 1,600 and then 3,200, so the cycles keep
        // doubling; after 3,100, the 8,900 left are less than 3,200 and 6,400: one last cycle.
        #expect(Self.cycles(budget: 12_000, fitting: true).ends == [100, 300, 700, 1_500, 3_100, 12_000])
    }
}

import PatrolChecker
import PatrolModel
import PatrolTestSupport
import Testing

/// The random generators of PatrolTestSupport are deterministic and reach every feature.
@Suite struct RandomCommunityTests {
    @Test func theSameSeedGivesTheSameCommunityAndSchedule() {
        #expect(RandomCommunity.make(seed: 42) == RandomCommunity.make(seed: 42))
        #expect(RandomCommunity.make(seed: 42) != RandomCommunity.make(seed: 43))
        let community = RandomCommunity.make(seed: 42)
        #expect(
            RandomSchedule.make(for: community, seed: 5)
                == RandomSchedule.make(for: community, seed: 5))
    }

    @Test func fiftySeedsCoverEveryFeature() {
        let communities = (0..<50).map { RandomCommunity.make(seed: UInt64($0)) }
        func some(_ feature: (Community) -> Bool) -> Bool { communities.contains(where: feature) }

        #expect(some { $0.rules.maxShiftsPerDay == 2 })
        #expect(some { $0.rules.minRestMinutes % 60 == 30 })
        #expect(some { !$0.rules.trainBeforePatrol } && some { $0.rules.trainBeforePatrol })
        #expect(some { $0.weights != Weights() })
        #expect(some { !$0.holidays.isEmpty })
        #expect(some { $0.periods.contains(where: \.isNight) })
        #expect(some { $0.periods.contains(where: \.endsNextDay) })
        #expect(some { Self.hasOverlappingPeriods($0) })
        #expect(some { $0.grids.contains { $0.needsLeader != ($0.risk == 3) } })
        #expect(some { $0.grids.contains { !$0.neighbors.isEmpty } })
        #expect(some { $0.volunteers.contains { $0.availability.periodsByWeekday != nil } })
        #expect(some { $0.volunteers.contains { !$0.unavailable.isEmpty } })
        #expect(some { $0.volunteers.contains { $0.trainedOn == nil } })
        #expect(some { $0.volunteers.contains(where: \.isLeader) })
        #expect(some { $0.volunteers.contains { $0.minShifts > 0 } })
        #expect(some { $0.sessions.contains { $0.capacity != nil } })
        #expect(
            some { $0.requests.contains { $0.kind == .off && $0.dates.first != $0.dates.last } })
        #expect(some { c in c.requests.contains { $0.periods.count < c.periods.count } })
        #expect(
            some { c in
                c.history.contains { entry in !c.volunteers.contains { $0.id == entry.volunteer } }
            })
        #expect(some { c in c.history.contains { $0.month < c.month.adding(months: -3) } })
    }

    @Test func randomSchedulesBreakHardRulesSometimesAndKeepThemSometimes() {
        let evaluations = (0..<40).map { seed in
            let community = RandomCommunity.make(seed: UInt64(seed))
            return RosterChecker(community: community)
                .evaluate(RandomSchedule.make(for: community, seed: UInt64(seed)))
        }
        for rule in HardRule.allCases {
            #expect(evaluations.contains { $0.violationCount(rule) > 0 }, "\(rule.rawValue)")
        }
        #expect(evaluations.contains { $0.violationCount(.availablePattern) == 0 })
    }

    static func hasOverlappingPeriods(_ community: Community) -> Bool {
        let periods = community.periods
        return periods.indices.contains { i in
            periods.indices.contains { j in
                i != j && periods[i].start <= periods[j].start
                    && periods[j].start.minutes < periods[i].endOffset
            }
        }
    }
}

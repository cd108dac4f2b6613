import PatrolModel

/// The month's training sessions, the volunteers' requests and their earlier months' shifts.
enum SampleActivities {
    // MARK: - Training sessions

    /// `count` sessions on distinct dates between the 2nd and the 17th.
    ///
    /// The patrol basics come first so that new volunteers can start early; sessions are in
    /// the daytime on weekends, in the afternoon or evening on weekdays. Capacities add up to
    /// about 1.2 times the team, in fives.
    static func sessions(
        count: Int, volunteers: Int, calendar: SampleCalendar, stem: String,
        random: inout SplitMix64
    ) -> [TrainingSession] {
        guard count > 0 else { return [] }
        let month = calendar.month
        let window = min(16, month.dayCount - 1)
        let capacity = max(10, (volunteers * 6 / 5 + count - 1) / count)
        let roundedCapacity = (capacity + 4) / 5 * 5
        let locations = ChineseNames.trainingLocations + [stem + "苑物业会议室"]
        let laterTopics = random.shuffled(Array(ChineseNames.trainingTopics.dropFirst()))
        var sessions: [TrainingSession] = []
        for index in 0..<count {
            // One day from each of `count` equal parts of the window keeps the dates distinct.
            let from = 1 + index * window / count
            let to = 1 + (index + 1) * window / count - 1
            let date = month.firstDate.adding(days: random.int(in: from...max(from, to)))
            let times: [(TimeOfDay, TimeOfDay)] =
                date.weekday.isWeekend
                ? [(.clock(9, 0), .clock(11, 0)), (.clock(14, 30), .clock(16, 30))]
                : [(.clock(14, 30), .clock(16, 30)), (.clock(19, 0), .clock(20, 30))]
            let (start, end) = random.pick(times)
            sessions.append(
                TrainingSession(
                    id: SessionID("T" + padded(index + 1, 2)),
                    topic: index == 0
                        ? ChineseNames.trainingTopics[0]
                        : laterTopics[(index - 1) % laterTopics.count],
                    date: date, start: start, end: end, capacity: roundedCapacity,
                    location: index == 0 ? locations[0] : random.pick(locations)))
        }
        return sessions
    }

    // MARK: - Requests

    /// Requests from about 15 % of the volunteers.
    ///
    /// Most ask for days off (a family event, a trip), some for a patrol at a time that suits
    /// them. Dates lie inside the month; weights are 5 to 30.
    static func requests(
        volunteers: [Volunteer], calendar: SampleCalendar, random: inout SplitMix64
    ) -> [PatrolRequest] {
        let month = calendar.month
        let allPeriods = Set(calendar.periods.map(\.id))
        let weights = [5, 10, 10, 10, 15, 20, 20, 30]
        var requests: [PatrolRequest] = []
        for volunteer in volunteers where random.chance(0.15) {
            for _ in 0..<(random.chance(0.3) ? 2 : 1) {
                let weight = random.pick(weights)
                if random.chance(0.6) {
                    let first = month.firstDate.adding(days: random.below(month.dayCount))
                    let length = random.chance(0.5) ? 1 : random.int(in: 2...4)
                    let periods: Set<PeriodID> =
                        random.chance(0.7) ? allPeriods : [random.pick(calendar.periods).id]
                    requests.append(
                        PatrolRequest(
                            volunteer: volunteer.id,
                            dates: clipped(first: first, length: length, to: month),
                            periods: periods, kind: .off, weight: weight,
                            line: requests.count + 2))
                } else if let (first, period) = patrolTime(for: volunteer, calendar, &random) {
                    let length = random.chance(0.6) ? 1 : random.int(in: 3...7)
                    requests.append(
                        PatrolRequest(
                            volunteer: volunteer.id,
                            dates: clipped(first: first, length: length, to: month),
                            periods: random.chance(0.2) ? allPeriods : [period], kind: .on,
                            weight: weight, line: requests.count + 2))
                }
            }
        }
        return requests
    }

    /// A date and period the volunteer could patrol, found in a few tries, for an `on` request.
    private static func patrolTime(
        for volunteer: Volunteer, _ calendar: SampleCalendar, _ random: inout SplitMix64
    ) -> (LocalDate, PeriodID)? {
        let month = calendar.month
        for _ in 0..<8 {
            let date = month.firstDate.adding(days: random.below(month.dayCount))
            let period = random.pick(calendar.periods)
            if !volunteer.isUnavailable(on: date), !period.isNight || volunteer.nightOK,
                volunteer.availability.allows(date.weekday, period.id)
            {
                return (date, period.id)
            }
        }
        return nil
    }

    private static func clipped(first: LocalDate, length: Int, to month: Month) -> DateRange {
        DateRange(first: first, last: min(first.adding(days: length - 1), month.lastDate))
    }

    // MARK: - History

    /// Shifts in the three months before this one, rows only for months with a patrol.
    ///
    /// Volunteers trained in that window joined then and have rows from that month on; the
    /// never-trained are new and have none. Each serves around half to most of their
    /// `max_shifts`. `departed` former volunteers, numbered after the current team, served
    /// in the earlier months and left before the last one.
    static func history(
        volunteers: [Volunteer], departed: Int, idWidth: Int, month: Month,
        random: inout SplitMix64
    ) -> [HistoryEntry] {
        let months = [month.adding(months: -3), month.adding(months: -2), month.adding(months: -1)]
        struct Record {
            var id: VolunteerID
            var firstMonth: Int
            var lastMonth: Int
            var typical: Double
        }
        var records: [Record] = volunteers.compactMap { volunteer in
            guard let trainedOn = volunteer.trainedOn else { return nil }
            let joined = months.firstIndex { $0.contains(trainedOn) } ?? 0
            let typical = Double(volunteer.maxShifts) * (0.45 + 0.4 * random.unit())
            return Record(id: volunteer.id, firstMonth: joined, lastMonth: 2, typical: typical)
        }
        for index in 0..<departed {
            records.append(
                Record(
                    id: VolunteerFactory.id(volunteers.count + index + 1, width: idWidth),
                    firstMonth: 0, lastMonth: random.int(in: 0...1),
                    typical: Double(random.int(in: 3...9))))
        }
        var entries: [HistoryEntry] = []
        for (monthIndex, historyMonth) in months.enumerated() {
            for record in records where (record.firstMonth...record.lastMonth).contains(monthIndex)
            {
                let shifts = min(12, max(0, Int(record.typical.rounded()) + random.int(in: -2...2)))
                if shifts > 0 {
                    entries.append(
                        HistoryEntry(volunteer: record.id, month: historyMonth, shifts: shifts))
                }
            }
        }
        return entries
    }
}

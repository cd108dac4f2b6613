import PatrolModel

/// iCalendar files (RFC 5545), one per volunteer who patrols or trains, for their phone.
///
/// Each patrol is an event in the time zone Asia/Shanghai (UTC+8 all year, given as a
/// `VTIMEZONE`) naming the grid, the period, the leader and the team mates, with a reminder
/// an hour before; each booked training session is an event with its topic and place. Lines
/// end with CRLF and are folded at 75 octets without splitting a character; text is escaped.
///
/// The bytes depend on the schedule only: `DTSTAMP` is midnight UTC on the first day of the
/// roster's month, and each event's `UID` is built from the community, date, period, grid
/// and volunteer, so importing a later version of the roster updates events instead of
/// duplicating them.
enum ICSExport {
    static func files(_ view: RosterView) -> [OutputFile] {
        var names = ExportFileNames()
        let suffix = uidSuffix(view.community)
        return view.service.compactMap { entry in
            guard !entry.teams.isEmpty || !entry.sessions.isEmpty else { return nil }
            let volunteer = entry.volunteer
            let name = names.name("\(volunteer.id.rawValue)_\(volunteer.name)", extension: "ics")
            return OutputFile(name: name, contents: calendar(view, entry, uidSuffix: suffix))
        }
    }

    private static func calendar(_ view: RosterView, _ entry: RosterView.Service, uidSuffix: String) -> [UInt8] {
        let text = view.text
        let community = view.community
        var ics = ICalendarText()
        ics.line("BEGIN:VCALENDAR")
        ics.line("VERSION:2.0")
        ics.line("PRODID:-//PatrolRoster//Patrol roster export//\(text.language.rawValue.uppercased())")
        ics.line("CALSCALE:GREGORIAN")
        ics.line("METHOD:PUBLISH")
        ics.line(
            "X-WR-CALNAME:" + ICalendarText.escaped(
                "\(community.name) \(text.month(community.month)) \(text.calendarName) · \(entry.volunteer.name)"))
        ics.line("X-WR-TIMEZONE:\(timeZone)")
        for line in [
            "BEGIN:VTIMEZONE", "TZID:\(timeZone)", "BEGIN:STANDARD", "DTSTART:19700101T000000",
            "TZOFFSETFROM:+0800", "TZOFFSETTO:+0800", "TZNAME:CST", "END:STANDARD", "END:VTIMEZONE",
        ] { ics.line(line) }

        let stamp = "DTSTAMP:" + compact(community.month.firstDate) + "T000000Z"
        var events: [(start: (Int, Int), lines: [String])] = []
        for index in entry.teams {
            let team = view.teams[index]
            events.append(((team.date.dayNumber, team.period.start.minutes), patrol(view, team, for: entry.volunteer, uidSuffix)))
        }
        for index in entry.sessions {
            let session = view.sessions[index]
            events.append(((session.session.date.dayNumber, session.session.start.minutes), training(view, session, for: entry.volunteer, uidSuffix)))
        }
        // By start, then by UID: the same order however the schedule lists things.
        for event in events.sorted(by: { ($0.start.0, $0.start.1, $0.lines[0]) < ($1.start.0, $1.start.1, $1.lines[0]) }) {
            ics.line("BEGIN:VEVENT")
            ics.line(event.lines[0])
            ics.line(stamp)
            for line in event.lines.dropFirst() { ics.line(line) }
            ics.line("END:VEVENT")
        }
        ics.line("END:VCALENDAR")
        return ics.bytes
    }

    /// The lines of a patrol event, `UID` first.
    private static func patrol(
        _ view: RosterView, _ team: RosterView.Team, for volunteer: Volunteer, _ uidSuffix: String
    ) -> [String] {
        let text = view.text
        let grid = team.grid
        let gridText = grid.name.isEmpty ? grid.id.rawValue : grid.name + text.parenthesised(grid.id.rawValue)
        let summary = "\(text.patrol) \(grid.name.isEmpty ? grid.id.rawValue : grid.name) \(text.period(team.period))"
        var description = [
            text.gridLabel + text.colon + gridText + text.clauseSeparator + text.riskLabel + text.colon
                + text.risk(grid.risk),
            text.periodLabel + text.colon + "\(text.period(team.period)) \(team.period.start)-\(team.period.end)",
        ]
        if let leader = team.leader {
            let phone = view.phone(of: leader)
            description.append(
                text.leaderLabel + text.colon
                    + (leader.id == volunteer.id ? text.yourself : leader.name + (phone.isEmpty ? "" : " " + phone)))
        }
        let mates = team.members.filter { !$0.isLeader && $0.volunteer.id != volunteer.id }.map { member in
            member.volunteer.name + (member.volunteer.isPartyMember ? text.parenthesised(text.partyMark) : "")
        }
        description.append(text.teamLabel + text.colon + (mates.isEmpty ? "—" : mates.joined(separator: text.listSeparator)))
        let uid = ["patrol", compact(team.date), team.period.id.rawValue, grid.id.rawValue, volunteer.id.rawValue]
            .map(uidPart).joined(separator: "-")
        return [
            "UID:\(uid)\(uidSuffix)",
            "DTSTART;TZID=\(timeZone):" + dateTime(team.date, minutes: team.period.start.minutes),
            "DTEND;TZID=\(timeZone):" + dateTime(team.date, minutes: team.period.endOffset),
            "SUMMARY:" + ICalendarText.escaped(summary),
            "LOCATION:" + ICalendarText.escaped(gridText),
            "DESCRIPTION:" + ICalendarText.escaped(description.joined(separator: "\n")),
            "CATEGORIES:" + ICalendarText.escaped(text.patrol),
            "STATUS:CONFIRMED",
            "TRANSP:OPAQUE",
            "BEGIN:VALARM", "ACTION:DISPLAY", "TRIGGER:-PT1H",
            "DESCRIPTION:" + ICalendarText.escaped("\(summary) · \(text.reminder)"),
            "END:VALARM",
        ]
    }

    /// The lines of a training event, `UID` first.
    private static func training(
        _ view: RosterView, _ entry: RosterView.Session, for volunteer: Volunteer, _ uidSuffix: String
    ) -> [String] {
        let text = view.text
        let session = entry.session
        var description = [text.topicLabel + text.colon + session.topic]
        if !session.location.isEmpty { description.append(text.locationLabel + text.colon + session.location) }
        description.append(text.attendeesLabel + text.colon + String(entry.attendees.count))
        let uid = ["training", session.id.rawValue, volunteer.id.rawValue].map(uidPart).joined(separator: "-")
        var lines = [
            "UID:\(uid)\(uidSuffix)",
            "DTSTART;TZID=\(timeZone):" + dateTime(session.date, minutes: session.start.minutes),
            "DTEND;TZID=\(timeZone):" + dateTime(session.date, minutes: session.endOffset),
            "SUMMARY:" + ICalendarText.escaped("\(text.training) \(session.topic)"),
        ]
        if !session.location.isEmpty { lines.append("LOCATION:" + ICalendarText.escaped(session.location)) }
        lines += [
            "DESCRIPTION:" + ICalendarText.escaped(description.joined(separator: "\n")),
            "CATEGORIES:" + ICalendarText.escaped(text.training),
            "STATUS:CONFIRMED",
            "TRANSP:OPAQUE",
        ]
        return lines
    }

    static let timeZone = "Asia/Shanghai"

    /// `20261205`.
    private static func compact(_ date: LocalDate) -> String {
        let (year, month, day) = date.components
        return String(year).leftPadded(to: 4) + String(month).leftPadded(to: 2) + String(day).leftPadded(to: 2)
    }

    /// `20261205T193000` for `minutes` after midnight of `date` (past 1440: a later day).
    private static func dateTime(_ date: LocalDate, minutes: Int) -> String {
        let time = minutes % 1440
        return compact(date.adding(days: minutes / 1440)) + "T" + String(time / 60).leftPadded(to: 2)
            + String(time % 60).leftPadded(to: 2) + "00"
    }

    /// An id in ASCII for a `UID`: letters, digits, `.` and `_` stay, anything else becomes
    /// `%` and its UTF-8 bytes in hex, so different ids never give the same text.
    private static func uidPart(_ id: String) -> String {
        var result = ""
        for byte in id.utf8 {
            let scalar = UnicodeScalar(byte)
            if byte < 0x80, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || byte == 0x2E
                || byte == 0x5F
            {
                result.unicodeScalars.append(scalar)
            } else {
                result += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return result
    }

    /// `.` and a hash of the community's name and month, then the domain part.
    private static func uidSuffix(_ community: Community) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325  // FNV-1a, 64 bits: stable across runs and platforms
        for byte in "\(community.name)|\(community.month)".utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        return "." + String(hash, radix: 16).leftPadded(to: 16) + "@patrol-roster"
    }
}

/// The lines of an iCalendar object: CRLF line ends, folded at 75 octets.
struct ICalendarText {
    private(set) var bytes: [UInt8] = []

    /// Appends a content line, folding it so that no physical line is longer than 75 octets;
    /// a fold never splits a UTF-8 sequence, and continuation lines start with a space.
    mutating func line(_ content: String) {
        var lineLength = 0
        for byte in content.utf8 {
            let startsCharacter = byte & 0xC0 != 0x80
            if startsCharacter, lineLength + Self.sequenceLength(byte) > 75 {
                bytes += [0x0D, 0x0A, 0x20]
                lineLength = 1
            }
            bytes.append(byte)
            lineLength += 1
        }
        bytes += [0x0D, 0x0A]
    }

    private static func sequenceLength(_ leadByte: UInt8) -> Int {
        switch leadByte {
        case 0xF0...: 4
        case 0xE0...: 3
        case 0xC0...: 2
        default: 1
        }
    }

    /// TEXT as RFC 5545 writes it: backslash, semicolon and comma escaped, line breaks as `\n`.
    static func escaped(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "\\": result += "\\\\"
            case ";": result += "\\;"
            case ",": result += "\\,"
            case "\n", "\r\n", "\r": result += "\\n"
            default: result.append(character)
            }
        }
        return result
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}

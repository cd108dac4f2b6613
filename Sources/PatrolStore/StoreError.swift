import Foundation
import PatrolModel

/// Why the schedule store could not do what was asked, worded for a community office.
public enum StoreError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The store file could not be opened or brought up to date.
    case cannotOpen(path: String, reason: String)
    /// No schedule version has this id; `store` names the store, such as `patrol.sqlite`.
    case scheduleNotFound(Int64, store: String)
    /// No community import has this id.
    case importNotFound(Int64, store: String)
    /// A draft is for another month than the community it was to be recorded with.
    case monthMismatch(draft: Month, community: String, communityMonth: Month)
    /// A draft names a volunteer, grid, period or session its community does not have.
    case unknownReference(Reference, community: String, month: Month)
    /// The schedule version is published already; publishing is done once.
    case alreadyPublished(Int64, publishedAt: Date)
    /// Another version of the same community and month is published; only one can be.
    case monthAlreadyPublished(
        community: String, month: Month, publishedScheduleID: Int64, refusedScheduleID: Int64)

    /// Something a schedule names.
    public enum Reference: Hashable, Sendable, CustomStringConvertible {
        case volunteer(VolunteerID)
        case grid(GridID)
        case period(PeriodID)
        case session(SessionID)

        /// `volunteer V07`, `training session S2`.
        public var description: String {
            switch self {
            case .volunteer(let id): "volunteer \(id)"
            case .grid(let id): "grid \(id)"
            case .period(let id): "period \(id)"
            case .session(let id): "training session \(id)"
            }
        }
    }

    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason):
            "Cannot open the schedule store \(path): \(reason). Check that its folder exists "
                + "and can be written to, and that the file is a patrol store."
        case .scheduleNotFound(let id, let store):
            "No schedule with id \(id) in \(store). Run `patrol schedules` to list them."
        case .importNotFound(let id, let store):
            "No community import with id \(id) in \(store). Run `patrol schedules` to see "
                + "the import each schedule was made from."
        case .monthMismatch(let draft, let community, let communityMonth):
            "The schedule is for \(draft), but \(community) was loaded for \(communityMonth); "
                + "nothing was stored. Solve again for \(communityMonth)."
        case .unknownReference(let reference, let community, let month):
            "The schedule names \(reference), which \(community) (\(month)) does not have; "
                + "nothing was stored. Solve again with the community as it is now."
        case .alreadyPublished(let id, let publishedAt):
            "Schedule #\(id) was already published on \(Self.format(publishedAt)); a published "
                + "schedule stays as it is and is published once."
        case .monthAlreadyPublished(let community, let month, let published, let refused):
            "\(community) \(month) is already published as schedule #\(published); schedule "
                + "#\(refused) was not published. Only one schedule per community and month is "
                + "published, and it is never replaced; to change it, repair it "
                + "(`patrol repair \(published) ...`), which keeps the repair as a new version."
        }
    }

    /// A UTC instant as `2026-12-01 08:30 UTC`.
    private static func format(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        func pad(_ value: Int?) -> String {
            let text = String(value ?? 0)
            return text.count < 2 ? "0" + text : text
        }
        return "\(c.year ?? 0)-\(pad(c.month))-\(pad(c.day)) \(pad(c.hour)):\(pad(c.minute)) UTC"
    }
}

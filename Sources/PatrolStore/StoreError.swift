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
        }
    }
}

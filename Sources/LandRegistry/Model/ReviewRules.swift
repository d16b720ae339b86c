/// The rules of the quarterly land-safety review (soil plan tasks 6, 9 and
/// 13; water plan task 11), in one place.
enum ReviewRules {
    /// The phrases the review's cells are made of, which the reports
    /// translate: one spelling, here, for the builder and the reports.
    static let permittedDespiteBlock = "permitted although the check was block"
    static let alongRiver = " m along "

    /// Stage changes the review reports: onto, along and off the risk list.
    static let reportedStages: Set<Stage> = [.listed, .remediating, .delisted]
    /// Permit statuses that vacate an enterprise's site.
    static let vacatingPermitStatuses: Set<String> = ["cancelled", "revoked"]
    /// Zone levels where an outfall must not be (水污染防治法 第六十四条).
    static let outfallForbiddenZoneLevels: Set<ZoneLevel> = [.first, .second]
    /// How far along the river, downstream of an outfall, a section counts
    /// as affected by it (m).
    static let upstreamDistance = 5000.0
    /// The rule whose findings put strict farmland under food crops.
    static let strictFoodRule = "farmland.strict-food"
}

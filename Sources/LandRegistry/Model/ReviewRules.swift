/// The rules of the quarterly land-safety review (soil plan tasks 6, 9 and
/// 13; water plan task 11), in one place.
enum ReviewRules {
    /// Stage changes the review reports: onto, along and off the risk list.
    static let reportedStages: Set<Stage> = [.listed, .remediating, .delisted]
    /// Zone levels where an outfall must not be (水污染防治法 第六十四条).
    static let outfallForbiddenZoneLevels: Set<ZoneLevel> = [.first, .second]
    /// The rule whose findings put strict farmland under food crops.
    static let strictFoodRule = "farmland.strict-food"
}

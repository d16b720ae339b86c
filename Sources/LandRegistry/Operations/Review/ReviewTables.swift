/// The tables of the quarterly review, one method each.
extension ReviewBuilder {
    /// 1. Housing or public-use (一住两公) proposals checked or permitted in
    /// the quarter: each proposal by its latest check (checking a file twice
    /// counts once); a permit given although the check said block is flagged.
    func sensitive(_ permits: [RecordedPermit]) throws -> ReviewTable {
        var table = ReviewTable(file: "sensitive-approvals.csv", titleZH: "本季度核查或批准的一住两公用地",
                                titleEN: "Housing and public-use proposals checked or approved",
                                header: ["event", "date", "proposal_id", "use", "use_name", "action", "verdict", "soil_findings", "note", "town"])
        let checks = try snapshot.checks(.sensitiveUse, from: start, to: end)
        var latest: [String: Int64] = [:]
        for check in checks { latest[check.proposalID] = max(latest[check.proposalID] ?? 0, check.id) }
        for check in checks where latest[check.proposalID] == check.id {
            add(["checked", check.day, check.proposalID, check.use, LandUse.name(check.use) ?? "", check.action, check.verdict,
                 soilFindings(check.findings), ""], to: &table, at: check.wkb)
        }
        for permit in permits {
            var note = permit.note ?? ""
            if permit.verdict == Severity.block.rawValue {
                note = ReviewRules.permittedDespiteBlock + (note.isEmpty ? "" : ": " + note)
                flag(table.file, "proposals", permit.proposalID, permit.wkb)
            }
            add(["permitted", permit.date, permit.proposalID, permit.use, LandUse.name(permit.use) ?? "", permit.kind, permit.verdict,
                 soilFindings(permit.findings), note], to: &table, at: permit.wkb)
        }
        return table
    }

    /// 2. Clear to zero: permits on land that was, on the permit's date, on
    /// the risk list or unresolved.
    func clearToZero(_ permits: [RecordedPermit]) throws -> ReviewTable {
        var table = ReviewTable(file: "clear-to-zero.csv", titleZH: "违规开发利用清零：在名录或未完成调查地块上批准一住两公",
                                titleEN: "Clear to zero: housing or public use approved on listed or unresolved land",
                                header: ["permit_id", "permit_date", "kind", "proposal_id", "use", "plot", "plot_stage_then", "overlap_m2", "town"])
        let minimum = try snapshot.setting(.overlapMinimum)
        var plotsOn: [String: [FeatureState]] = [:]
        for permit in permits where !permit.wkb.isEmpty {
            let proposal = try Geometry(wkb: permit.wkb, in: geos)
            let prepared = try proposal.prepared()
            let areal = (try? Shape(wkb: permit.wkb).type.isAreal) ?? false
            if plotsOn[permit.date] == nil { plotsOn[permit.date] = try snapshot.states(.riskPlots, asOf: permit.date) }
            for plot in plotsOn[permit.date]! {
                guard let stage = Stage(rawValue: plot["stage"] ?? ""), stage.isOnRiskList || stage.isUnresolved else { continue }
                let geometry = try Geometry(wkb: plot.wkb, in: geos)
                guard try prepared.intersects(geometry) else { continue }
                let overlap = areal ? try proposal.overlapArea(with: geometry) : 0
                guard !areal || overlap > minimum else { continue }
                add(["\(permit.id)", permit.date, permit.kind, permit.proposalID, permit.use, plot.code, stage.rawValue,
                     formatDecimal(rounded(overlap))], to: &table, at: permit.wkb)
                flag(table.file, "proposals", permit.proposalID, permit.wkb)
                flag(table.file, Layer.riskPlots.rawValue, plot.code, plot.wkb)
            }
        }
        return table
    }

    /// 3. Risk-list changes in the quarter.
    func riskListChanges() throws -> ReviewTable {
        var table = ReviewTable(file: "risk-list-changes.csv", titleZH: "本季度风险管控和修复名录变化", titleEN: "Risk-list changes",
                                header: ["code", "name", "date", "from", "to", "doc", "town"])
        var lastStage: [String: String] = [:]
        for row in try snapshot.stateHistory(.riskPlots) {
            let stage = row.properties["stage"]?.stringValue ?? ""
            let before = lastStage[row.code]
            lastStage[row.code] = stage
            guard row.effectiveDate >= start && row.effectiveDate <= end, stage != before,
                  let reported = Stage(rawValue: stage), ReviewRules.reportedStages.contains(reported) else { continue }
            add([row.code, row.properties["name"]?.stringValue ?? "", row.effectiveDate, before ?? "", stage, row.doc ?? ""],
                to: &table, at: row.wkb)
            flag(table.file, Layer.riskPlots.rawValue, row.code, row.wkb)
        }
        return table
    }

    /// 4. Plots not yet investigated or assessed at the quarter's end.
    func unresolved(_ plots: [FeatureState]) -> ReviewTable {
        var table = ReviewTable(file: "unresolved.csv", titleZH: "季末尚未完成调查评估的地块", titleEN: "Unresolved plots at the quarter's end",
                                header: ["code", "name", "stage", "since", "days_waiting", "town"])
        for plot in plots {
            guard let stage = Stage(rawValue: plot["stage"] ?? ""), stage.isUnresolved else { continue }
            let since = plot["stage_date"] ?? ""
            add([plot.code, plot["name"] ?? "", stage.rawValue, since, since.isEmpty ? "" : "\(days(from: since, to: end))"],
                to: &table, at: plot.wkb)
            flag(table.file, Layer.riskPlots.rawValue, plot.code, plot.wkb)
        }
        return table
    }

    /// 5. The sites of enterprises whose permits were cancelled or revoked,
    /// the plots covering them, and whether they need supervision.
    func vacated(plots: [FeatureState]) throws -> ReviewTable {
        var table = ReviewTable(file: "vacated.csv", titleZH: "注销、撤销排污许可证企业腾退地块",
                                titleEN: "Sites of enterprises whose permits were cancelled or revoked",
                                header: ["code", "name", "permit_status", "permit_date", "covering_plot", "plot_stage", "needs_supervision", "town"])
        for enterprise in try snapshot.states(.enterprises, asOf: end) {
            guard ReviewRules.vacatingPermitStatuses.contains(enterprise["permit_status"] ?? "") else { continue }
            let site = try Geometry(wkb: enterprise.wkb, in: geos).prepared()
            let covering = try plots.filter { try site.intersects(Geometry(wkb: $0.wkb, in: geos)) }
            add([enterprise.code, enterprise["name"] ?? "", enterprise["permit_status"] ?? "", enterprise["permit_date"] ?? "",
                 covering.map(\.code).joined(separator: " "), covering.compactMap { $0["stage"] }.joined(separator: " "),
                 covering.isEmpty ? "yes: no plot registered" : "follow the plot"], to: &table, at: enterprise.wkb)
            flag(table.file, Layer.enterprises.rawValue, enterprise.code, enterprise.wkb)
        }
        return table
    }

    /// 6. Outfalls in first or second-level protection zones, and outfalls
    /// upstream of a section along its river.
    func outfalls() throws -> ReviewTable {
        var table = ReviewTable(file: "outfalls.csv", titleZH: "饮用水水源保护区内及断面上游 5 公里内的入河排污口",
                                titleEN: "Outfalls in protection zones, and within 5 km upstream of a section",
                                header: ["code", "name", "type", "finding", "detail", "town"])
        let zones = try snapshot.states(.waterZones, asOf: end).filter {
            ZoneLevel(rawValue: $0["level"] ?? "").map(ReviewRules.outfallForbiddenZoneLevels.contains) ?? false
        }
        let rivers = try snapshot.states(.rivers, asOf: end)
        let sections = try snapshot.states(.sections, asOf: end)
        for outfall in try snapshot.states(.outfalls, asOf: end) {
            let point = try Geometry(wkb: outfall.wkb, in: geos)
            let cells = [outfall.code, outfall["name"] ?? "", outfall["type"] ?? ""]
            for zone in zones where try Geometry(wkb: zone.wkb, in: geos).intersects(point) {
                add(cells + ["in \(zone["level"]!) zone", "\(zone.code) \(zone["source"] ?? "")"], to: &table, at: outfall.wkb)
                flag(table.file, Layer.outfalls.rawValue, outfall.code, outfall.wkb)
            }
            guard let riverName = outfall["river"], let river = rivers.first(where: { $0["name"] == riverName }) else { continue }
            for (section, downstream) in try downstreamSections(of: point, on: river, sections) {
                add(cells + ["upstream of section", "\(section["name"] ?? section.code), \(formatDecimal(rounded(downstream)))\(ReviewRules.alongRiver)\(riverName)"],
                    to: &table, at: outfall.wkb)
                flag(table.file, Layer.outfalls.rawValue, outfall.code, outfall.wkb)
            }
        }
        return table
    }

    /// The sections of `river` that lie downstream of `point` by at most the
    /// review's distance, measured along the river (drawn from source to
    /// mouth), with that distance.
    private func downstreamSections(of point: Geometry, on river: FeatureState,
                                    _ sections: [FeatureState]) throws -> [(FeatureState, Double)] {
        let line = try Geometry(wkb: river.wkb, in: geos)
        let at = try line.project(point)
        var found: [(FeatureState, Double)] = []
        for section in sections where section["river"] == river["name"] {
            let downstream = try line.project(Geometry(wkb: section.wkb, in: geos)) - at
            if downstream > 0 && downstream <= ReviewRules.upstreamDistance { found.append((section, downstream)) }
        }
        return found
    }

    /// 7. Farmland class adjustments; strict farmland under food crops.
    func farmland() throws -> ReviewTable {
        var table = ReviewTable(file: "farmland-changes.csv", titleZH: "耕地土壤环境质量类别调整及严格管控类耕地种植食用农产品",
                                titleEN: "Farmland class adjustments, and food crops proposed on strict farmland",
                                header: ["code", "event", "date", "detail", "town"])
        for row in try snapshot.history(.farmland, action: "reclass", from: start, to: end) {
            add([row.code, "class adjusted", row.effectiveDate, [row.command, row.doc].compactMap { $0 }.joined(separator: "; ")],
                to: &table, at: row.wkb)
            flag(table.file, Layer.farmland.rawValue, row.code, row.wkb)
        }
        for check in try snapshot.checks(.findingRule(ReviewRules.strictFoodRule), from: start, to: end) {
            guard case .array(let items)? = try? JSONValue.parse(check.findings) else { continue }
            for item in items where item["rule"]?.stringValue == ReviewRules.strictFoodRule {
                add([item["code"]?.stringValue ?? "", "food crops proposed", check.day, "proposal \(check.proposalID)"],
                    to: &table, at: check.wkb)
                flag(table.file, "proposals", check.proposalID, check.wkb)
            }
        }
        return table
    }

    /// The soil findings of a recorded check, as "rule code; …".
    private func soilFindings(_ json: String) -> String {
        guard case .array(let items)? = try? JSONValue.parse(json) else { return "" }
        return items.compactMap { item -> String? in
            guard let rule = item["rule"]?.stringValue, rule.hasPrefix("soil.") else { return nil }
            return "\(rule) \(item["code"]?.stringValue ?? "")"
        }.joined(separator: "; ")
    }
}

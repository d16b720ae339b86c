/// The tables of the quarterly review, one method each.
extension ReviewBuilder {
    /// 1. Housing or public-use (一住两公) proposals checked or permitted in
    /// the quarter: each proposal by its latest check (checking a file twice
    /// counts once); a permit given although the check said block is flagged.
    func sensitive(_ permits: [RecordedPermit]) throws -> ReviewTable {
        var table = ReviewTable(file: "sensitive-approvals.csv", title: "Housing and public-use proposals checked or approved",
                                header: ["event", "date", "proposal_id", "use", "use_name", "action", "verdict", "soil_findings", "note", "town"])
        let checks = try snapshot.checks(.sensitiveUse, from: start, to: end)
        var latest: [String: Int64] = [:]
        for check in checks { latest[check.proposalID] = max(latest[check.proposalID] ?? 0, check.id) }
        for check in checks where latest[check.proposalID] == check.id {
            add([.term(ReviewEvent.checked), .text(check.day), .text(check.proposalID), .text(check.use), .text(LandUse.name(check.use) ?? ""),
                 .term(check.action, in: ProposalAction.context), .term(check.verdict), .text(soilFindings(check.findings)), .text("")],
                to: &table, at: check.wkb)
        }
        for permit in permits {
            var note = Cell.text(permit.note ?? "")
            if permit.check.verdict == .block {
                note = .phrase(permit.note.map { "permitted although the check was block: \($0)" } ?? "permitted although the check was block")
                flag(table.file, "proposals", permit.check.proposalID, permit.check.wkb)
            }
            add([.term(ReviewEvent.permitted), .text(permit.date), .text(permit.check.proposalID), .text(permit.check.use), .text(LandUse.name(permit.check.use) ?? ""),
                 .term(permit.kind, in: ProposalAction.context), .term(permit.check.verdict), .text(soilFindings(permit.check.findings)), note],
                to: &table, at: permit.check.wkb)
        }
        return table
    }

    /// 2. Clear to zero: permits on land that was, on the permit's date, on
    /// the risk list or unresolved.
    func clearToZero(_ permits: [RecordedPermit]) throws -> ReviewTable {
        var table = ReviewTable(file: "clear-to-zero.csv", title: "Clear to zero: housing or public use approved on listed or unresolved land",
                                header: ["permit_id", "permit_date", "kind", "proposal_id", "use", "plot", "plot_stage_then", "overlap_m2", "town"])
        let minimum = try snapshot.setting(.overlapMinimum)
        var plotsOn: [String: [FeatureState]] = [:]
        for permit in permits where !permit.check.wkb.isEmpty {
            let proposal = try Geometry(wkb: permit.check.wkb, in: geos)
            let prepared = try proposal.prepared()
            if plotsOn[permit.date] == nil { plotsOn[permit.date] = try snapshot.states(.riskPlots, asOf: permit.date) }
            for plot in plotsOn[permit.date]! {
                guard let stage = Stage(rawValue: plot["stage"] ?? ""), stage.isOnRiskList || stage.isUnresolved else { continue }
                let geometry = try Geometry(wkb: plot.wkb, in: geos)
                let relation = try SpatialRelation(proposal, prepared: prepared, areal: proposal.isAreal, geometry, areal: geometry.isAreal,
                                                   overlapMinimum: minimum)
                guard relation.overlaps else { continue }
                let overlap = relation.overlap
                add([.text("\(permit.id)"), .text(permit.date), .term(permit.kind, in: ProposalAction.context), .text(permit.check.proposalID),
                     .text(permit.check.use), .text(plot.code), .term(stage), .text(formatDecimal(rounded(overlap)))], to: &table, at: permit.check.wkb)
                flag(table.file, "proposals", permit.check.proposalID, permit.check.wkb)
                flag(table.file, Layer.riskPlots.rawValue, plot.code, plot.wkb)
            }
        }
        return table
    }

    /// 3. Risk-list changes in the quarter.
    func riskListChanges() throws -> ReviewTable {
        var table = ReviewTable(file: "risk-list-changes.csv", title: "Risk-list changes",
                                header: ["code", "name", "date", "from", "to", "doc", "town"])
        var lastStage: [String: String] = [:]
        for row in try snapshot.stateHistory(.riskPlots) {
            let stage = row.state["stage"] ?? ""
            let before = lastStage[row.state.code]
            lastStage[row.state.code] = stage
            guard row.effectiveDate >= start && row.effectiveDate <= end, stage != before,
                  let reported = Stage(rawValue: stage), ReviewRules.reportedStages.contains(reported) else { continue }
            add([.text(row.state.code), .text(row.state["name"] ?? ""), .text(row.effectiveDate),
                 .term(before ?? "", in: Stage.context), .term(reported), .text(row.doc ?? "")], to: &table, at: row.state.wkb)
            flag(table.file, Layer.riskPlots.rawValue, row.state.code, row.state.wkb)
        }
        return table
    }

    /// 4. Plots not yet investigated or assessed at the quarter's end.
    func unresolved(_ plots: [FeatureState]) -> ReviewTable {
        var table = ReviewTable(file: "unresolved.csv", title: "Unresolved plots at the quarter's end",
                                header: ["code", "name", "stage", "since", "days_waiting", "town"])
        for plot in plots {
            guard let stage = Stage(rawValue: plot["stage"] ?? ""), stage.isUnresolved else { continue }
            let since = plot["stage_date"] ?? ""
            add([.text(plot.code), .text(plot["name"] ?? ""), .term(stage), .text(since), .text(since.isEmpty ? "" : "\(days(from: since, to: end))")],
                to: &table, at: plot.wkb)
            flag(table.file, Layer.riskPlots.rawValue, plot.code, plot.wkb)
        }
        return table
    }

    /// 5. The sites of enterprises whose permits were cancelled or revoked,
    /// the plots covering them, and whether they need supervision.
    func vacated(plots: [FeatureState]) throws -> ReviewTable {
        var table = ReviewTable(file: "vacated.csv", title: "Sites of enterprises whose permits were cancelled or revoked",
                                header: ["code", "name", "permit_status", "permit_date", "covering_plot", "plot_stage", "needs_supervision", "town"])
        for enterprise in try snapshot.states(.enterprises, asOf: end) {
            guard let status = PermitStatus(rawValue: enterprise["permit_status"] ?? ""), status.vacates else { continue }
            let site = try Geometry(wkb: enterprise.wkb, in: geos).prepared()
            let covering = try plots.filter { try site.intersects(Geometry(wkb: $0.wkb, in: geos)) }
            add([.text(enterprise.code), .text(enterprise["name"] ?? ""), .term(status), .text(enterprise["permit_date"] ?? ""),
                 .text(covering.map(\.code).joined(separator: " ")),
                 .list(covering.compactMap { $0["stage"] }.map { .term($0, in: Stage.context) }, separator: " "),
                 .term(covering.isEmpty ? Supervision.noPlotRegistered : .followThePlot)], to: &table, at: enterprise.wkb)
            flag(table.file, Layer.enterprises.rawValue, enterprise.code, enterprise.wkb)
        }
        return table
    }

    /// 6. Outfalls in first or second-level protection zones, and outfalls
    /// upstream of a section along its river.
    func outfalls() throws -> ReviewTable {
        let reach = try snapshot.setting(.traceUpstreamDistance)
        var table = ReviewTable(file: "outfalls.csv",
                                title: "Outfalls in protection zones, and within \(formatNumber(reach / 1000)) km upstream of a section",
                                header: ["code", "name", "type", "finding", "detail", "town"])
        let zones = try snapshot.states(.waterZones, asOf: end).filter {
            ZoneLevel(rawValue: $0["level"] ?? "").map(ReviewRules.outfallForbiddenZoneLevels.contains) ?? false
        }
        let rivers = try snapshot.states(.rivers, asOf: end)
        let sections = try snapshot.states(.sections, asOf: end)
        for outfall in try snapshot.states(.outfalls, asOf: end) {
            let point = try Geometry(wkb: outfall.wkb, in: geos)
            let cells: [Cell] = [.text(outfall.code), .text(outfall["name"] ?? ""), .term(outfall["type"] ?? "", in: OutfallType.context)]
            for zone in zones where try Geometry(wkb: zone.wkb, in: geos).intersects(point) {
                let concern: OutfallConcern = zone["level"] == ZoneLevel.first.rawValue ? .inFirstZone : .inSecondZone
                add(cells + [.term(concern), .text("\(zone.code) \(zone["source"] ?? "")")], to: &table, at: outfall.wkb)
                flag(table.file, Layer.outfalls.rawValue, outfall.code, outfall.wkb)
            }
            guard let riverName = outfall["river"], let river = rivers.first(where: { $0["name"] == riverName }) else { continue }
            for (section, downstream) in try downstreamSections(of: point, on: river, sections, reach: reach) {
                add(cells + [.term(OutfallConcern.upstreamOfSection), .along(section["name"] ?? section.code, metres: downstream, river: riverName)],
                    to: &table, at: outfall.wkb)
                flag(table.file, Layer.outfalls.rawValue, outfall.code, outfall.wkb)
            }
        }
        return table
    }

    /// The sections of `river` that lie downstream of `point` by at most the
    /// distance `reach`, measured along the river (drawn from source to
    /// mouth), with that distance.
    private func downstreamSections(of point: Geometry, on river: FeatureState,
                                    _ sections: [FeatureState], reach: Double) throws -> [(FeatureState, Double)] {
        let line = try Geometry(wkb: river.wkb, in: geos)
        let at = try line.project(point)
        var found: [(FeatureState, Double)] = []
        for section in sections where section["river"] == river["name"] {
            let downstream = try line.project(Geometry(wkb: section.wkb, in: geos)) - at
            if downstream > 0 && downstream <= reach { found.append((section, downstream)) }
        }
        return found
    }

    /// 7. Farmland class adjustments; strict farmland under food crops.
    func farmland() throws -> ReviewTable {
        var table = ReviewTable(file: "farmland-changes.csv", title: "Farmland class adjustments, and food crops proposed on strict farmland",
                                header: ["code", "event", "date", "detail", "town"])
        for row in try snapshot.history(.farmland, action: .reclass, from: start, to: end) {
            add([.text(row.state.code), .term(ReviewEvent.classAdjusted), .text(row.effectiveDate),
                 .text([row.command, row.doc].compactMap { $0 }.joined(separator: "; "))], to: &table, at: row.state.wkb)
            flag(table.file, Layer.farmland.rawValue, row.state.code, row.state.wkb)
        }
        for check in try snapshot.checks(.findingRule(ReviewRules.strictFoodRule), from: start, to: end) {
            for finding in check.findings where finding.rule == ReviewRules.strictFoodRule {
                add([.text(finding.code), .term(ReviewEvent.foodCropsProposed), .text(check.day),
                     .phrase("proposal \(check.proposalID)")], to: &table, at: check.wkb)
                flag(table.file, "proposals", check.proposalID, check.wkb)
            }
        }
        return table
    }

    /// The soil findings of a recorded check, as "rule code; …".
    private func soilFindings(_ findings: [RecordedFinding]) -> String {
        findings.filter { $0.rule.hasPrefix("soil.") }.map { "\($0.rule) \($0.code)" }.joined(separator: "; ")
    }
}

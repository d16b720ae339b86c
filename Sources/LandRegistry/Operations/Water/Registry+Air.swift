extension Registry {
    /// Each admin area's monthly means of the air pollutants in `year`
    /// against its monthly targets (values and targets from `monitor import`).
    public func airReport(year: Int) throws -> AirReport {
        try snapshot { snapshot in
            let months = (1...12).map { String(format: "%04d-%02d", year, $0) }
            var values: [String: [MonitoringParameter: [String: Double]]] = [:]
            var targets: [String: [MonitoringParameter: [String: Double]]] = [:]
            for mean in try snapshot.monthlyMeans(months: months, kind: .value) where mean.parameter.isAir {
                values[mean.site, default: [:]][mean.parameter, default: [:]][mean.month] = mean.mean
            }
            for mean in try snapshot.monthlyMeans(months: months, kind: .target) where mean.parameter.isAir {
                targets[mean.site, default: [:]][mean.parameter, default: [:]][mean.month] = mean.mean
            }
            var report = AirReport(year: year)
            for area in try snapshot.currentStates(.admin) where values[area.code] != nil || targets[area.code] != nil {
                let pollutants = MonitoringParameter.allCases.filter(\.isAir).compactMap { parameter -> (MonitoringParameter, [(String, Double?, Double?)])? in
                    let v = values[area.code]?[parameter], t = targets[area.code]?[parameter]
                    guard v != nil || t != nil else { return nil }
                    return (parameter, months.map { ($0, v?[$0], t?[$0]) })
                }
                report.areas.append(AirArea(code: area.code, name: area["name"] ?? area.code, pollutants: pollutants))
            }
            return report
        }
    }
}

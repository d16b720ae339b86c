// Long file: the one table of the contract's words, every one in Chinese beside its key.

extension Terms {
    /// Every contract word in Chinese, keyed by `context.name`: each case
    /// of each `Term` type, and the column names of the tables people read
    /// (`column.name`; `column.table.name` where a table means something else).
    public static let zh: [String: String] = [
        // layer (`Layer`)
        "layer.risk-plots": "疑似污染地块和污染地块", "layer.farmland": "耕地", "layer.basic-farmland": "永久基本农田",
        "layer.water-zones": "饮用水水源保护区", "layer.rivers": "河流", "layer.sections": "监测断面",
        "layer.outfalls": "入河排污口", "layer.enterprises": "企业", "layer.admin": "行政区划",
        // what a message is about (`Subject`)
        "subject.proposal": "项目", "subject.section": "断面", "subject.outfall": "排污口",
        // stage (`Stage`)
        "stage.suspected": "疑似", "stage.investigating": "调查中", "stage.clean": "未超标", "stage.contaminated": "污染",
        "stage.listed": "已列入名录", "stage.remediating": "风险管控或修复中", "stage.delisted": "已移出名录",
        // a parcel's class (`FarmlandClass`)
        "class.priority": "优先保护类", "class.safe_use": "安全利用类", "class.strict": "严格管控类",
        // a zone's level and its source (`ZoneLevel`, `SourceType`)
        "level.first": "一级", "level.second": "二级", "level.quasi": "准保护区",
        "source_type.river": "河流型", "source_type.reservoir": "湖库型", "source_type.groundwater": "地下水型",
        // an outfall's type (`OutfallType`)
        "type.industrial": "工业排污口", "type.sewage_plant": "城镇污水处理厂排污口", "type.agricultural": "农业排口",
        "type.other": "其他排口",
        // an admin area's kind, an enterprise's permit (`AdminKind`, `PermitStatus`)
        "kind.county": "县", "kind.county_seat": "县城建成区", "kind.town": "乡镇",
        "permit_status.valid": "有效", "permit_status.cancelled": "注销", "permit_status.revoked": "撤销",
        // a section's water body (`WaterBody`), a GB 3838 class (`WaterClass`)
        "water_body.river": "河流", "water_body.lake": "湖库",
        "water_class.I": "Ⅰ类", "water_class.II": "Ⅱ类", "water_class.III": "Ⅲ类", "water_class.IV": "Ⅳ类",
        "water_class.V": "Ⅴ类", "water_class.worse_than_V": "劣Ⅴ类",
        // a proposal's action, a permit's kind (`ProposalAction`)
        "action.supply": "土地供应", "action.use_change": "改变用途", "action.planning_permit": "规划许可",
        "action.reclamation": "复垦", "action.new_project": "新建项目", "action.new_outfall": "新设排污口",
        // a finding's severity, a proposal's verdict (`Severity`, `Verdict`)
        "severity.block": "不予通过", "severity.condition": "附条件", "severity.warn": "提示",
        "verdict.block": "不予通过", "verdict.condition": "附条件", "verdict.warn": "提示", "verdict.clear": "未发现冲突",
        // role (`Role`): what an account may do
        "role.viewer": "查看", "role.clerk": "窗口核查", "role.editor": "编辑", "role.admin": "管理员",
        // where a rule's words come from (`LegalBasis.Source.Kind`)
        "source.statute": "法律", "source.plan": "县行动计划",
        // a remedy's measure and event (`RemedyMeasure`, `RemedyEvent`)
        "measure.ban": "取缔", "measure.merge": "合并", "measure.regularize": "规范整治", "measure.other": "其他",
        "remedy_event.set": "确定", "remedy_event.done": "完成",
        // a monitored parameter (`MonitoringParameter`)
        "parameter.cod": "化学需氧量", "parameter.codmn": "高锰酸盐指数", "parameter.bod5": "五日生化需氧量",
        "parameter.nh3n": "氨氮", "parameter.tp": "总磷", "parameter.tn": "总氮", "parameter.do": "溶解氧",
        "parameter.ph": "pH值", "parameter.flow": "流量", "parameter.so2": "二氧化硫", "parameter.no2": "二氧化氮",
        "parameter.pm10": "PM10", "parameter.pm25": "PM2.5", "parameter.co": "一氧化碳", "parameter.o3": "臭氧",
        // what a monitoring row holds (`MonitoringKind`)
        "monitoring.value": "监测值", "monitoring.target": "目标值",
        // a change in a feature's history (`ChangeKind`)
        "change.insert": "新增", "change.update": "更新", "change.delete": "删除", "change.stage": "阶段变更",
        "change.reclass": "类别调整",
        // the audit's checks (`AuditCheck`)
        "audit.town-mismatch": "乡镇不符", "audit.outside-county": "县域之外", "audit.farmland-overlap": "耕地图斑重叠",
        "audit.risk-plot-overlap": "地块重叠", "audit.risk-plot-duplicate": "地块重复", "audit.no-stage-date": "缺少阶段日期",
        "audit.outfall-off-river": "排污口偏离河流", "audit.section-off-river": "断面偏离河流",
        "audit.invalid-geometry": "几何无效", "audit.wrong-geometry-type": "几何类型不符", "audit.unknown-value": "取值不在可选值之内",
        "audit.illegal-stage-change": "阶段变更不合规定",
        // the review's own words (`ReviewEvent`, `OutfallConcern`, `Supervision`, `Meets`)
        "event.checked": "已审查", "event.permitted": "已批准", "event.class adjusted": "类别调整",
        "event.food crops proposed": "拟种植食用农产品",
        "concern.in first zone": "位于一级保护区", "concern.in second zone": "位于二级保护区",
        "concern.upstream of section": "断面上游",
        "supervision.yes: no plot registered": "是：未登记地块", "supervision.follow the plot": "随地块监管",
        "meets.yes": "是", "meets.no": "否",
        // a value that is missing (no section class, a month without data)
        "value.no data": "无数据", "value.-": "无数据",
        // a boolean property's values (`YesNo`)
        "bool.true": "是", "bool.false": "否",
        // a JSON value's and a geometry's type (`JSONType`, `GeometryType`)
        "json.null": "空值", "json.a boolean": "布尔值", "json.a number": "数字", "json.a string": "字符串",
        "json.an array": "数组", "json.an object": "对象",
        "geometry.Point": "点", "geometry.LineString": "线", "geometry.Polygon": "面", "geometry.MultiPoint": "多点",
        "geometry.MultiLineString": "多线", "geometry.MultiPolygon": "多面", "geometry.GeometryCollection": "几何集合",
        "geometry.Unknown": "未知几何",
        // GEOS's reasons for invalidity (an open set: what GEOS says)
        "geos.Self-intersection": "自相交", "geos.Ring Self-intersection": "环自相交",
        "geos.Too few points in geometry component": "几何组成部分的点太少", "geos.Hole lies outside shell": "内环位于外环之外",
        "geos.Holes are nested": "内环相互嵌套", "geos.Interior is disconnected": "内部不连通",
        "geos.Nested shells": "外环相互嵌套", "geos.Duplicate Rings": "重复的环", "geos.Invalid Coordinate": "无效坐标",
        "geos.Ring is not closed": "环不闭合",

        // labels of the reports whose English is used for another word elsewhere
        "label.note": "注意", "label.basis": "依据", "label.summary": "概况", "label.totals": "汇总",
        "label.proposal": "申请地块", "label.proposals": "地块", "layer.proposals": "申请地块",
        "label.target": "目标", "label.evaluation-basis": "评价依据",
        // the months of a year's table (`air`)
        "month.01": "1月", "month.02": "2月", "month.03": "3月", "month.04": "4月", "month.05": "5月", "month.06": "6月",
        "month.07": "7月", "month.08": "8月", "month.09": "9月", "month.10": "10月", "month.11": "11月", "month.12": "12月",
        // the columns of the water and air reports, by table
        "column.water.sections.code": "断面编码", "column.water.sections.name": "断面名称", "column.water.sections.target": "目标",
        "column.water.sections.class": "水质类别", "column.water.sections.meets": "是否达标",
        "column.water.sections.over the target class (mean, times over)": "超标指标（均值，超标倍数）",
        "column.water.sections.each month": "各月类别",
        "column.water.outfalls.code": "排口编码", "column.water.outfalls.name": "名称", "column.water.outfalls.type": "类型",
        "column.water.outfalls.samples over the limit (value > limit, times over, date)": "超标样品（监测值 > 限值，超标倍数，日期）",
        "column.water.outfalls.no limit": "无排放限值的指标",
        "column.water.overdue.outfall": "排口编码", "column.water.overdue.name": "名称", "column.water.overdue.measure": "整治措施",
        "column.water.overdue.responsible": "责任主体", "column.water.overdue.deadline": "完成时限",
        "column.water.overdue.days overdue": "逾期天数",
        "column.water.trace.distance (m)": "距断面（米）", "column.water.trace.outfall": "排口编码", "column.water.trace.name": "名称",
        "column.water.trace.river": "河流", "column.water.trace.over its limit": "本期超标指标", "column.water.trace.town": "所在乡镇",
        "column.water.trace.nearest enterprise": "最近企业",
        "column.air.code": "区域编码", "column.air.area": "区域", "column.air.pollutant": "污染物", "column.air.unit": "单位",
        "column.air.month": "月份", "column.air.mean": "月均值", "column.air.target": "目标", "column.air.over target": "是否超目标",
        // a layer in a map's legend: what it holds
        "legend.risk-plots": "疑似污染地块和污染地块", "legend.farmland": "耕地土壤环境质量类别",
        "legend.basic-farmland": "永久基本农田", "legend.water-zones": "饮用水水源保护区", "legend.rivers": "河流",
        "legend.sections": "水质监测断面", "legend.outfalls": "入河排污口", "legend.enterprises": "企业",
        "legend.admin": "行政区划",

        // columns of the tables people read — the review's, `list`'s, `query`'s, `audit`'s
        "column.event": "事件", "column.date": "日期", "column.proposal_id": "项目编号", "column.use": "用途代码",
        "column.use_name": "用途", "column.action": "事项", "column.verdict": "审查结论", "column.soil_findings": "土壤审查发现",
        "column.note": "备注", "column.town": "乡镇", "column.permit_id": "批准记录号", "column.permit_date": "批准日期",
        "column.kind": "批准类型", "column.plot": "地块", "column.plot_stage_then": "批准时地块阶段",
        "column.overlap_m2": "重叠面积（平方米）", "column.code": "编码", "column.name": "名称", "column.from": "原阶段",
        "column.to": "新阶段", "column.doc": "依据文件", "column.stage": "阶段", "column.since": "起始日期",
        "column.days_waiting": "已等待天数", "column.permit_status": "排污许可证状态", "column.covering_plot": "所在地块",
        "column.plot_stage": "地块阶段", "column.needs_supervision": "监管要求", "column.type": "类型", "column.finding": "发现",
        "column.detail": "详情", "column.target_class": "目标水质", "column.class": "水质类别", "column.meets": "是否达标",
        "column.over_target_class": "超标指标（均值，超标倍数）", "column.months": "各月类别",
        "column.exceedances": "超标样品（监测值 > 限值，超标倍数，日期）", "column.no_limit": "无排放限值的指标",
        "column.outfall": "排口编码", "column.measure": "整治措施", "column.responsible": "责任主体",
        "column.deadline": "完成时限", "column.days_overdue": "逾期天数",
        "column.area_m2": "面积（平方米）", "column.mu": "面积（亩）", "column.lon": "经度", "column.lat": "纬度",
        "column.other_code": "相关要素编码", "column.overlap_mu": "重叠面积（亩）", "column.distance_m": "距离（米）",
        "column.check": "检查项", "column.layer": "图层", "column.level": "保护区级别", "column.source": "水源",
        "column.source_type": "水源类型", "column.crop": "作物", "column.concentrated": "集中区", "column.river": "河流",
        "column.status": "状态", "column.assessed_by": "考核", "column.key_supervised": "重点监管", "column.air_emitting": "涉气",
        "column.toxic_history": "有毒有害物质历史", "column.enterprise": "企业", "column.former_use": "原用途",
        "column.stage_date": "阶段日期", "column.water_body": "水体类型", "column.industry": "行业",
        // towns.csv: a column per review table
        "column.sensitive-approvals": "一住两公核查批准", "column.clear-to-zero": "违规开发利用",
        "column.risk-list-changes": "名录变化", "column.unresolved": "未完成调查评估", "column.vacated": "腾退地块",
        "column.outfalls": "保护区及断面上游排污口", "column.farmland-changes": "耕地类别调整",
        "column.water-sections": "断面水质", "column.water-outfalls": "超标或无限值排污口", "column.outfall-remedies": "逾期整治",
        // names that mean something else in one table or layer
        "column.vacated.csv.permit_date": "排污许可证日期", "column.vacated.csv.plot_stage": "地块阶段",
        "column.water-sections.csv.class": "水质类别", "column.farmland.class": "耕地类别",
        "column.enterprises.permit_date": "排污许可证日期", "column.admin.kind": "区划类型", "column.outfalls.type": "排口类型",
        "column.sections.target_class": "目标水质",
    ]

    /// The English labels prose reports (water, air, the check) write where
    /// the contract's name is not what an English reader expects.
    static let en: [String: String] = [
        "parameter.cod": "COD", "parameter.codmn": "CODMn", "parameter.bod5": "BOD5", "parameter.nh3n": "NH3-N",
        "parameter.tp": "TP", "parameter.tn": "TN", "parameter.do": "DO", "parameter.ph": "pH", "parameter.flow": "flow",
        "parameter.so2": "SO2", "parameter.no2": "NO2", "parameter.pm10": "PM10", "parameter.pm25": "PM2.5",
        "parameter.co": "CO", "parameter.o3": "O3",
        "water_class.I": "class I", "water_class.II": "class II", "water_class.III": "class III", "water_class.IV": "class IV",
        "water_class.V": "class V", "water_class.worse_than_V": "worse than V",
        "verdict.block": "BLOCK", "verdict.condition": "CONDITION", "verdict.warn": "WARN", "verdict.clear": "CLEAR",
        "source.statute": "law", "source.plan": "county plan",
        "label.totals": "Summary", "label.summary": "Summary", "label.basis": "Basis", "label.note": "note",
        "label.evaluation-basis": "Basis",
        "legend.risk-plots": "suspected and contaminated construction-land plots",
        "legend.farmland": "cultivated land with its soil-quality class", "legend.basic-farmland": "permanent basic farmland",
        "legend.water-zones": "drinking-water source protection zones", "legend.rivers": "rivers",
        "legend.sections": "water-quality monitoring sections", "legend.outfalls": "outfalls into rivers",
        "legend.enterprises": "enterprises", "legend.admin": "county, county seat and towns",
    ]

    /// Other Chinese words staff write for a value, read back as it (the
    /// table's own word is read too).
    static let synonyms: [String: [String]] = [
        "stage.suspected": ["疑似地块"], "stage.investigating": ["正在调查"], "stage.clean": ["无污染"],
        "stage.contaminated": ["污染地块"], "stage.listed": ["列入名录", "名录"],
        "stage.remediating": ["修复中", "治理修复中"], "stage.delisted": ["移出名录"],
        "class.priority": ["优先保护"], "class.safe_use": ["安全利用"], "class.strict": ["严格管控"],
        "level.first": ["一级保护区"], "level.second": ["二级保护区"], "level.quasi": ["准"],
        "source_type.river": ["河流"], "source_type.reservoir": ["水库", "湖泊"], "source_type.groundwater": ["地下水"],
        "type.industrial": ["工业"], "type.sewage_plant": ["污水处理厂", "城镇污水处理厂"], "type.agricultural": ["农业"],
        "type.other": ["其他", "其它", "其它排口"],
        "water_body.lake": ["湖泊型", "水库型", "湖", "水库", "湖泊", "湖库型"],
        "water_class.I": ["Ⅰ", "I类"], "water_class.II": ["Ⅱ", "II类"], "water_class.III": ["Ⅲ", "III类"],
        "water_class.IV": ["Ⅳ", "IV类"], "water_class.V": ["Ⅴ", "V类"],
        "kind.county_seat": ["县城"], "kind.town": ["镇", "乡"],
        "action.supply": ["供地", "供应"], "action.use_change": ["变更用途", "用途变更"], "action.reclamation": ["土地复垦"],
        "action.new_project": ["新建"], "action.new_outfall": ["新设"],
        "permit_status.valid": ["正常"], "permit_status.cancelled": ["已注销"], "permit_status.revoked": ["已撤销"],
    ]
}

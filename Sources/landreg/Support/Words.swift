// Long file: the CLI's own words in Chinese, an entry per message and help text.

/// The Chinese of what only the CLI says, keyed by the English it writes:
/// its messages (summary lines, usage errors, the flags a library remedy
/// asks for), ArgumentParser's own words it translates, and the manual
/// (`--help`: each command's abstract and discussion, each argument's and
/// option's help). The library's words are in its own catalogue
/// (`Catalogue.zh`); `CLIWordsTests` reads the CLI's sources and checks that
/// every message has its entry here or there, and that every entry here is
/// still said.
enum CLIWords {
    static let zh: [String: String] = messages.merging(manual) { message, _ in message }

    /// Messages, usage errors and flags.
    private static let messages: [String: String] = [
        "; {} {}, {} m² ({} mu)": "；{} {} 个，{} 平方米（{} 亩）",
        "{}: skipped {} rows of parameters landreg does not judge: {}": "{}：跳过 {} 行 landreg 不评价的指标：{}",
        "pass --classification 2017": "使用 --classification 2017",
        " (dry run: nothing was changed)": "（试运行：未作任何修改）",
        "would delete: {}": "将删除：{}",
        "--port must be 0 to 65535": "--port 须在 0 到 65535 之间",
        "--host {} is not a loopback address: the registry has no admin account to protect it (landreg user add NAME --role admin)":
            "--host {} 不是本机回环地址：登记库还没有管理员账号来保护它（landreg user add 名称 --role admin）",
        "revoked {}'s token {}": "已撤销 {} 的令牌 {}",
        "give the password on standard input": "请从标准输入给出密码",
        "Password: ": "密码：",
        "New password: ": "新密码：",
        "added {} ({})": "已添加 {}（{}）",
        "changed the password of {}": "已修改 {} 的密码",
        "disabled {}": "已停用 {}",
        "created_at": "创建时间",
        "disabled": "已停用",
        "role": "角色",
        "tokens": "令牌",
        "serving {} on http://{}:{}/": "正在发布 {}：http://{}:{}/",
        "cannot serve on {}:{}: {}": "无法在 {}:{} 上提供服务：{}",
        "deleted: {}": "已删除：{}",
        "(sewage_plant outfalls without their own limits: GB 18918-2002 class 1A — cod 50, bod5 10, nh3n 5, tn 15, tp 0.5 mg/L, ph 6-9)":
            "（没有自身限值的城镇污水处理厂排污口按 GB 18918-2002 一级A：化学需氧量 50、五日生化需氧量 10、氨氮 5、总氮 15、总磷 0.5 mg/L，pH 6-9）",
        ", {} deleted": "，删除 {}",
        ", {} m² ({} mu)": "，{} 平方米（{} 亩）",
        ", {} repaired": "，修复 {}",
        "--date is required": "必须给出 --date",
        "--distance goes with --within": "--distance 须与 --within 同用",
        "--distance must be a number of metres ≥ 0": "--distance 必须是 ≥ 0 的米数",
        "--done takes only --date (and --note)": "--done 只与 --date（及 --note）同用",
        "--format for audit is table, csv or json": "audit 的 --format 为 table、csv 或 json",
        "--format gpkg needs --out FILE.gpkg": "--format gpkg 需要 --out 文件.gpkg",
        "--format shp needs --out FOLDER": "--format shp 需要 --out 文件夹",
        "--make-valid repairs it": "可用 --make-valid 修复",
        "--map '{}' is not property=FIELD[,property=FIELD…]": "--map “{}”不是 属性=字段[,属性=字段…] 的形式",
        "--month '{}' is not YYYY-MM, e.g. 2023-07": "--month “{}”不是 YYYY-MM 格式，例如 2023-07",
        "--other-where needs --overlapping, --within or --nearest": "--other-where 需要 --overlapping、--within 或 --nearest",
        "--precision must be between 0 and 15": "--precision 必须在 0 到 15 之间",
        "--quarter '{}' is not YYYYQn, e.g. 2023Q3": "--quarter “{}”不是 YYYYQn 格式，例如 2023Q3",
        "--split writes a folder of GeoJSON files: it goes without --out and --format shp":
            "--split 写出一个 GeoJSON 文件夹，不能与 --out 和 --format shp 同用",
        "--within needs --distance METRES": "--within 需要 --distance 米数",
        "--year {} is not a year": "--year {} 不是年份",
        "1 feature": "1 个要素",
        "1 site": "1 个地块",
        "a remedy needs --measure, --responsible and --deadline": "整治措施需要 --measure、--responsible 和 --deadline",
        "area": "面积",
        "block": "不予通过",
        "checked_at": "审查时间",
        "clear": "未发现冲突",
        "condition": "附条件",
        "create one with 'landreg init', or pass --db PATH": "请用“landreg init”创建，或给出 --db 路径",
        "created {} (EPSG:{}, {} layers)": "已创建 {}（EPSG:{}，{} 个图层）",
        "deadline": "完成时限",
        "Error: {}": "错误：{}",
        "event": "事件",
        "findings": "发现",
        "geometry": "几何",
        "give --month YYYY-MM or --quarter YYYYQn": "请给出 --month YYYY-MM 或 --quarter YYYYQn",
        "give CODE and CLASS, or --file": "请给出 编码 和 类别，或 --file",
        "give either VALUE or --remove": "请给出 限值 或 --remove，二者取一",
        "give it with --note": "请用 --note 说明",
        "give one of --overlapping, --within and --nearest": "--overlapping、--within 和 --nearest 只能给出一个",
        "give the codes of the features to remove": "请给出要删除的要素编码",
        "item": "项目",
        "landreg: error: {}": "landreg：错误：{}",
        "landreg: warning: {}": "landreg：警告：{}",
        "layer": "图层",
        "limit {} {} removed": "已删除 {} 的{}限值",
        "limit {} {} {}": "{} 的{}限值：{}",
        "measure": "整治措施",
        "Missing expected argument '{}'": "缺少参数 '{}'",
        "Missing value for '{}'": "缺少 '{}' 的值",
        "monitoring: {} read, {} inserted, {} replaced, {} unchanged": "监测数据：读入 {} 条，新增 {} 条，替换 {} 条，未变 {} 条",
        "name": "名称",
        "no feature with code '{}' in layer {}": "{2}图层中没有编码为“{1}”的要素",
        "no history of '{}' in layer {}": "{2}图层中没有“{1}”的历史记录",
        "no recorded check of proposal '{}'": "没有项目“{}”的审查记录",
        "note": "备注",
        "parameter": "指标",
        "pass --encoding, e.g. --encoding GBK": "请给出 --encoding，例如 --encoding GBK",
        "pass --srid with the EPSG code, e.g. --srid 4547": "请用 --srid 给出 EPSG 代码，例如 --srid 4547",
        "pass --use CODE for the proposals that lack one, or --map use=FIELD": "请为缺少用途的项目给出 --use 代码，或 --map use=字段",
        "permit {}: {} {} on {}": "批准记录 {}：项目 {}，{}，日期 {}",
        "property": "属性",
        "proposals": "项目数",
        "registry": "登记库",
        "remedy of {} done on {}": "{} 的整治已于 {} 完成",
        "remedy of {}: {}, {}, deadline {}": "{} 的整治：{}，责任主体 {}，完成时限 {}",
        "remove it first or choose another --db path": "请先删除它，或选择其他 --db 路径",
        "responsible": "责任主体",
        "reviewing {}…": "正在生成 {} 季度调度…",
        "run": "批次",
        "  See '{}' for more information.": "  详见 '{}'。",
        "subject": "对象",
        "The value '{}' is invalid for '{}'": "'{}' 不是 '{}' 的有效值",
        "The value '{}' is invalid for '{}'. Please provide one of the following:": "'{}' 不是 '{}' 的有效值，可选值如下：",
        "Unexpected argument '{}'": "多余的参数 '{}'",
        "unit": "单位",
        "Unknown option '{}'": "未知选项 '{}'",
        "Unknown option '{}'. Did you mean '{}'?": "未知选项 '{}'。是否应为 '{}'？",
        "Usage: {}": "用法：{}",
        "use --format": "请用 --format",
        "use --mode upsert to update it": "请用 --mode upsert 更新",
        "value": "值",
        "verdict": "审查结论",
        "warn": "提示",
        "wrote the check of {} proposals to {}": "已将 {} 宗项目的审查结果写入 {}",
        "wrote {} features to {}": "已将 {} 个要素写入 {}",
        "wrote {} files to {}/": "已将 {} 个文件写入 {}/",
        "wrote {} rows, {} features to {}": "已将 {} 行、{} 个要素写入 {}",
        "wrote {}/: {}": "已写入 {}/：{}",
        "{} (lon/lat)": "{}（经纬度）",
        "{} features": "{} 个要素",
        "{} features exported": "已导出 {} 个要素",
        "{} of {} parcels adjusted from {}": "{2} 个图斑中 {1} 个自 {3} 起调整类别",
        "{} proposals checked": "已审查 {} 宗",
        "{} sites": "{} 个地块",
        "{}, {} positions": "{}，{} 个坐标点",
        "{}: code {}: repaired invalid geometry ({})": "{}：编码 {}：已修复无效几何（{}）",
        "{}: no remedy recorded": "{}：没有整治记录",
        "{}: {} deleted from {}": "{1}：自 {3} 起删除 {2} 个",
        "{}: {} features read…": "{}：已读入 {} 个要素…",
        "{}: {} from {}": "{1}：自 {3} 起为{2}",
        "{}: {} read, {} inserted, {} updated, {} unchanged": "{}：读入 {}，新增 {}，更新 {}，未变 {}",
    ]

    /// The manual: ArgumentParser's words in a help text, and every help text.
    private static let manual: [String: String] = [
        "OVERVIEW: ": "概述：",
        "USAGE: ": "用法：",
        "ARGUMENTS:": "参数：",
        "OPTIONS:": "选项：",
        "SUBCOMMANDS:": "子命令：",
        "Show the version.": "显示版本。",
        "Show subcommand help information.": "显示子命令的帮助信息。",
        "Show help information.": "显示帮助信息。",
        "See '{}<subcommand>' for detailed help.": "详细帮助见 '{}<子命令>'。",
        "(values:": "(可选值:",
        "(default:": "(默认:",
        " (default)": "（默认）",
        ";{}default:": ";{}默认:",
        "The land-use classification of the file's codes: 2023 (default) or 2017 (三调, GB/T 21010-2017; mapped to 2023).":
            "文件中地类编码所用的分类：2023（默认）或 2017（三调，GB/T 21010-2017；换算为 2023 年编码）。",
        "Why features are removed (with --mode replace): needed to remove a risk-plot on the risk list or unresolved; kept in the history.":
            "删除要素的理由（与 --mode replace 同用）：删除列入名录或尚未查明的风险地块时必须给出；记入历史。",
        "Show what the import would do (counts, and the codes --mode replace would delete) and change nothing.":
            "只显示导入将做什么（计数，以及 --mode replace 将删除的编码），不作任何修改。",
        "The date the check was made, when it is recorded later (YYYY-MM-DD; default today): a permit rests on a check made on or before its date.":
            "补录审查时的审查日期（YYYY-MM-DD；默认今天）：批准须依据批准日期当日或之前的审查。",
        "A spatial registry of land and water-pollution risks for a county.": "县域土壤与水污染风险空间登记库。",
        "The registry is one SpatiaLite file: --db PATH, else $LANDREG_DB, else ./registry.sqlite. Exit status: 0 success, 1 bad input or unreadable registry, 2 wrong usage.":
            "登记库是一个 SpatiaLite 文件：--db 路径，否则 $LANDREG_DB，否则 ./registry.sqlite。退出状态：0 成功，1 输入有误或登记库无法读取，2 用法错误。",
        "The registry file (default: $LANDREG_DB, else registry.sqlite).": "登记库文件（默认：$LANDREG_DB，否则 registry.sqlite）。",
        "Language of messages: zh or en (default: from LANG).": "消息语言：zh 或 en（默认：取自 LANG）。",
        "Create an empty registry: all layers, spatial indexes and settings.": "新建空登记库：全部图层、空间索引和设置。",
        "The registry's projected CRS, an EPSG code in metres (default 4547: CGCS2000 / 3-degree GK CM 114E).":
            "登记库的投影坐标系，以米为单位的 EPSG 代码（默认 4547：CGCS2000 / 3 度带高斯-克吕格 中央经线 114°E）。",
        "The registry's path, CRS, layer counts and library versions.": "登记库的路径、坐标系、各图层要素数和所用库的版本。",
        "Serve the registry as an OGC API – Features service (GDAL, QGIS, a browser) until SIGINT or SIGTERM.":
            "以 OGC API – Features 服务发布登记库（供 GDAL、QGIS、浏览器读取），直到收到 SIGINT 或 SIGTERM。",
        "One access-log line per request on standard error. Only the loopback address until the registry has accounts.":
            "每个请求在标准错误输出一行访问日志。登记库尚无账户时只监听本机回环地址。",
        "The address to listen on.": "监听的地址。",
        "The port to listen on (0: one the system chooses, printed).": "监听的端口（0：由系统选择并打印出来）。",
        "Language of pages and messages when a request does not ask (Accept-Language): zh or en (default: from LANG).":
            "请求未指定（Accept-Language）时网页和消息的语言：zh 或 en（默认：取自 LANG）。",
        "Load features into a layer, all or nothing.": "将要素导入图层，要么全部导入，要么全不导入。",
        "LAYER is one of: {}. FILE is GeoJSON (a FeatureCollection, a Feature or a geometry; '-' for standard input), a Shapefile (.shp), a land-approval coordinate file (.txt) or a CSV point table (.csv). GeoJSON and CSV coordinates are lon/lat unless the file has a \"crs\" member or --srid is given; a Shapefile's CRS comes from its .prj, a coordinate file's from its zone.":
            "LAYER 为以下之一：{}。FILE 为 GeoJSON（FeatureCollection、Feature 或几何；“-”表示标准输入）、Shapefile（.shp）、用地报批坐标文件（.txt）或 CSV 点位表（.csv）。GeoJSON 和 CSV 的坐标为经纬度，除非文件带有“crs”成员或给出 --srid；Shapefile 的坐标系取自其 .prj，坐标文件的取自其带号。",
        "The layer to load into.": "导入的目标图层。",
        "The file to read.": "要读取的文件。",
        "The EPSG code of the file's coordinates (overrides its \"crs\" member).": "文件坐标的 EPSG 代码（优先于文件的“crs”成员）。",
        "insert (new codes only), upsert (update by code) or replace (the layer becomes the file).":
            "insert（只允许新编码）、upsert（按编码更新）或 replace（图层替换为文件内容）。",
        "The reader to use instead of the file's extension: geojson, shp, txt (land-approval coordinates), csv (point table).":
            "不按扩展名而指定读取方式：geojson、shp、txt（用地报批坐标）、csv（点位表）。",
        "Repair invalid geometries with GEOS (MakeValid) and report them, instead of rejecting them.":
            "用 GEOS（MakeValid）修复无效几何并报告，而不是拒绝导入。",
        "The date the changes take effect (YYYY-MM-DD) for features without their own stage_date or permit_date; default today.":
            "没有自身 stage_date 或 permit_date 的要素，其变更的生效日期（YYYY-MM-DD）；默认为今天。",
        "Who imports, for the history (default: the login name).": "导入人，记入历史（默认：登录名）。",
        "Which field (Shapefile field, CSV column, GeoJSON key) gives which property, e.g. code=DKBM,use=用途; one field may give several.":
            "哪个字段（Shapefile 字段、CSV 列、GeoJSON 键）对应哪个属性，例如 code=DKBM,use=用途；一个字段可对应多个属性。",
        "The text encoding of a Shapefile's attributes or a text file (UTF-8, GBK …); default: .cpg, else detected.":
            "Shapefile 属性或文本文件的编码（UTF-8、GBK……）；默认取自 .cpg，否则自动识别。",
        "Write layers as an RFC 7946 GeoJSON FeatureCollection (lon/lat, CGCS2000).":
            "将图层写为 RFC 7946 GeoJSON FeatureCollection（经纬度，CGCS2000）。",
        "With several layers each feature carries a \"layer\" property. Standard output when no --out. The one map's suspected and contaminated plots:":
            "导出多个图层时，每个要素带有“layer”属性。未给 --out 时写到标准输出。“一张图”的疑似污染地块和污染地块：",
        "Layers to export (default: all).": "要导出的图层（默认：全部）。",
        "The file to write (written whole or not at all).": "要写入的文件（要么完整写出，要么不写）。",
        "Decimals of the coordinates (0-15).": "坐标的小数位数（0-15）。",
        "Only features whose property has one of the values.": "只取属性值为所列值之一的要素。",
        "Add the computed area_m2 (in the registry's CRS) to polygon features.": "为面要素加上计算出的 area_m2（按登记库坐标系）。",
        "geojson (default), shp (Shapefiles, one set per layer, into the folder --out) or gpkg (a GeoPackage --out, one table per layer).":
            "geojson（默认）、shp（Shapefile，每个图层一套，写入文件夹 --out）或 gpkg（GeoPackage 文件 --out，每个图层一张表）。",
        "With --format shp: write CGCS2000 lon/lat instead of the registry's CRS.":
            "与 --format shp 同用：写 CGCS2000 经纬度，而不是登记库的坐标系。",
        "Keep the registry's projected CRS (metres) with the legacy crs member, as ogr2ogr writes; not RFC 7946.":
            "保留登记库的投影坐标系（米），并像 ogr2ogr 那样写出旧式 crs 成员；不符合 RFC 7946。",
        "Write one GeoJSON file per layer into this folder (<layer>.geojson), completely or not at all.":
            "每个图层一个 GeoJSON 文件（<图层>.geojson），写入此文件夹，要么全部写出，要么不写。",
        "The registry as it stood in the world on this date (effective dates).": "登记库在该日期的实际状态（按生效日期）。",
        "Check proposals (one plot or a whole land-supply plan) against every rule before approval.":
            "审批前按全部规则检查项目（单个地块或整个年度供地计划）。",
        "FILE is a GeoJSON Feature or FeatureCollection of proposals with the properties id, use, action, air_polluting, soil_polluting, discharges and food_crops; or a Shapefile, a land-approval coordinate file (.txt: the plot number is the id, its land-class code the use) or a CSV point table. Exit status 0 whatever the verdicts; with --fail-on, 3 when a proposal's verdict is at least that severe.":
            "FILE 为项目的 GeoJSON Feature 或 FeatureCollection，属性为 id、use、action、air_polluting、soil_polluting、discharges 和 food_crops；也可以是 Shapefile、用地报批坐标文件（.txt：地块编号为 id，地类编码为 use）或 CSV 点位表。无论结论如何退出状态均为 0；给出 --fail-on 时，若有项目的结论达到该严重程度，退出状态为 3。",
        "The proposals file ('-' for standard input).": "项目文件（“-”表示标准输入）。",
        "text, json, html (a self-contained report with a map of each proposal; use --out) or geojson (each proposal with its verdict and the features its findings name, lon/lat, for a map).":
            "text、json、html（自带每个项目地图的独立报告；请用 --out）或 geojson（每个项目及其结论、核查发现涉及的要素，经纬度，供地图使用）。",
        "Write the report to this file instead of standard output.": "将报告写入此文件，而不是标准输出。",
        "The base map of the clerk's page (/app): a tile URL template with {z}, {x}, {y} (and {s}), e.g. the office's 天地图 address with its key; default none: the registry's own layers.":
            "窗口核查页面（/app）的底图：含 {z}、{x}、{y}（及 {s}）的瓦片地址模板，例如单位的天地图地址及其密钥；默认无底图：以登记库自身图层为背景。",
        "Exit 3 when a verdict is at least this severe: block, condition or warn.":
            "结论达到此严重程度时以 3 退出：block、condition 或 warn。",
        "The EPSG code of the proposals' coordinates (overrides their \"crs\" member).": "项目坐标的 EPSG 代码（优先于文件的“crs”成员）。",
        "What the file cannot say": "文件中未写明时",
        "Who runs the check, for the record (default: the login name).": "检查人，记入检查记录（默认：登录名）。",
        "Do not keep a record of this check in the registry.": "不在登记库中保存本次检查记录。",
        "The land-use code of proposals that have none (e.g. 0701).": "未填用途的项目所用的用地分类代码（例如 0701）。",
        "The action of proposals that have none: supply, use_change, planning_permit, reclamation, new_project, new_outfall.":
            "未填事项的项目所用的事项：supply、use_change、planning_permit、reclamation、new_project、new_outfall。",
        "Proposals without air_polluting emit air pollutants (or not).": "未填 air_polluting 的项目是否排放大气污染物。",
        "Proposals without soil_polluting may pollute soil (or not).": "未填 soil_polluting 的项目是否可能污染土壤。",
        "Proposals without discharges discharge water pollutants (or not).": "未填 discharges 的项目是否排放水污染物。",
        "Proposals without food_crops will grow food crops (or not).": "未填 food_crops 的项目是否种植食用农产品。",
        "List the recorded checks: every run, or the checks of one proposal id.": "列出已记录的检查：每次运行，或某个项目编号的全部检查。",
        "A proposal id: show every recorded check of it.": "项目编号：显示它的全部检查记录。",
        "How many runs to list.": "列出的运行次数。",
        "Record that a checked proposal was approved (supply, use change or planning permit).":
            "记录已检查的项目获得批准（供地、改变用途或规划许可）。",
        "The proposal's id, as checked.": "项目编号，与检查时相同。",
        "The date of the approval, YYYY-MM-DD.": "批准日期，YYYY-MM-DD。",
        "supply, use_change or planning_permit.": "supply、use_change 或 planning_permit。",
        "Why it was approved; required when the proposal's latest check was block.": "批准理由；项目最近一次检查结论为 block 时必填。",
        "List a layer's features as a table, with their areas.": "以表格列出图层的要素及其面积。",
        "The layer to list.": "要列出的图层。",
        "table, csv (UTF-8 with BOM, for Excel) or json.": "table、csv（带 BOM 的 UTF-8，供 Excel 打开）或 json。",
        "table, csv (UTF-8 with BOM) or json.": "table、csv（带 BOM 的 UTF-8）或 json。",
        "The layer as it stood in the world on this date.": "图层在该日期的实际状态。",
        "Show one feature: all its properties, area and bounding box.": "显示一个要素：全部属性、面积和外包矩形。",
        "The layer.": "图层。",
        "The feature's code.": "要素编码。",
        "Every recorded change of one feature, with recorded time, effective date, and what changed.":
            "一个要素的全部变更记录：记录时间、生效日期和变更内容。",
        "Remove features from a layer, all or nothing, recorded in their history.": "从图层中删除要素，要么全部删除，要么全不删除，并记入其历史。",
        "The codes of the features to remove.": "要删除的要素编码。",
        "The date it took effect, YYYY-MM-DD.": "生效日期，YYYY-MM-DD。",
        "Who records it (default: the login name).": "记录人（默认：登录名）。",
        "Why (kept in the history).": "原因（记入历史）。",
        "Move a risk-plot along its lifecycle (legal transitions only).": "推进地块的生命周期阶段（只允许合法的转换）。",
        "suspected → investigating → clean | contaminated; contaminated → listed | clean; listed → remediating → delisted; a delisted or clean plot can be re-opened as suspected (--note the reason).":
            "suspected（疑似）→ investigating（调查中）→ clean（未污染）| contaminated（污染）；contaminated → listed（列入名录）| clean；listed → remediating（修复中）→ delisted（移出名录）；已移出名录或未污染的地块可重新列为 suspected（用 --note 说明原因）。",
        "The plot's code.": "地块编码。",
        "The new stage.": "新的阶段。",
        "The report or decision number.": "报告或决定文号。",
        "A note (required when re-opening a plot).": "备注（重新列为疑似地块时必填）。",
        "Adjust the soil-quality class of a farmland parcel (recorded in its history).": "调整耕地地块的土壤环境质量类别（记入其历史）。",
        "The parcel's code.": "地块编码。",
        "The new class: priority, safe_use or strict.": "新的类别：priority（优先保护）、safe_use（安全利用）或 strict（严格管控）。",
        "Adjust many parcels at once: a CSV (code,class) or GeoJSON (code and class properties), all or nothing.":
            "一次调整多个地块：CSV（code,class）或 GeoJSON（code 和 class 属性），要么全部调整，要么全不调整。",
        "The basis of the adjustment (monitoring, decision …).": "调整依据（监测、决定……）。",
        "List the registry's settings (rule thresholds), or change one.": "列出登记库的设置（规则阈值），或修改其中一项。",
        "landreg settings                      list them": "landreg settings                      列出全部设置",
        "landreg settings set NAME VALUE       change one (recorded with who and when)":
            "landreg settings set NAME VALUE       修改一项（记录修改人和时间）",
        "Names: {}, {} (the layers anyone may read over HTTP, e.g. risk-plots,water-zones).": "设置名：{}，{}（无需账号即可经 HTTP 读取的图层，例如 risk-plots,water-zones）。",
        "Revoke an account's token by its label, at once.": "按标签立即撤销账号的令牌。",
        "The token's label.": "令牌的标签。",
        "Roles: viewer (read), clerk (check, permits), editor (every edit), admin (accounts and settings); each includes the ones before it. Passwords and tokens are kept only as bcrypt hashes.":
            "角色：viewer（查看）、clerk（窗口核查、批准记录）、editor（一切编辑）、admin（账号与设置）；每个角色包含其前面的角色。密码和令牌只以 bcrypt 散列保存。",
        "The service's accounts: add, list, role, passwd, disable, token, revoke.": "服务的账号：添加、列出、角色、密码、停用、令牌、撤销。",
        "Add an account; its password from standard input.": "添加账号；密码从标准输入读取。",
        "The account's name.": "账号名称。",
        "viewer, clerk, editor or admin.": "viewer、clerk、editor 或 admin。",
        "List the accounts: role, whether disabled, live tokens.": "列出账号：角色、是否停用、有效令牌。",
        "Change an account's role.": "修改账号的角色。",
        "Change an account's password (from standard input).": "修改账号的密码（从标准输入读取）。",
        "Disable an account and revoke its tokens, at once.": "立即停用账号并撤销其令牌。",
        "Make a new API token for an account and print it (once: only its hash is kept).": "为账号生成新的 API 令牌并打印（仅此一次：只保存其散列）。",
        "What the token is for, to revoke it by (default token-N).": "令牌的用途，撤销时用作标签（默认 token-N）。",
        "List the settings.": "列出设置。",
        "Change a setting.": "修改一项设置。",
        "The setting's name.": "设置名。",
        "The new value (metres, or square metres for overlap_min_m2).": "新的值（米；overlap_min_m2 为平方米）。",
        "Who changes it (default: the login name).": "修改人（默认：登录名）。",
        "The quarterly land-safety review: CSV tables, flagged.geojson and review.html in a folder.":
            "季度土地安全核查：在一个文件夹中写出 CSV 表、flagged.geojson 和 review.html。",
        "Writes sensitive-approvals.csv, clear-to-zero.csv, risk-list-changes.csv, unresolved.csv, vacated.csv, outfalls.csv, farmland-changes.csv, towns.csv, flagged.geojson and review.html. Everything is computed from the history as the registry stood in the world on the dates that matter (a permit by its date).":
            "写出 sensitive-approvals.csv、clear-to-zero.csv、risk-list-changes.csv、unresolved.csv、vacated.csv、outfalls.csv、farmland-changes.csv、towns.csv、flagged.geojson 和 review.html。全部按历史记录计算，取登记库在相关日期的实际状态（许可按其日期）。",
        "The quarter.": "季度。",
        "The folder to write (created if missing).": "要写入的文件夹（不存在时新建）。",
        "Language of the HTML: zh or en (default: from LANG).": "HTML 的语言：zh 或 en（默认：取自 LANG）。",
        "Enterprises whose discharge permits were cancelled or revoked: their sites need supervision.":
            "排污许可证被注销或撤销的企业：其用地需要监管。",
        "Lists each with the risk-plots covering its site and their stage (soil plan task 6).":
            "逐一列出，并附覆盖其用地的地块及其阶段（土壤方案任务六）。",
        "The registry's health: town attributes against town polygons, features outside the county, overlapping farmland parcels and risk-plots, risk-plots without stage_date, outfalls and sections off their rivers.":
            "登记库体检：乡镇属性与乡镇边界是否一致、县域外的要素、相互重叠的耕地地块和地块、缺少 stage_date 的地块、不在所属河流上的排污口和断面。",
        "Language of the table and CSV headers: zh or en (default: from LANG).": "表格和 CSV 表头的语言：zh 或 en（默认：取自 LANG）。",
        "Overlay questions between layers: which features of a layer overlap, lie within a distance of, or are nearest to those of another layer or a file.":
            "图层间叠加分析：一个图层中哪些要素与另一图层或文件中的要素重叠、在其一定距离之内，或离其最近。",
        "One row per (feature, other feature) pair: code, other_code, overlap_m2, overlap_mu, distance_m, then the feature's properties; totals count each feature once and its overlap as the union of its overlaps.":
            "每对（要素，另一要素）一行：code、other_code、overlap_m2、overlap_mu、distance_m，然后是要素的属性；合计中每个要素只计一次，其重叠面积取各重叠部分的并集。",
        "OTHER is a layer, or a file (GeoJSON, Shapefile, TXT, CSV) read as import reads it.":
            "OTHER 为一个图层，或一个文件（GeoJSON、Shapefile、TXT、CSV），按 import 的方式读取。",
        "The layer asked about.": "所查询的图层。",
        "Only features whose property has one of the values (repeat: AND).": "只取属性值为所列值之一的要素（可重复，表示“并且”）。",
        "Features that overlap features of OTHER (a layer or a file).": "与 OTHER（图层或文件）的要素重叠的要素。",
        "Features within --distance metres of features of OTHER.": "距 OTHER 的要素 --distance 米以内的要素。",
        "The nearest feature of OTHER for every feature.": "每个要素在 OTHER 中最近的要素。",
        "The distance of --within, in metres.": "--within 的距离，单位米。",
        "Only features of OTHER whose property has one of the values.": "只取 OTHER 中属性值为所列值之一的要素。",
        "The registry as it stood in the world on this date.": "登记库在该日期的实际状态。",
        "Totals per town (the admin town holding the largest part of each feature) or per value of a property.":
            "按乡镇（每个要素面积最大部分所在的乡镇）或按某属性的值合计。",
        "table, csv (UTF-8 with BOM, for Excel), json or geojson (the matched features, RFC 7946).":
            "table、csv（带 BOM 的 UTF-8，供 Excel 打开）、json 或 geojson（匹配的要素，RFC 7946）。",
        "Write to this file instead of standard output.": "写入此文件，而不是标准输出。",
        "The EPSG code of an OTHER file's coordinates.": "OTHER 文件坐标的 EPSG 代码。",
        "Language of the table and CSV headers and values: zh or en (default: from LANG; JSON keeps the contract's names).":
            "表格和 CSV 表头及取值的语言：zh 或 en（默认：取自 LANG；JSON 保留约定的名称）。",
        "Monitoring of sections, outfalls and air (测): import values and targets, set discharge limits.":
            "断面、排污口和空气监测（测）：导入监测值和目标，设定排放限值。",
        "Import a monitoring CSV (site, date, parameter, value [, unit, note, kind]), all or nothing.":
            "导入监测 CSV（site、date、parameter、value [, unit、note、kind]），要么全部导入，要么全不导入。",
        "Columns may carry Chinese names (点位/断面/排口, 日期, 指标, 浓度, 单位, 备注, 类型), or the table may be wide (one column per parameter: 氨氮(mg/L), COD …). UTF-8 or GBK. site is a section's, an outfall's or (for air) an admin area's code; kind is value (default) or target. Water: cod codmn bod5 nh3n tp tn do ph flow; air: so2 no2 pm10 pm25 co o3.":
            "列名可用中文（点位/断面/排口、日期、指标、浓度、单位、备注、类型），也可以是宽表（每个指标一列：氨氮(mg/L)、COD……）。UTF-8 或 GBK。site 为断面、排污口或（空气）行政区的编码；kind 为 value（默认）或 target。水：cod codmn bod5 nh3n tp tn do ph flow；空气：so2 no2 pm10 pm25 co o3。",
        "The CSV file.": "CSV 文件。",
        "insert (a value already stored is an error) or upsert (replace it, keeping the old one).":
            "insert（已存在的值视为错误）或 upsert（替换已有值，旧值保留在历史中）。",
        "Who imports it (default: the login name).": "导入人（默认：登录名）。",
        "Set the discharge limit of one outfall (by code) or of an outfall type for a parameter.":
            "为某一指标设定单个排污口（按编码）或某类排污口的排放限值。",
        "VALUE is a maximum (50), a range (6-9) or a minimum (>=5); --remove removes it. Sewage plants default to GB 18918-2002 class 1A.":
            "VALUE 为上限（50）、范围（6-9）或下限（>=5）；--remove 删除限值。污水处理厂默认执行 GB 18918-2002 一级 A 标准。",
        "An outfall's code, or a type: industrial, sewage_plant, agricultural, other.":
            "排污口编码，或类型：industrial、sewage_plant、agricultural、other。",
        "The parameter (cod, nh3n, tp …).": "监测指标（cod、nh3n、tp……）。",
        "The limit in the parameter's unit.": "限值，按该指标的单位。",
        "Remove the limit instead.": "改为删除该限值。",
        "Where the limit comes from (the permit's number …).": "限值来源（许可证编号……）。",
        "Who sets it (default: the login name).": "设定人（默认：登录名）。",
        "The discharge limits in force.": "现行的排放限值。",
        "An outfall's remedy (治, 一口一策): set it with a deadline, mark it done, or show its history.":
            "排污口整治（治，一口一策）：设定措施和期限、标记完成，或查看其历史。",
        "landreg remedy OUTFALL            (its history)": "landreg remedy OUTFALL            （查看其历史）",
        "The outfall's code.": "排污口编码。",
        "ban (取缔), merge (合并), regularize (规范整治) or other.": "ban（取缔）、merge（合并）、regularize（规范整治）或 other（其他）。",
        "Who is responsible (a unit or a town).": "责任主体（单位或乡镇）。",
        "The deadline, YYYY-MM-DD.": "整治期限，YYYY-MM-DD。",
        "The remedy is done.": "整治已完成。",
        "The date of the decision or of completion, YYYY-MM-DD.": "决定或完成的日期，YYYY-MM-DD。",
        "A note (the document, what was done).": "备注（文件、所做工作）。",
        "Sections and outfalls of a month or a quarter: GB 3838-2002 classes, exceedances, the outfalls upstream of failing sections, overdue remedies.":
            "某月或某季度的断面和排污口：GB 3838-2002 水质类别、超标情况、不达标断面上游的排污口、逾期未完成的整治。",
        "The month.": "月份。",
        "text, json or html.": "text、json 或 html。",
        "Language of text and HTML: zh or en (default: from LANG).": "文本和 HTML 的语言：zh 或 en（默认：取自 LANG）。",
        "Each area's monthly air-quality means of a year against its monthly targets, months over target flagged.":
            "各区域某年空气质量月均值与月度目标对比，超目标的月份加以标注。",
        "The year.": "年份。",
        "text, json, csv or html.": "text、json、csv 或 html。",
        "Language of text, CSV and HTML: zh or en (default: from LANG).": "文本、CSV 和 HTML 的语言：zh 或 en（默认：取自 LANG）。",
    ]
}

import LandRegistry

extension Phrase {
    /// The phrase in `language`, the service's own words first (then the library's).
    func said(_ language: ReportLanguage) -> String { text(language, with: ServiceWords.zh) }
}

/// The Chinese of the service's own messages and page words, keyed by their
/// English as the library's catalogue is (`{}` for each value in order,
/// `{n}` for the n-th); `ServiceWordsTests` finds every phrase of the
/// server here and no entry that nothing says.
enum ServiceWords {
    static let zh: [String: String] = [
        // Refusals
        "parameter '{}': {}": "参数“{}”：{}",
        "the server could not answer; see its log": "服务器无法应答，请查看服务器日志",
        "the query string is longer than {} bytes": "查询字符串超过 {} 字节",
        "a parameter's name is not percent-encoded UTF-8": "参数名不是百分号编码的 UTF-8",
        "its value is not percent-encoded UTF-8": "其值不是百分号编码的 UTF-8",
        "is given twice": "给出了两次",
        "the check takes POST only": "核查只接受 POST 请求",
        "send the proposals as GeoJSON (Content-Type: application/geo+json) or as a file (multipart/form-data, field 'file')":
            "请以 GeoJSON（Content-Type: application/geo+json）或文件（multipart/form-data，字段 file）发送拟批地块",
        "gives no file: send the proposals in the field 'file'": "未附文件：请在字段 file 中发送拟批地块",
        "the form has no boundary": "表单缺少 boundary",
        "the form cannot be read as multipart/form-data": "表单无法按 multipart/form-data 读取",
        "its value is not UTF-8": "其值不是 UTF-8",
        "the proposals are larger than {} MB": "拟批地块文件超过 {} MB",
        "'{}' is neither true nor false": "“{}”既不是 true 也不是 false",
        "'{}' is neither 2023 nor 2017": "“{}”既不是 2023 也不是 2017",
        "'{}' is not an EPSG code": "“{}”不是 EPSG 代码",
        "names who runs the check, for its record (or record=false)": "须写明核查人，以便留档（或给出 record=false）",
        "is not a parameter of this resource ({})": "不是此资源的参数（可用：{}）",
        "'{}' is not a whole number from 1 to {}": "“{}”不是 1 到 {} 之间的整数",
        "'{}' is not a property of {}": "“{}”不是{}的属性",
        "gives no value": "未给出值",
        "gives {} numbers: give 4 (lower left corner, upper right corner) or 6 (with heights)": "给出了 {} 个数：应为 4 个（左下角、右上角）或 6 个（含高程）",
        "a longitude is outside -180…180": "经度超出 -180…180",
        "a latitude is outside -90…90": "纬度超出 -90…90",
        "its lower corner is above or right of its upper corner": "左下角位于右上角的上方或右方",
        "'{}' is an interval: give one date or date-time, the registry as it stood then":
            "“{}”是时间区间：请给出一个日期或日期时间，即登记库当时的状态",
        "'{}' is not a date (YYYY-MM-DD) or date-time (RFC 3339)": "“{}”不是日期（YYYY-MM-DD）或日期时间（RFC 3339）",
        "f='{}' is not offered: f=json or f=html": "不提供 f=“{}”：请用 f=json 或 f=html",
        "none of '{}' is offered: JSON or HTML": "“{}”中没有可提供的格式：仅提供 JSON 或 HTML",
        "{} has no feature '{}' on {}": "{1}在 {3} 时没有要素“{2}”",
        "{} has no feature '{}'": "{}没有要素“{}”",
        "there is no collection '{}': the collections are {}": "没有图层“{}”：图层有 {}",
        "there is no feature '{}'": "没有要素“{}”",
        "there is no file '{}'": "没有文件“{}”",
        "the service answers GET and HEAD only": "本服务只响应 GET 和 HEAD 请求",
        "the request took longer than {} s": "请求处理超过 {} 秒",
        "there is no file '{}' (is libjs-leaflet installed?)": "没有文件“{}”（是否已安装 libjs-leaflet？）",
        "no such path: the service has /, /api, /conformance, /collections and each collection's paths":
            "没有此路径：服务提供 /、/api、/conformance、/collections 及各图层的路径",
        // Documents and pages
        "Land and water-pollution risk registry": "土壤和水污染风险登记库",
        "The county's registry of land and water-pollution risks, as OGC API – Features": "县土壤和水污染风险登记库（OGC API – Features 服务）",
        "this document": "本文档",
        "this document as HTML": "本文档（网页）",
        "the API definition": "接口定义",
        "the conformance classes": "符合性类别",
        "the layers": "图层",
        "the features": "要素",
        "the features as HTML": "要素（网页）",
        "the queryables": "可查询属性",
        "this page": "本页",
        "this page as HTML": "本页（网页）",
        "the layer": "所属图层",
        "the next page": "下一页",
        "this feature": "本要素",
        "this feature as HTML": "本要素（网页）",
        "this feature's history": "本要素的历史",
        "this feature's history as HTML": "本要素的历史（网页）",
        "{} {}: history": "{}{}：历史",
        "layer": "图层",
        "title": "名称",
        "{} of {} features": "共 {2} 个要素，本页 {1} 个",
        "property": "属性",
        "value": "值",
        "Links": "链接",
    ]
}

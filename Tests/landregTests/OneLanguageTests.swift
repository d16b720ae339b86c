import Foundation
import LandRegistry
import XCTest
@testable import landreg

/// With `LANG=zh_CN.UTF-8` every command's output, CSVs and HTML read in
/// Chinese; with `--lang en` in English. What may stay in the other
/// language is what the registry holds (names from its files), the land-use
/// classification's names and the statutes and plans quoted word for word;
/// JSON and GeoJSON keep the contract's names and are not scanned.
final class OneLanguageTests: CLITestCase {
    struct Written { var label: String; var text: String }

    func testEveryCommandSpeaksOneLanguage() throws {
        for language in ["zh", "en"] {
            let written = try session(language)
            XCTAssertGreaterThan(written.count, 40)
            for item in written {
                let stray = language == "zh" ? englishWords(in: item.text) : chinese(in: item.text)
                XCTAssert(stray.isEmpty, "\(language) \(item.label): \(stray.prefix(12).joined(separator: " | "))")
            }
        }
    }

    /// Every command's `--help` reads in Chinese with `LANG=zh_CN.UTF-8`
    /// (and `landreg help COMMAND --lang zh`), in English with `--lang en`;
    /// what stays is the syntax (usage lines, option and value names,
    /// examples) and, in English, the Chinese the English manual itself quotes.
    func testEveryCommandsHelpSpeaksOneLanguage() throws {
        let commands = [[], ["init"], ["import"], ["export"], ["check"], ["checks"], ["list"], ["show"], ["info"], ["settings"],
                        ["settings", "set"], ["stage"], ["reclass"], ["history"], ["permit"], ["review"], ["vacated"], ["delete"],
                        ["query"], ["audit"], ["monitor"], ["monitor", "import"], ["monitor", "limit"], ["monitor", "limits"],
                        ["remedy"], ["water"], ["air"]]
        let quoted = Set(Catalogue.zh.keys.flatMap { chinese(in: $0) } + CLIWords.zh.keys.flatMap { chinese(in: $0) })
        for command in commands {
            for language in ["zh", "en"] {
                let result = try run(command + ["--help"] + (language == "en" ? ["--lang", "en"] : []), environment: ["LANG": "zh_CN.UTF-8"])
                XCTAssertEqual(result.status, 0, "\(command)")
                // Examples, lists of values, subcommands' and options' names are syntax, not prose.
                var prose = result.stdout
                let layers = Layer.allCases.map(\.rawValue).joined(separator: "|")
                for pattern in ["(?m)^\\s*landreg .*$", "\\((可选值|values):[^)]*\\)", "(?m)^  [a-z][a-z-]*", "(?<![A-Za-z])--?[a-z][a-z0-9-]*",
                                "\\S+=\\S*", "\\b(\(layers))\\b"] {
                    prose = prose.replacingOccurrences(of: pattern, with: " ", options: .regularExpression)
                }
                let stray = language == "zh" ? englishWords(in: prose) : chinese(in: prose).filter { !quoted.contains($0) }
                XCTAssert(stray.isEmpty, "\(language) \(command) --help: \(stray.prefix(12).joined(separator: " | "))")
                XCTAssertTrue(result.stdout.hasPrefix(language == "zh" ? "概述：" : "OVERVIEW: "), "\(command): \(result.stdout.prefix(40))")
                // Every example can be pasted into a shell: the help never wraps it (a long one goes on after a `\`).
                let lines = result.stdout.components(separatedBy: "\n")
                for (i, line) in lines.enumerated() where line.hasPrefix("  landreg ") || (i > 0 && lines[i - 1].hasSuffix("\\")) {
                    XCTAssertLessThanOrEqual(line.count, 80, "\(command): \(line)")
                    guard !line.hasSuffix("\\"), i + 1 < lines.count else { continue }
                    let next = lines[i + 1]
                    XCTAssertFalse(next.hasPrefix("--") || next.range(of: "^([a-z_]+=|[0-9])", options: .regularExpression) != nil,
                                   "\(command) --help wraps an example: \(line) / \(next)")
                }
            }
        }
        let viaHelp = try run(["help", "check", "--lang", "zh"])
        XCTAssertEqual(viaHelp.status, 0, viaHelp.stderr)
        XCTAssertTrue(viaHelp.stdout.hasPrefix("概述：审批前"), viaHelp.stdout)
    }

    /// Runs what a county office runs in a quarter, in `language`; returns
    /// everything it printed and wrote (JSON left out).
    func session(_ language: String) throws -> [Written] {
        let folder = path(language)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let db = "\(folder)/r.sqlite", data = Self.sample.path
        var written: [Written] = []
        func go(_ arguments: [String], expect status: Int32 = 0) throws {
            let env = ["LANG": "zh_CN.UTF-8", "USER": "wang"]
            let args = language == "en" ? arguments + ["--lang", "en"] : arguments
            let result = try run(args + ["--db", db], environment: env)
            XCTAssertEqual(result.status, status, "\(args): \(result.stderr)")
            written.append(Written(label: arguments.joined(separator: " "), text: result.stdout + result.stderr))
        }
        try go(["init"])
        for layer in ["admin", "rivers", "sections", "water-zones", "outfalls", "enterprises", "risk-plots", "farmland", "basic-farmland"] {
            try go(["import", layer, "\(data)/\(layer).geojson"])
        }
        try go(["info"])
        try go(["list", "risk-plots"])
        try go(["list", "farmland", "--format", "csv", "--where", "class=strict"])
        try go(["show", "risk-plots", "LC-RP-001"])
        try go(["settings"])
        try go(["check", "\(data)/proposals.geojson"])
        try go(["check", "\(data)/proposals.geojson", "--format", "html", "--out", "\(folder)/check.html", "--no-record"])
        try go(["checks"])
        try go(["stage", "LC-RP-003", "investigating", "--date", "2023-08-01", "--doc", "调查报告"])
        try go(["history", "risk-plots", "LC-RP-003"])
        try go(["audit"])
        try go(["query", "risk-plots", "--overlapping", "farmland"])
        try go(["vacated"])
        try go(["monitor", "import", "\(data)/monitoring-2023.csv"])
        try go(["monitor", "limit", "industrial", "cod", "50"])
        try go(["monitor", "limits"])
        try go(["remedy", "140524-WS-001", "--measure", "regularize", "--responsible", "附城镇", "--deadline", "2023-09-30", "--date", "2023-07-01"])
        try go(["remedy", "140524-WS-001"])
        try go(["water", "--month", "2023-08"])
        try go(["water", "--quarter", "2023Q3", "--format", "html", "--out", "\(folder)/water.html"])
        try go(["monitor", "import", "\(data)/air-2023.csv"])
        try go(["air", "--year", "2023"])
        try go(["air", "--year", "2023", "--format", "csv", "--out", "\(folder)/air.csv"])
        try go(["review", "--quarter", "2023Q3", "--out", "\(folder)/review"])
        try go(["export", "--out", "\(folder)/all.geojson"])
        // What goes wrong, said in the same language.
        try go(["show", "risk-plots", "NOPE"], expect: 1)
        try go(["stage", "LC-RP-001", "suspected", "--date", "2023-08-01"], expect: 1)
        try go(["import", "farmland", "\(data)/no-such.geojson"], expect: 1)
        try go(["list", "farmland", "--where", "class=strictt"], expect: 2)
        try go(["export", "--precision", "99"], expect: 2)
        try go(["import", "farmland"], expect: 2)
        try go(["init"], expect: 1)
        for file in ["check.html", "water.html", "air.csv"] {
            written.append(Written(label: file, text: try String(contentsOfFile: "\(folder)/\(file)", encoding: .utf8)))
        }
        for file in try FileManager.default.contentsOfDirectory(atPath: "\(folder)/review") where !file.hasSuffix(".geojson") && !file.hasSuffix(".json") {
            written.append(Written(label: "review/\(file)", text: try String(contentsOfFile: "\(folder)/review/\(file)", encoding: .utf8)))
        }
        return written
    }

    /// Text as people read it: an HTML page without its tags, styles and
    /// scripts; paths, codes and the registry's own words left out.
    func readable(_ text: String, _ language: String) throws -> String {
        var out = text
        for word in try Self.registryWords() { out = out.replacingOccurrences(of: word, with: " ") }
        // Commands as typed (usage lines, the history's record of them) are not prose.
        for pattern in ["<style[\\s\\S]*?</style>", "<script[\\s\\S]*?</script>", "<[^>]*>", "&[a-z]+;", "\\S*/\\S*",
                        "landreg [a-z]+( [a-z]+)?", "import (insert|upsert|replace) \\S+", "'[^'\\n]*'"] + (language == "zh" ? ["“[^”\\n]*”"] : []) {
            out = out.replacingOccurrences(of: pattern, with: " ", options: .regularExpression)
        }
        return out
    }

    /// English words of the catalogue's keys (not those its Chinese keeps, like GeoJSON or EPSG) found in `text`.
    func englishWords(in text: String) -> [String] {
        let words = (try? readable(text, "zh")) ?? text
        // Contract names (soil.listed, risk-plots, stage_date, --where) are not words of either language.
        return words.split(whereSeparator: { !($0.isASCII && ($0.isLetter || $0.isNumber || "_-.".contains($0))) }).map(String.init)
            .filter { $0.allSatisfy(\.isLetter) && Self.englishVocabulary.contains($0.lowercased()) }
    }

    /// Runs of Chinese in `text`.
    func chinese(in text: String) -> [String] {
        let words = (try? readable(text, "en")) ?? text
        return words.split(whereSeparator: { c in !c.unicodeScalars.allSatisfy { (0x3000...0x9FFF).contains($0.value) || (0xFF00...0xFFEF).contains($0.value) } })
            .map(String.init)
    }

    static let englishVocabulary: Set<String> = {
        let kept = Set((Catalogue.zh.values.joined(separator: " ") + " " + CLIWords.zh.values.joined(separator: " ") + " " + Terms.zh.values.joined(separator: " "))
            .split(whereSeparator: { !$0.isLetter || !$0.isASCII }).map { $0.lowercased() })
        var words = Set((Catalogue.zh.keys.joined(separator: " ") + " " + CLIWords.zh.keys.joined(separator: " ")).split(whereSeparator: { !$0.isLetter || !$0.isASCII })
            .map { $0.lowercased() }.filter { $0.count >= 3 })
        words.formUnion(["the", "and", "with", "from", "plot", "plots", "section", "outfall", "outfalls", "verdict", "findings", "month", "quarter", "total"])
        return words.subtracting(kept)
    }()

    /// What the registry and its sources say in their own words: every
    /// string of the sample files, the land-use names, the quoted statutes and plans.
    static func registryWords() throws -> [String] {
        var words = Set(LandUse.names.values).union(["调查报告"])
        for rule in RuleTable.rules {
            for source in rule.basis.sources {
                words.formUnion(["\(source.citation)：“\(source.quote)”", source.quote, source.instrument, source.article, source.citation])
            }
        }
        for file in try FileManager.default.contentsOfDirectory(atPath: sample.path) where file.hasSuffix(".geojson") || file.hasSuffix(".csv") {
            let text = try String(contentsOfFile: sample.appendingPathComponent(file).path, encoding: .utf8)
            for match in text.matches(of: /"([^"\\]*)"/) { words.insert(String(match.1)) }
            for cell in text.split(whereSeparator: { $0 == "," || $0 == "\n" }) { words.insert(String(cell)) }
        }
        return words.filter { $0.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) } || $0.contains("-") }
            .sorted { $0.count > $1.count }
    }
}

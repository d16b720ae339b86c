import Foundation

/// Finds the message literals of the sources.
public enum MessageScan {
    /// Where a literal is a message: the calls and labels that take a `Phrase`.
    static let context = try! NSRegularExpression(pattern: #"message:|message \+?= |InputError\(|RegistryError\(|InvalidArgument\(|RuleViolation\(|TransformError\(|\bfail\(|\brefuse\(|\bsay\(|\bwarn\(|usageError\(|\bPhrase\b|(?<!\.)\berror\("|\bwords\(|warnings(\.append\(| \+=)|detail:|ReviewTable\(|\.phrase\(|: Phrase = |Progress\(|\bmanual\(|\bmanualText\(|= command\(|\bServiceError\b"#)
    /// Literals next to these are names, not messages.
    static let notMessages = ["property:", "file:", "subject:", "code:", "separator:", "verbatim:", "terminator:", "table:", "==", "!=", "term:", "check:", "command:", "layer:",
                              "commandName:", "valueName:", "of:", "id:", "instrument:", "flag(", "hasPrefix(", "customLong(", "version:", "String ="]

    /// Every message key (its English, `{}` for each interpolation) with where it is first written.
    public static func keys(under root: URL) throws -> [String: String] {
        var found: [String: String] = [:]
        let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)!.compactMap { $0 as? URL }
            .filter { $0.pathExtension == "swift" && !["Phrase.swift", "Catalogue.swift"].contains($0.lastPathComponent) }
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            // Variables declared as phrases (`var summary: Phrase = …`) take phrases where they are added to.
            let variables = text.matches(of: /(?:var|let) (\w+): Phrase/).map { String($0.1) }
            let assigned = variables.isEmpty ? nil
                : try NSRegularExpression(pattern: "\\b(" + variables.joined(separator: "|") + ") \\+?= ")
            // A report's `reportWord("…", zh)`, wherever it is written (often inside another literal's interpolation).
            for (offset, line) in text.components(separatedBy: "\n").enumerated() {
                for match in line.matches(of: #/\breportWord\("((?:[^"\\]|\\.)*)",/#) {
                    found[key(String(match.1))] = found[key(String(match.1))] ?? "\(file.lastPathComponent):\(offset + 1)"
                }
            }
            for (line, whole, inPhraseFunction) in statements(text) {
                // A table's `header: [...]` holds its columns' names (terms), not messages.
                let statement = whole.replacingOccurrences(of: #"header: \[[^\]]*\]"#, with: "header: []", options: .regularExpression)
                let range = NSRange(statement.startIndex..., in: statement)
                guard inPhraseFunction || context.firstMatch(in: statement, range: range) != nil
                        || assigned?.firstMatch(in: statement, range: range) != nil else { continue }
                // A message's key is English: a literal with no ASCII letter (a quoted law) is none.
                for (key, before, after) in literals(statement) where key.contains(where: { ($0.isLetter && $0.isASCII) || $0 == "{" }) {
                    let lead = before.trimmingCharacters(in: .whitespaces)
                    if notMessages.contains(where: { lead.hasSuffix($0) }) { continue }
                    // `self["level"]`, `case "first":` — keys and patterns, not messages.
                    // (A command's discussion of one paragraph, `discussion: ["…"]`, is no subscript.)
                    let subscripted = lead.hasSuffix("[") && !lead.hasSuffix("discussion: [") && after.hasPrefix("]")
                    if subscripted || lead.hasSuffix("case") { continue }
                    // `fail("stage", "…")`: a property's name, then the message.
                    if lead.hasSuffix("("), after.hasPrefix(","), key.allSatisfy({ $0.isLowercase || $0.isNumber || $0 == "_" || $0 == "-" }) { continue }
                    found[key] = found[key] ?? "\(file.lastPathComponent):\(line)"
                }
            }
        }
        return found
    }

    /// The code's statements (lines joined while a parenthesis or bracket is
    /// open), comments left out, each with its first line and whether it is
    /// inside a function or property that returns a `Phrase`.
    static func statements(_ text: String) -> [(Int, String, Bool)] {
        var out: [(Int, String, Bool)] = []
        var current = "", start = 0, depth = 0, braces = 0
        var phraseBodies: [Int] = []  // brace depths at which a Phrase-returning body opened
        for (index, raw) in text.components(separatedBy: "\n").enumerated() {
            let line = withoutComment(raw)
            if current.isEmpty { start = index + 1 }
            current += (current.isEmpty ? "" : " ") + line
            let code = outsideLiterals(line)
            depth += code.filter { $0 == "(" || $0 == "[" }.count - code.filter { $0 == ")" || $0 == "]" }.count
            guard depth <= 0 else { continue }
            depth = 0
            let inside = !phraseBodies.isEmpty
            let opens = outsideLiterals(current).filter { $0 == "{" }.count, closes = outsideLiterals(current).filter { $0 == "}" }.count
            if current.range(of: #"(->|:) Phrase\??\s*\{"#, options: .regularExpression) != nil { phraseBodies.append(braces) }
            braces += opens - closes
            while let last = phraseBodies.last, braces <= last { phraseBodies.removeLast() }
            out.append((start, current, inside || !phraseBodies.isEmpty))
            current = ""
        }
        return out
    }

    static func withoutComment(_ line: String) -> String {
        var inLiteral = false, escaped = false, previous: Character = " "
        for (offset, c) in line.enumerated() {
            if inLiteral {
                if escaped { escaped = false } else if c == "\\" { escaped = true } else if c == "\"" { inLiteral = false }
            } else if c == "\"" {
                inLiteral = true
            } else if c == "/" && previous == "/" {
                return String(line.prefix(offset - 1))
            }
            previous = c
        }
        return line
    }

    /// The line with its string literals (and what they interpolate) blanked.
    static func outsideLiterals(_ line: String) -> String {
        var out = "", i = line.startIndex
        while i < line.endIndex {
            if line[i] == "\"", let end = literalEnd(line, from: i) {
                out += "\"\""
                i = end
            } else {
                out.append(line[i])
                i = line.index(after: i)
            }
        }
        return out
    }

    /// The top-level literals of a statement: each as its key, with the code before and after it.
    static func literals(_ statement: String) -> [(String, String, Substring)] {
        var out: [(String, String, Substring)] = []
        var i = statement.startIndex
        while i < statement.endIndex {
            if statement[i] == "\"", let end = literalEnd(statement, from: i) {
                out.append((key(String(statement[statement.index(after: i)..<statement.index(before: end)])), String(statement[..<i]),
                            statement[end...].drop(while: \.isWhitespace)))
                i = end
            } else {
                i = statement.index(after: i)
            }
        }
        return out
    }

    /// The index after the closing quote of the literal opening at `start` (interpolations skipped).
    static func literalEnd(_ s: String, from start: String.Index) -> String.Index? {
        guard !s[start...].hasPrefix("\"\"\"") else { return nil }
        var i = s.index(after: start)
        while i < s.endIndex {
            let c = s[i]
            if c == "\\" {
                let next = s.index(after: i)
                guard next < s.endIndex else { return nil }
                if s[next] == "(" {
                    var depth = 1, j = s.index(after: next)
                    while j < s.endIndex && depth > 0 {
                        if s[j] == "\"", let end = literalEnd(s, from: j) { j = end; continue }
                        if s[j] == "(" { depth += 1 } else if s[j] == ")" { depth -= 1 }
                        j = s.index(after: j)
                    }
                    i = j
                } else {
                    i = s.index(after: next)
                }
                continue
            }
            if c == "\"" { return s.index(after: i) }
            i = s.index(after: i)
        }
        return nil
    }

    /// A literal's body as the key the running code makes of it: escapes
    /// resolved, each interpolation `{}`.
    static func key(_ body: String) -> String {
        var out = "", i = body.startIndex
        while i < body.endIndex {
            if body[i] == "\\", body.index(after: i) < body.endIndex {
                let next = body.index(after: i)
                switch body[next] {
                case "(":
                    var depth = 1, j = body.index(after: next)
                    while j < body.endIndex && depth > 0 {
                        if body[j] == "\"", let end = literalEnd(body, from: j) { j = end; continue }
                        if body[j] == "(" { depth += 1 } else if body[j] == ")" { depth -= 1 }
                        j = body.index(after: j)
                    }
                    out += "{}"
                    i = j
                    continue
                case "n": out += "\n"
                case "t": out += "\t"
                case "r": out += "\r"
                default: out.append(body[next])
                }
                i = body.index(after: next)
            } else {
                out.append(body[i])
                i = body.index(after: i)
            }
        }
        return out
    }
}

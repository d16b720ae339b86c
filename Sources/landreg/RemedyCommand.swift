import ArgumentParser
import Foundation
import LandRegistry

struct RemedyCommand: CommonCommand {
    static let configuration = command("remedy", "An outfall's remedy (治, 一口一策): set it with a deadline, mark it done, or show its history.",
        discussion: [Phrase(verbatim: "landreg remedy OUTFALL --measure ban|merge|regularize|other --responsible TEXT --deadline D --date D [--note …]"),
                     Phrase(verbatim: "landreg remedy OUTFALL --done --date D"),
                     "landreg remedy OUTFALL            (its history)"])

    @OptionGroup var common: CommonOptions
    @Argument(help: manual("The outfall's code.")) var outfall: String
    @Option(help: manual("ban (取缔), merge (合并), regularize (规范整治) or other.")) var measure: RemedyMeasure?
    @Option(help: manual("Who is responsible (a unit or a town).")) var responsible: String?
    @Option(help: manual("The deadline, YYYY-MM-DD.")) var deadline: String?
    @Flag(help: manual("The remedy is done.")) var done = false
    @Option(help: manual("The date of the decision or of completion, YYYY-MM-DD.")) var date: String?
    @Option(help: manual("A note (the document, what was done).")) var note: String?
    @OptionGroup var recorder: Recorder

    func validate() throws {
        let setting = measure != nil || responsible != nil || deadline != nil
        if done && setting { throw usageError("--done takes only --date (and --note)") }
        if setting && (measure == nil || responsible == nil || deadline == nil) {
            throw usageError("a remedy needs --measure, --responsible and --deadline")
        }
        if (setting || done) && date == nil { throw usageError("--date is required") }
    }

    func run(on registry: Registry) throws {
        let by = recorder.name
        if done {
            try registry.completeRemedy(outfall: outfall, date: date!, note: note, by: by)
            say("remedy of \(outfall) done on \(date!)")
        } else if let measure, let responsible, let deadline {
            try registry.setRemedy(outfall: outfall, measure: measure, responsible: responsible, deadline: deadline,
                                   date: date!, note: note, by: by)
            say("remedy of \(outfall): \(term: measure), \(responsible), deadline \(deadline)")
        } else {
            let rows = try registry.remedyEvents(outfall: outfall).map { e in
                [e.date, e.event.text(Speech.language), e.measure?.text(Speech.language) ?? "", e.responsible ?? "", e.deadline ?? "", e.note ?? "",
                 localTime(e.recordedAt), e.recordedBy]
            }
            if rows.isEmpty { say("\(outfall): no remedy recorded"); return }
            print(textTable(header: words(["date", "event", "measure", "responsible", "deadline", "note", "recorded", "by"]), rows: rows))
        }
    }
}

import ArgumentParser
import Foundation
import LandRegistry

struct Reclass: CommonCommand {
    static let configuration = command("reclass", "Adjust the soil-quality class of a farmland parcel (recorded in its history).")

    @OptionGroup var common: CommonOptions
    @Argument(help: manual("The parcel's code.")) var code: String?
    @Argument(help: manual("The new class: priority, safe_use or strict.")) var farmlandClass: FarmlandClass?
    @Option(help: manual("Adjust many parcels at once: a CSV (code,class) or GeoJSON (code and class properties), all or nothing."))
    var file: String?
    @Option(help: manual("The date it took effect, YYYY-MM-DD.")) var date: String
    @Option(help: manual("The basis of the adjustment (monitoring, decision …).")) var basis: String?
    @OptionGroup var recorder: Recorder

    func validate() throws {
        guard (file == nil) != (code == nil || farmlandClass == nil) else {
            throw usageError("give CODE and CLASS, or --file")
        }
    }

    func run(on registry: Registry) throws {
        if let file {
            let changes = try ReclassificationFile.read(file)
            let changed = try registry.reclassify(changes, date: date, basis: basis, by: recorder.name, file: file)
            say("\(changed) of \(changes.count) parcels adjusted from \(date)")
            return
        }
        try registry.reclassify(code: code!, to: farmlandClass!, date: date, basis: basis, by: recorder.name)
        say("\(code!): \(term: farmlandClass!) from \(date)")
    }
}

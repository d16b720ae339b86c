import ArgumentParser
import Foundation
import LandRegistry

struct Vacated: CommonCommand {
    static let configuration = command("vacated", "Enterprises whose discharge permits were cancelled or revoked: their sites need supervision.",
        discussion: ["Lists each with the risk-plots covering its site and their stage (soil plan task 6)."])

    @OptionGroup var common: CommonOptions

    func run(on registry: Registry) throws {
        let table = try registry.vacatedSites()
        print(textTable(header: table.header.map { Terms.column($0, Speech.language, table: "vacated.csv") },
                        rows: table.rows.map { $0.map { $0.text(Speech.language) } }))
        say(table.rows.count == 1 ? "1 site" : "\(table.rows.count) sites")
    }
}

import ArgumentParser
import Foundation
import LandRegistry

struct Vacated: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Enterprises whose discharge permits were cancelled or revoked: their sites need supervision.",
        discussion: "Lists each with the risk-plots covering its site and their stage (soil plan task 6).")

    @OptionGroup var registry: RegistryOptions

    func run() throws {
        let registry = try registry.open()
        defer { try? registry.close() }
        let table = try registry.vacatedSites()
        print(formatTable(header: table.header, rows: table.rows))
        print("\(table.rows.count) site\(table.rows.count == 1 ? "" : "s")")
    }
}

import ArgumentParser
import Foundation
import LandRegistry

struct Settings: ParsableCommand {
    static let configuration = command("settings", "List the registry's settings (rule thresholds), or change one.",
        discussion: ["landreg settings                      list them",
                     "landreg settings set NAME VALUE       change one (recorded with who and when)",
                     "Names: \(Setting.allCases.map(\.rawValue).joined(separator: ", ")), \(Registry.publicLayersSetting) (the layers anyone may read over HTTP, e.g. risk-plots,water-zones)."],
        subcommands: [ListSettings.self, SetSetting.self],
        defaultSubcommand: ListSettings.self)

    struct ListSettings: ParsableCommand {
        static let configuration = command("list", "List the settings.")
        @OptionGroup var registry: RegistryOptions
        @OptionGroup var language: LanguageOption

        func run() throws {
            let registry = try registry.open()
            defer { try? registry.close() }
            print(textTable(header: words(["name", "value"]), rows: try registry.settings().map { [$0.0, $0.1] }))
        }
    }

    struct SetSetting: ParsableCommand {
        static let configuration = command("set", "Change a setting.")
        @OptionGroup var registry: RegistryOptions
        @OptionGroup var language: LanguageOption
        @Argument(help: manual("The setting's name.")) var name: String
        @Argument(help: manual("The new value (metres, or square metres for overlap_min_m2).")) var value: String
        @Option(help: manual("Who changes it (default: the login name).")) var by: String?

        func run() throws {
            let registry = try registry.open()
            defer { try? registry.close() }
            let who = by ?? ProcessInfo.processInfo.environment["USER"] ?? "unknown"
            let old = try registry.setSetting(name, to: value, by: who)
            say("\(name): \(old) → \(value)")
        }
    }
}

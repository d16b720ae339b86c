import Foundation

/// Writes a folder of files completely or not at all: the files go to a
/// temporary folder beside it, which becomes the folder (or whose files are
/// moved into an existing one) only when every file was written.
enum AtomicFolder {
    static func write(_ directory: String, _ body: (String) throws -> [String]) throws -> [String] {
        let manager = FileManager.default
        let url = URL(fileURLWithPath: directory).standardizedFileURL
        let parent = url.deletingLastPathComponent().path
        let temporary = parent + "/.\(url.lastPathComponent).\(getpid()).tmp"
        do {
            try manager.createDirectory(atPath: parent, withIntermediateDirectories: true)
            try? manager.removeItem(atPath: temporary)
            try manager.createDirectory(atPath: temporary, withIntermediateDirectories: false)
        } catch {
            throw InputError(file: directory, message: "cannot write the folder (\(error.localizedDescription))")
        }
        defer { try? manager.removeItem(atPath: temporary) }
        let files = try body(temporary)
        var isDirectory: ObjCBool = false
        do {
            if manager.fileExists(atPath: url.path, isDirectory: &isDirectory) {
                guard isDirectory.boolValue else { throw InputError(file: directory, message: "exists and is not a folder") }
                for file in files {
                    let target = url.path + "/" + file
                    if manager.fileExists(atPath: target) { try manager.removeItem(atPath: target) }
                    try manager.moveItem(atPath: temporary + "/" + file, toPath: target)
                }
            } else {
                try manager.moveItem(atPath: temporary, toPath: url.path)
            }
        } catch let error as InputError {
            throw error
        } catch {
            throw InputError(file: directory, message: "cannot write the folder (\(error.localizedDescription))")
        }
        return files
    }
}

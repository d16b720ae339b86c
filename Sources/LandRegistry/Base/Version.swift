/// The version of landreg, in reports and `--version`.
public let landregVersion = "0.1.0"

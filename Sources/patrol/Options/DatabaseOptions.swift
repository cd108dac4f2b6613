import ArgumentParser

/// `--db PATH`: the store of imports and schedule versions.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .customLong("db"), help: "The SQLite store of imports and schedules.")
    var path = "patrol.sqlite"
}

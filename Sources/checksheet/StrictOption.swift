import ArgumentParser

/// `--strict`, the same rule for `build` and `check`.
struct StrictOption: ParsableArguments {
    @Flag(help: "Treat English that was not updated after its Japanese changed as an error.")
    var strict = false
}

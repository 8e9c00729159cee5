import ArgumentParser

@main
struct Checksheet: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checksheet",
        abstract: "Publish a cloud-security check sheet as a static bilingual website.",
        subcommands: [BuildCommand.self, CheckCommand.self, ImportCommand.self, SearchCommand.self, AnswerCommand.self, DiffCommand.self,
                      NewRevisionCommand.self, ServeCommand.self, PublishCommand.self, TranslationsCommand.self]
    )
}

import ArgumentParser
import ChecksheetKit
import Foundation

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Check the content and write the site.",
        discussion: """
        The output folder is replaced only when it is absent, empty or written by an earlier build, and only when the \
        whole build succeeded; on any error it stays as it was.
        """
    )

    @OptionGroup var site: SiteOptions

    @OptionGroup var publishing: BaseURLOption

    @OptionGroup var strictness: StrictOption

    @OptionGroup var clock: TodayOption

    @Flag(help: "Include draft revisions, every page marked \"draft, not published\" (for review; never upload this build).")
    var drafts = false

    @Flag(help: "Render every page, even those an earlier build in the output folder made from the same inputs.")
    var clean = false

    func run() throws {
        StageClock.begin()
        defer { if StageClock.enabled { FileHandle.standardError.write(Data(StageClock.report().utf8)) } }
        var options = Pipeline.Options(baseURL: publishing.baseURL, strict: strictness.strict, drafts: drafts, tool: ToolIdentity.current)
        var output = site.siteOutput
        // The stamps the last build here left, read first: with them the marker is known without decoding it, and the
        // files it lists are trusted without reading them.
        let stampsFile = output.resolved.flatMap(OutputStamps.cacheFile(forOutput:))
        let stampsData = clean ? nil : stampsFile.flatMap { FileManager.default.contents(atPath: $0) }
        // The content and theme are read on another thread while the output is checked here: neither needs the other,
        // and every build needs both. Reading writes nothing, so a refused --output still changes nothing. When they are
        // not as the last build here found them (`SourceStamps`), a build almost surely follows: the pages it parsed are
        // read beside them, on a thread of their own, rather than after them.
        let contentPath = site.content, themePath = site.theme
        let lastInputs = stampsData.flatMap(OutputStamps.recordedInputs)
        let cacheFile = ParsedPages.cacheFile(forContent: site.content), reread = clean ? nil : cacheFile
        let retake = clean ? nil : KeptTexts.cacheFile(forContent: site.content)
        let reopen = clean ? nil : SourceTexts.cacheFile(forContent: site.content)
        let sourcesFile = SourceStamps.cacheFile(forContent: contentPath)
        let sourcesKey = SourceStamps.key(content: contentPath, theme: themePath, options: options)
        let sources = Pending { [options, clean] in
            // The content and theme as the last build here read them (every entry's stamp as recorded with the inputs the
            // folder was written from): nothing to read but what a run with nothing to build reports.
            let walked = SourceStamps.take([contentPath, themePath])
            if !clean, let walked, let lastInputs, let record = sourcesFile.flatMap({ FileManager.default.contents(atPath: $0) }),
               walked.recordedInputs(in: record, key: sourcesKey) == lastInputs {
                StageClock.mark("sources unchanged")
                return Sources(content: ContentSource.readMetadata(from: contentPath), theme: nil, inputs: lastInputs, parsed: nil, parsedRead: false, walked: nil)
            }
            let early = reread.map { file in Pending { ParsedPages.read(cacheFile: file, tool: options.tool) } }
            // The texts the last builds analysed, on a thread of their own too: the pages that follow ask for them.
            let texts = retake.map { file in Pending { KeptTexts.read(cacheFile: file, tool: options.tool) } }
            var sources = Self.read(contentPath, themePath, options: options, walked: walked, lastInputs: lastInputs, reread: reread, known: reopen,
                                    early: early)
            sources.texts = texts
            return sources
        }
        var stamps = stampsData.flatMap(OutputStamps.decode)
        StageClock.mark("stamps read")
        if let resolved = output.resolved {
            stamps?.takeMarker(in: resolved)
            stamps?.lend(to: resolved)
        }
        output.stamps = stamps
        let folder: String
        switch output.check() {
        case let .success(resolved): folder = resolved
        case let .failure(refusal):
            DiagnosticPrinter.print(refusal.diagnostics)
            throw ExitCode.failure
        }
        output.checked = folder
        StageClock.mark("output checked")
        // Every file the last build wrote is stat'ed while the content is still being read, once for both of its uses.
        if !clean {
            stamps?.confirmFiles(in: folder)
            output.stamps = stamps
            StageClock.mark("files confirmed")
        }
        var read = sources.result
        StageClock.mark("waited for the content")
        // Said on every run, an up-to-date one too: what is live depends on the day, which no build records.
        DiagnosticPrinter.print(ReleaseGate.futureRevisions(read.content, today: clock.date))
        // Nothing read differs from what wrote the folder, and the folder is as it was written: nothing to do.
        // The stamps of the files the last build wrote here spare reading them to know they are unchanged.
        if !clean, let inputs = read.inputs, let manifest = output.upToDate(inputs: inputs, checked: folder) {
            if let walked = read.walked, let sourcesFile { walked.write(cacheFile: sourcesFile, key: sourcesKey, inputs: inputs) }
            // Files read because their stamps had changed, and found as written, are trusted by the next build again.
            if let stampsFile, let refreshed = stamps?.refreshed { refreshed.write(cacheFile: stampsFile) }
            let warnings = manifest.warnings ?? []
            if !warnings.isEmpty {
                FileHandle.standardError.write(Data((warnings.joined(separator: "\n") + "\n\(warnings.count) warning\(warnings.count == 1 ? "" : "s")\n").utf8))
            }
            StageClock.mark("found up to date")
            print("Up to date: nothing in \(site.content)/ or \(site.theme)/ changed since the build of the \(manifest.files.count) files in \(site.output)/")
            printDraftsLeftOut(read.content)
            return
        }
        // The sources were as recorded but the folder was not as written: the build that follows reads them all.
        if read.theme == nil {
            read = Self.read(contentPath, themePath, options: options, walked: SourceStamps.take([contentPath, themePath]), lastInputs: nil, reread: reread,
                             known: reopen)
        }
        let (content, inputs, parsed, parsedRead) = (read.content, read.inputs, read.parsed, read.parsedRead)
        // Installed before the content is loaded, whose checks and history ask for plain texts and reading keys.
        if let texts = read.texts ?? retake.map({ file in Pending { KeptTexts.read(cacheFile: file, tool: ToolIdentity.current) } }) {
            texts.result?.install()
            StageClock.mark("texts taken")
        }
        let theme = read.theme ?? Theme.read(from: themePath)
        let record = read.walked.flatMap { walked in inputs.map { (walked, $0) } }
        // The earlier build in the folder lends its unchanged pages, the cache the pages it parsed (read above unless the
        // recorded inputs made a build look needless); `--clean` parses and renders every page anew.
        options.previous = clean ? nil : PreviousBuild.folder(folder, stamps: stamps)
        options.parsed = parsedRead ? parsed : reread.flatMap { ParsedPages.read(cacheFile: $0, tool: ToolIdentity.current) }
        let checkedFile = PreparedTheme.cacheFile(forTheme: site.theme)
        options.checkedTheme = clean ? nil : checkedFile.flatMap(PreparedTheme.checkedKey(cacheFile:))
        if output.isFresh(folder) {
            try buildStreaming(content: content, theme: theme, options: options, inputs: inputs, into: output, folder: folder, cacheFile: cacheFile,
                               stampsFile: stampsFile, walked: read.walked)
            if let (walked, inputs) = record, let sourcesFile { walked.write(cacheFile: sourcesFile, key: sourcesKey, inputs: inputs) }
            return
        }
        let outcome = Pipeline.build(content: content, theme: theme, options: options)
        StageClock.mark("pages made")
        // Stamps that describe the folder as it is before the write, for stamping only what the write changes.
        let before = stamps?.describing(folder)
        // The caches are written while the output is: neither waits for the other.
        let kept = Pending { [self, options, walked = read.walked, known = read.known] in
            keep(outcome, options: options, parsedFile: cacheFile)
            keepTexts(content, walked: walked, known: known)
            if let (walked, inputs) = record, let sourcesFile { walked.write(cacheFile: sourcesFile, key: sourcesKey, inputs: inputs) }
        }
        defer {
            _ = kept.result
            StageClock.mark("caches kept")
            LeftToExit.keep(outcome, options, content, theme, read, output)
        }
        DiagnosticPrinter.print(outcome.diagnostics)
        guard let files = outcome.files else { throw ExitCode.failure }
        let warnings = outcome.diagnostics.filter { $0.severity == .warning }.map(\.formatted)
        switch output.write(files, inputs: inputs, warnings: warnings) {
        case let .failure(refusal):
            DiagnosticPrinter.print(refusal.diagnostics)
            throw ExitCode.failure
        case let .success(report):
            // After an update of a few files, only those are stamped anew.
            StageClock.mark("written")
            let recorded = OutputStamps.record(folder, after: report, before: before)
            if let stampsFile, let recorded { recorded.write(cacheFile: stampsFile) }
            StageClock.mark("stamps written")
            let bytes = files.reduce(0) { $0 + $1.size }
            var summary = "Wrote \(files.count) files (\(bytes) bytes) to \(site.output)/"
            if report.unchanged > 0 || report.removed > 0 { summary += " (\(report.written) changed, \(report.unchanged) unchanged, \(report.removed) removed)" }
            if report.updatedInPlace { summary += ", updated in place because the folder cannot be swapped whole" }
            print(summary + "; open \(site.output)/index.html")
            printDraftsLeftOut(content)
        }
    }

    /// What the thread that reads the sources hands the build. `theme` is nil when the sources were found as recorded and
    /// only the revisions' metadata was read; `walked`, the stamps taken before a full read, to record with its inputs.
    struct Sources: Sendable {
        var content: ContentSource
        var theme: Result<Theme, DiagnosticsError>?
        var inputs: String?
        var parsed: ParsedPages?
        var parsedRead: Bool
        var walked: SourceStamps?
        /// The texts the last builds analysed, being read when a build looked needed.
        var texts: Pending<KeptTexts?>? = nil
        /// The pages an earlier build read, whose texts this read took where their stamps were unchanged.
        var known: SourceTexts? = nil
    }

    /// Reads the content and the theme whole, hashes them, and reads the pages the last build parsed when a build looks
    /// needed (the inputs differ from those the output's stamps recorded).
    /// `known`, the cache file of the pages an earlier build read: a page whose stamp the walk found unchanged is not opened.
    static func read(_ contentPath: String, _ themePath: String, options: Pipeline.Options, walked: SourceStamps?, lastInputs: String?,
                     reread: String?, known: String? = nil, early: Pending<ParsedPages?>? = nil) -> Sources {
        let pages = walked == nil ? nil : known.flatMap(SourceTexts.read(cacheFile:))
        let content = ContentSource.read(from: contentPath, known: pages, walked: walked)
        StageClock.mark("content read")
        let theme = Theme.read(from: themePath)
        StageClock.mark("theme read")
        let inputs = Pipeline.inputs(content: content, theme: theme, options: options)
        StageClock.mark("inputs hashed")
        let building = inputs == nil || inputs != lastInputs
        let parsed = building ? early.map(\.result) ?? reread.flatMap { ParsedPages.read(cacheFile: $0, tool: options.tool) } : nil
        if parsed != nil { StageClock.mark("parsed pages read") }
        return Sources(content: content, theme: theme, inputs: inputs, parsed: parsed, parsedRead: building, walked: walked, known: pages)
    }

    /// Says which drafts this build left out: whoever edited one and ran `build` would otherwise find their edits missing
    /// from the site with no word why.
    func printDraftsLeftOut(_ content: ContentSource) {
        guard !drafts else { return }
        let left = content.revisions.filter(\.isDraft).map(\.folderName)
        guard !left.isEmpty else { return }
        let named = left.count == 1 ? "the draft revision \(left[0])" : "the draft revisions " + left.joined(separator: ", ")
        print("Left out \(named) (not published): preview with `checksheet serve`, or build with `--drafts` into another folder.")
    }

    /// Pages a build may parse again rather than rewrite the cache of parsed pages (about a millisecond's parsing).
    static let pagesParsedAgain = 8

    /// Keeps in the user's cache what the next build can reuse: the pages this one parsed, and the key of a theme
    /// that passed the check.
    func keep(_ outcome: Pipeline.Outcome, options: Pipeline.Options, parsedFile: String?) {
        // Rewritten when more than a few pages are new to it: parsing a few again next time costs less than writing
        // every page of every revision after each edit.
        if let parsedFile, outcome.parsed.count > 0, outcome.parsed.parsedAnew(since: options.parsed) > Self.pagesParsedAgain {
            outcome.parsed.write(cacheFile: parsedFile, tool: ToolIdentity.current)
        }
        if let key = outcome.checkedTheme, key != options.checkedTheme, let file = PreparedTheme.cacheFile(forTheme: site.theme) {
            PreparedTheme.keep(checkedKey: key, cacheFile: file)
        }
    }

    /// Keeps what the next rebuild takes instead of doing it again: the texts this build analysed (when it made any
    /// anew), and the pages it read, each with the stamp the walk before the read found (when any differs from those it
    /// took, `known`). The first build into a folder keeps them too: the first edit after it is the usual next build.
    func keepTexts(_ content: ContentSource, walked: SourceStamps?, known: SourceTexts?) {
        if let file = KeptTexts.cacheFile(forContent: site.content) { KeptTexts.keep(cacheFile: file, tool: ToolIdentity.current) }
        if let file = SourceTexts.cacheFile(forContent: site.content), let walked {
            let pages = SourceTexts(content, walked: walked)
            if !pages.same(as: known) { pages.write(cacheFile: file) }
        }
    }

    /// A build where no folder is yet: pages go to the staging folder as they are made, so the site is never held in
    /// memory whole; the staging folder becomes the output only when the whole build succeeded.
    func buildStreaming(content: ContentSource, theme: Result<Theme, DiagnosticsError>, options: Pipeline.Options, inputs: String?,
                        into output: SiteOutput, folder: String, cacheFile: String?, stampsFile: String?, walked: SourceStamps?) throws {
        var outcome: Pipeline.Outcome?
        var bytes = 0
        let result = output.writeStreaming(inputs: inputs) { write in
            let built = try Pipeline.build(content: content, theme: theme, options: options) { files in
                bytes += files.reduce(0) { $0 + $1.contents.count }
                try write(files)
            }
            outcome = built
            // An error ends the build before its folder takes the output's place: nothing is published.
            if built.files == nil { throw DiagnosticsError([]) }
            return built.diagnostics.filter { $0.severity == .warning }.map(\.formatted)
        }
        // The caches are written while the folder is stamped: neither waits for the other.
        let kept = outcome.map { outcome in
            Pending { [self, options] in
                keep(outcome, options: options, parsedFile: cacheFile)
                keepTexts(content, walked: walked, known: nil)
            }
        }
        defer {
            _ = kept?.result
            StageClock.mark("caches kept")
        }
        if let outcome {
            DiagnosticPrinter.print(outcome.diagnostics)
            LeftToExit.keep(outcome, options, content, theme)
        }
        switch result {
        case let .failure(refusal):
            DiagnosticPrinter.print(refusal.diagnostics)
            throw ExitCode.failure
        case let .success(report):
            StageClock.mark("written")
            // The write stamped its files as it went: only the folders and the marker are stamped here.
            if let stampsFile, let recorded = OutputStamps.record(folder, after: report, before: nil) { recorded.write(cacheFile: stampsFile) }
            StageClock.mark("stamps written")
            print("Wrote \(report.written) files (\(bytes) bytes) to \(site.output)/; open \(site.output)/index.html")
            printDraftsLeftOut(content)
        }
    }
}

import PatrolInterchange
import PatrolModel
import PatrolSamples

extension Workspace {
    /// Writes a synthetic community as an input directory.
    ///
    /// - Parameters:
    ///   - options: what to generate.
    ///   - style: how the files are laid out; the office style (Chinese headers and values,
    ///     compact demand) by default, as a community office would keep them.
    ///   - directory: the folder to write, created when missing.
    /// - Returns: the paths of the files written.
    /// - Throws: `OutputWriteError` when the folder or a file cannot be written.
    public static func generate(
        _ options: CommunityGenerator.Options, style: CommunityWriter.Style = .office,
        to directory: String
    ) throws -> [String] {
        let files = CommunityWriter.files(CommunityGenerator.generate(options), style: style)
        try RosterWriter.write(files, to: directory)
        return files.map { directory + "/" + $0.name }
    }
}

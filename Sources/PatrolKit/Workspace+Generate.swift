import PatrolInterchange
import PatrolModel
import PatrolSamples

extension Workspace {
    /// Writes a synthetic community as an input directory; returns the files written.
    public static func generate(_ options: CommunityGenerator.Options, to directory: String) throws -> [String] {
        let files = CommunityWriter.files(CommunityGenerator.generate(options))
        try RosterWriter.write(files, to: directory)
        return files.map { directory + "/" + $0.name }
    }
}

import Foundation

/// Programs outside the package that tests use as independent readers of what we write:
/// LibreOffice, headless Chromium, poppler's `pdftoppm`, Python's `icalendar`.
///
/// Each is optional on a developer's machine (tests that need one are skipped with the
/// reason); `.ci/run` installs them all.
public enum ExternalTool {
    /// What a finished program printed.
    public struct Run: Sendable {
        public var status: Int32
        public var output: String
        public var errors: String
    }

    /// The program's path when one of `names` is on the `PATH`.
    public static func find(_ names: String...) -> String? {
        let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        for name in names {
            for directory in directories {
                let path = "\(directory)/\(name)"
                if FileManager.default.isExecutableFile(atPath: path) { return path }
            }
        }
        return nil
    }

    /// Runs a program to its end and collects its output (read concurrently, so a chatty
    /// program cannot block on a full pipe).
    public static func run(_ executable: String, _ arguments: [String]) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let collected = OutputCollector()
        let group = DispatchGroup()
        for (pipe, isError) in [(output, false), (errors, true)] {
            group.enter()
            DispatchQueue.global().async {
                collected.set(pipe.fileHandleForReading.readDataToEndOfFile(), isError: isError)
                group.leave()
            }
        }
        group.wait()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus, output: String(decoding: collected.output, as: UTF8.self),
            errors: String(decoding: collected.errors, as: UTF8.self))
    }

    private final class OutputCollector: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var output = Data()
        private(set) var errors = Data()

        func set(_ data: Data, isError: Bool) {
            lock.lock()
            defer { lock.unlock() }
            if isError { errors = data } else { output = data }
        }
    }

    public static let python = find("python3")
    public static let libreOffice = find("soffice", "libreoffice")
    public static let chromium = find("chromium", "chromium-browser", "google-chrome")
    public static let pdftoppm = find("pdftoppm")

    /// Python with the `icalendar` package (`pip install icalendar`).
    public static let hasPythonICalendar: Bool = {
        guard let python else { return false }
        return (try? run(python, ["-c", "import icalendar"]))?.status == 0
    }()
}

/// Headless Chromium: prints a page to PDF and measures its layout.
public enum HeadlessChromium {
    public static var isAvailable: Bool { ExternalTool.chromium != nil && ExternalTool.pdftoppm != nil }

    /// Prints the HTML file to a PDF with the page's own `@page` size and margins.
    public static func printToPDF(html: String, pdf: String) throws {
        try chromium(["--no-pdf-header-footer", "--print-to-pdf=\(pdf)", fileURL(html)])
        guard FileManager.default.fileExists(atPath: pdf) else {
            throw ToolFailure("chromium wrote no PDF for \(html)")
        }
    }

    /// Lays the page out in a window `width` CSS pixels wide and lists every element whose
    /// content is wider than its box, and the page itself when wider than the window: an
    /// empty list when nothing overflows.
    ///
    /// The measuring script is added to a copy of the page, so the page under test stays
    /// script-free; Chromium's `--dump-dom` prints the document after the script ran.
    public static func overflowingElements(html: String, width: Int) throws -> [String] {
        var page = try String(contentsOfFile: html, encoding: .utf8)
        let probe = """
            <script>
            (function () {
              var root = document.documentElement, found = [];
              if (root.scrollWidth > root.clientWidth) found.push('page: ' + root.scrollWidth + ' > ' + root.clientWidth);
              document.querySelectorAll('body *').forEach(function (e) {
                if (getComputedStyle(e).display === 'inline') return;
                if (e.scrollWidth > e.clientWidth + 1)
                  found.push(e.tagName + '.' + e.className + ': ' + e.scrollWidth + ' > ' + e.clientWidth + ' ' + e.textContent.slice(0, 40));
              });
              var out = document.createElement('pre');
              out.id = 'overflow-report';
              out.textContent = found.length ? found.join('\\n') : 'none';
              document.body.appendChild(out);
            })();
            </script>
            """
        guard let end = page.range(of: "</body>", options: .backwards) else {
            throw ToolFailure("\(html) has no </body>")
        }
        page.insert(contentsOf: probe, at: end.lowerBound)
        let probed = html + ".probe.html"
        try page.write(toFile: probed, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: probed) }
        let run = try chromium(["--window-size=\(width),900", "--dump-dom", fileURL(probed)])
        guard let start = run.output.range(of: #"<pre id="overflow-report">"#),
            let stop = run.output.range(of: "</pre>", range: start.upperBound..<run.output.endIndex)
        else { throw ToolFailure("chromium printed no overflow report: \(run.errors.suffix(500))") }
        let report = String(run.output[start.upperBound..<stop.lowerBound])
        return report == "none" ? [] : report.split(separator: "\n").map(String.init)
    }

    @discardableResult
    private static func chromium(_ arguments: [String]) throws -> ExternalTool.Run {
        guard let executable = ExternalTool.chromium else { throw ToolFailure("chromium is not installed") }
        let profile = NSTemporaryDirectory() + "chromium-profile-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: profile) }
        let run = try ExternalTool.run(
            executable,
            ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--user-data-dir=\(profile)"]
                + arguments)
        guard run.status == 0 else { throw ToolFailure("chromium failed (\(run.status)): \(run.errors.suffix(800))") }
        return run
    }

    private static func fileURL(_ path: String) -> String { URL(fileURLWithPath: path).absoluteString }
}

/// The pages of a PDF as grey images, rendered by poppler's `pdftoppm`.
public enum PDFPages {
    /// Every page at `dpi` dots per inch.
    public static func render(pdf: String, dpi: Int) throws -> [GrayImage] {
        guard let pdftoppm = ExternalTool.pdftoppm else { throw ToolFailure("pdftoppm is not installed") }
        let prefix = NSTemporaryDirectory() + "pages-" + UUID().uuidString
        let run = try ExternalTool.run(pdftoppm, ["-gray", "-r", String(dpi), pdf, prefix])
        guard run.status == 0 else { throw ToolFailure("pdftoppm failed: \(run.errors)") }
        let directory = (prefix as NSString).deletingLastPathComponent
        let stem = (prefix as NSString).lastPathComponent
        let files = try FileManager.default.contentsOfDirectory(atPath: directory)
            .filter { $0.hasPrefix(stem + "-") && $0.hasSuffix(".pgm") }.sorted()
        defer { for file in files { try? FileManager.default.removeItem(atPath: directory + "/" + file) } }
        return try files.map { try GrayImage(pgm: Data(contentsOf: URL(fileURLWithPath: directory + "/" + $0))) }
    }

    /// The text of one page (1-based), by poppler's `pdftotext`.
    public static func text(pdf: String, page: Int) throws -> String {
        guard let pdftotext = ExternalTool.find("pdftotext") else { throw ToolFailure("pdftotext is not installed") }
        let run = try ExternalTool.run(pdftotext, ["-f", String(page), "-l", String(page), pdf, "-"])
        guard run.status == 0 else { throw ToolFailure("pdftotext failed: \(run.errors)") }
        return run.output
    }

    /// Writes one page (1-based) as a PNG file.
    public static func writePNG(pdf: String, page: Int, dpi: Int, to path: String) throws {
        guard let pdftoppm = ExternalTool.pdftoppm else { throw ToolFailure("pdftoppm is not installed") }
        let stem = (path as NSString).deletingPathExtension
        let run = try ExternalTool.run(
            pdftoppm, ["-png", "-r", String(dpi), "-f", String(page), "-l", String(page), "-singlefile", pdf, stem])
        guard run.status == 0 else { throw ToolFailure("pdftoppm failed: \(run.errors)") }
    }
}

/// An 8-bit grey image read from a binary PGM (`P5`) file.
public struct GrayImage: Sendable {
    public let width: Int
    public let height: Int
    /// Row by row, 0 black to 255 white.
    public let pixels: [UInt8]

    public init(pgm data: Data) throws {
        let bytes = [UInt8](data)
        var fields: [String] = []
        var index = 0
        // Header: P5, width, height, maximum value, separated by whitespace; # starts a comment.
        while fields.count < 4, index < bytes.count {
            if bytes[index] == UInt8(ascii: "#") {
                while index < bytes.count, bytes[index] != 0x0A { index += 1 }
            } else if bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x0D || bytes[index] == 0x09 {
                index += 1
            } else {
                let start = index
                while index < bytes.count, ![0x20, 0x0A, 0x0D, 0x09].contains(bytes[index]) { index += 1 }
                fields.append(String(decoding: bytes[start..<index], as: UTF8.self))
            }
        }
        index += 1
        guard fields.count == 4, fields[0] == "P5", let width = Int(fields[1]), let height = Int(fields[2]),
            fields[3] == "255", bytes.count - index >= width * height
        else { throw ToolFailure("not an 8-bit binary PGM image") }
        self.width = width
        self.height = height
        self.pixels = Array(bytes[index..<index + width * height])
    }

    /// Pixels darker than light grey: ink on the page.
    public func inkedPixels(inColumns columns: Range<Int>? = nil) -> Int {
        let range = columns ?? 0..<width
        var count = 0
        for row in 0..<height {
            for column in range where pixels[row * width + column] < 200 { count += 1 }
        }
        return count
    }
}

/// An external program that failed or is missing.
public struct ToolFailure: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

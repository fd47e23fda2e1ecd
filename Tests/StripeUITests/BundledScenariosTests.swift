import Foundation
import Testing
import StripeAssets

/// The embedded scenarios are exactly the files in assets/scenarios.
struct BundledScenariosTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../assets/scenarios").standardizedFileURL

    @Test func everyAssetIsBundledWithItsText() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.directory.path)
            .filter { $0.hasSuffix(".scn") }.sorted()
        #expect(BundledScenarios.all.map { "\($0.name).scn" }.sorted() == files)  // `all` is in lesson order
        for (name, text) in BundledScenarios.all {
            #expect(text == (try String(contentsOf: Self.directory.appendingPathComponent("\(name).scn"), encoding: .utf8)))
        }
        #expect(BundledScenarios.text(named: BundledScenarios.defaultName) != nil)
    }
}

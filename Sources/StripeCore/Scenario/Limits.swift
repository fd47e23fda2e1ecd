/// Bounds that keep every scenario inside what the model (and a terminal) can show.
public enum Limits {
    /// Largest file size a scenario may name: 16 GiB.
    public static let maxFileSize: UInt64 = 16 << 30
    /// Largest page index: the last page of the largest file.
    public static let maxPageIndex = Int(maxFileSize / pageSize) - 1
    /// Largest scenario file: 64 MiB, a line for every page of a 1 GiB file and more; page
    /// ranges (`write 0..4194303`) say the same in one line.
    public static let maxScenarioBytes: UInt64 = 64 << 20
    /// Largest device count.
    public static let maxDevices = 256
}

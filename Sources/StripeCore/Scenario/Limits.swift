/// Bounds that keep every scenario inside what the model (and a terminal) can show.
public enum Limits {
    /// Largest file size a scenario may name: 16 GiB.
    public static let maxFileSize: UInt64 = 16 << 30
    /// Largest page index: the last page of the largest file.
    public static let maxPageIndex = Int(maxFileSize / pageSize) - 1
    /// Largest device count.
    public static let maxDevices = 256
}

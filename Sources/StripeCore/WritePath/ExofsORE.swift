/// The exofs/ORE write path (the default): exofs's address-space operations over the
/// ORE, as modelled in `Exofs/` and `ORE/` (their era is the profile's). This type
/// only routes the engine's commands to them.
final class ExofsORE: WritePath {
    func writepages(_ engine: Engine, sync: Bool, range: PageRange?, nrToWrite: Int?) {
        engine.writepages(sync: sync, range: range, nrToWrite: nrToWrite)
    }

    func readpages(_ engine: Engine, _ range: PageRange) { engine.readpages(range) }

    func readForWrite(_ engine: Engine, _ index: Int) -> Bool { engine.readForModify(index) }

    func truncate(_ engine: Engine, size: UInt64) { engine.truncate(size: size) }

    /// exofs tracks its I/Os as `.write` / `.read`; nothing comes back here.
    func completed(_ engine: Engine, _ io: PendingIO) {}
}

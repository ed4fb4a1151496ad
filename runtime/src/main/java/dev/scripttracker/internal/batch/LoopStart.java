package dev.scripttracker.internal.batch;

import java.util.Optional;

/**
 * Where a loop of this attempt starts: its number, the fingerprint of its source and parameters, and
 * the checkpoint of the earlier attempt it continues, if any.
 */
public record LoopStart(int loop, String fingerprint, Optional<Checkpoint> resume) {

    public static LoopStart of(BatchHost host, int loop, BatchSource<?> source) {
        String fingerprint = Checkpoint.fingerprint(source.identity() + " parameters:" + host.parameters());
        return new LoopStart(loop, fingerprint, host.resumePoint().filter(r -> r.loop() >= loop));
    }

    /**
     * The items of a loop that an earlier attempt finished (then it is not run again), logged as such.
     *
     * @return empty when the loop runs
     */
    public Optional<Long> finishedEarlier(BatchHost host, BatchSource<?> source) {
        if (resume.isEmpty() || resume.get().loop() == loop && !resume.get().finished()) {
            return Optional.empty();
        }
        host.log("batch loop {} over {} finished in an earlier attempt; not run again", loop, source.describe());
        return Optional.of(resume.get().loop() == loop ? resume.get().done() : 0L);
    }
}

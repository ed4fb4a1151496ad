package dev.scripttracker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.scripttracker.testing.DatabaseKind;
import dev.scripttracker.testing.FreshDatabase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A tracker's listeners hear every run, whichever call started it, and cannot break one. */
class RunListenerTest {

    @RegisterExtension
    final FreshDatabase db = new FreshDatabase(DatabaseKind.H2);

    @TrackedScript(id = "0001_counts_to_three")
    public static class CountsToThree implements Script {
        @Override
        public void run(ScriptContext ctx) {
            for (int i = 1; i <= 3; i++) {
                ctx.progress(i, 3);
            }
        }
    }

    @TrackedScript(id = "0002_fails")
    public static class Fails implements Script {
        @Override
        public void run(ScriptContext ctx) {
            throw new IllegalStateException("no");
        }
    }

    static final class Recorder implements RunListener {
        final List<String> heard = new CopyOnWriteArrayList<>();

        @Override
        public void progress(ScriptDefinition script, Progress progress) {
            heard.add(script.id() + " " + progress.done() + "/" + progress.total());
        }

        @Override
        public void finished(RunResult result) {
            heard.add(result.scriptId() + " " + result.outcome());
        }
    }

    @Test
    void runPendingRunByIdAndRunOptionsListeners_allReachTheTrackersListeners() {
        Recorder recorder = new Recorder();
        List<String> ownListener = new CopyOnWriteArrayList<>();
        try (ScriptTracker tracker = ScriptTracker.builder().dataSource(db.get().dataSource()).listener(recorder)
                .register(CountsToThree.class, Fails.class).build()) {
            tracker.runPending(RunOptions.defaults().withProgressListener((s, p) -> ownListener.add(s.id() + " " + p.done())));
            tracker.run("0002_fails");
            tracker.run("0001_counts_to_three");
        }

        assertEquals(List.of("0001_counts_to_three 1/3", "0001_counts_to_three 2/3", "0001_counts_to_three 3/3",
                "0001_counts_to_three SUCCEEDED", "0002_fails FAILED", "0002_fails FAILED",
                "0001_counts_to_three ALREADY_DONE"), recorder.heard);
        assertEquals(List.of("0001_counts_to_three 1", "0001_counts_to_three 2", "0001_counts_to_three 3"), ownListener,
                "the run's own listener still hears its progress");
    }

    @Test
    void aListenerThatThrows_changesNothingOfTheRun_andTheNextListenerStillHears() {
        Recorder after = new Recorder();
        RunListener broken = new RunListener() {
            @Override
            public void progress(ScriptDefinition script, Progress progress) {
                throw new IllegalStateException("listener bug");
            }

            @Override
            public void finished(RunResult result) {
                throw new IllegalStateException("listener bug");
            }
        };
        try (ScriptTracker tracker = ScriptTracker.builder().dataSource(db.get().dataSource()).listener(broken)
                .listener(after).register(CountsToThree.class).build()) {
            RunResult result = tracker.run("0001_counts_to_three");

            assertEquals(RunOutcome.SUCCEEDED, result.outcome(), result.message());
            assertEquals(ScriptStatus.SUCCESS, tracker.status().get(0).status());
        }
        assertEquals("0001_counts_to_three SUCCEEDED", after.heard.get(after.heard.size() - 1));
    }
}

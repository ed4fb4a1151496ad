package dev.scripttracker.console;

import dev.scripttracker.HistoryEntry;
import dev.scripttracker.ScriptState;
import dev.scripttracker.ScriptTracker;
import dev.scripttracker.testing.TestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A console served on a free loopback port over a tracker of the test's database. */
final class RunningConsole implements AutoCloseable {

    static final String OPERATOR = "ops@console-test";

    private final ScriptTracker tracker;
    private final ConsoleServer server;
    final List<String> audit = new CopyOnWriteArrayList<>();

    RunningConsole(TestDatabase db, ConsoleSettings settings) {
        tracker = ScriptTracker.builder().dataSource(db.dataSource()).operator(OPERATOR).lease(Duration.ofMillis(900))
                .register(ConsoleScripts.Backfill.class, ConsoleScripts.Fails.class, ConsoleScripts.PrintsMarkup.class,
                        ConsoleScripts.Quick.class, ConsoleScripts.Typed.class)
                .build();
        server = ConsoleServer.start(new Console(tracker, settings.withAudit(audit::add)), "127.0.0.1", 0);
    }

    RunningConsole(TestDatabase db) {
        this(db, ConsoleSettings.defaults());
    }

    ScriptTracker tracker() {
        return tracker;
    }

    /** The console's address, ending with {@code /}. */
    String url() {
        return server.url();
    }

    String url(String path) {
        return server.url() + path;
    }

    ScriptState state(String id) {
        return tracker.status().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }

    List<HistoryEntry> history(String id) {
        return tracker.history(id);
    }

    @Override
    public void close() {
        server.close();
        tracker.close();
    }
}

package dev.scripttracker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scripttracker.testing.DatabaseKind;
import dev.scripttracker.testing.FreshDatabase;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The builder's seams for containers: who creates scripts, and who sees their work connection. */
class ContainerSeamsTest {

    static final List<String> events = new CopyOnWriteArrayList<>();
    static volatile Connection bound;

    @RegisterExtension
    final FreshDatabase db = new FreshDatabase(DatabaseKind.H2);

    @BeforeEach
    void clear() {
        events.clear();
        bound = null;
    }

    @TrackedScript(id = "0001_needs_a_greeting")
    public static class NeedsAGreeting implements Script {
        private final String greeting;

        public NeedsAGreeting(String greeting) {
            this.greeting = greeting;
        }

        @Override
        public void run(ScriptContext ctx) {
            ctx.log(greeting);
        }
    }

    @TrackedScript(id = "0002_uses_the_bound_connection")
    public static class UsesTheBoundConnection implements Script {
        @Override
        public void run(ScriptContext ctx) {
            events.add(bound == ctx.connection() ? "body on the bound connection" : "body elsewhere");
            ctx.handle().execute("create table made_in_the_script (id int)");
        }
    }

    @TrackedScript(id = "0003_fails")
    public static class Fails implements Script {
        @Override
        public void run(ScriptContext ctx) {
            throw new IllegalStateException("no");
        }
    }

    @TrackedScript(id = "0004_without_a_transaction", transaction = Transaction.NONE)
    public static class WithoutATransaction implements Script {
        @Override
        public void run(ScriptContext ctx) {
            events.add("body");
        }
    }

    @Test
    void theScriptFactory_createsTheScripts() {
        try (ScriptTracker tracker = ScriptTracker.builder().dataSource(db.get().dataSource())
                .register(NeedsAGreeting.class).scriptFactory(type -> new NeedsAGreeting("hello from the factory"))
                .build()) {
            RunResult result = tracker.run("0001_needs_a_greeting");

            assertEquals(RunOutcome.SUCCEEDED, result.outcome(), result.message());
            assertTrue(result.output().contains("hello from the factory"), result.output());
        }
    }

    @Test
    void theBinder_seesTheScriptsConnection_andHearsTheOneCommit() {
        try (ScriptTracker tracker = tracker(UsesTheBoundConnection.class)) {
            assertEquals(RunOutcome.SUCCEEDED, tracker.run("0002_uses_the_bound_connection").outcome());
        }
        assertEquals(List.of("bind 0002_uses_the_bound_connection", "body on the bound connection", "before commit",
                "completed, committed: true", "closed"), events);
    }

    @Test
    void theBinder_hearsTheRollbackOfAFailure() {
        try (ScriptTracker tracker = tracker(Fails.class)) {
            assertEquals(RunOutcome.FAILED, tracker.run("0003_fails").outcome());
        }
        assertEquals(List.of("bind 0003_fails", "completed, committed: false", "closed"), events);
    }

    @Test
    void aScriptWithoutATransaction_isNotBound() {
        try (ScriptTracker tracker = tracker(WithoutATransaction.class)) {
            assertEquals(RunOutcome.SUCCEEDED, tracker.run("0004_without_a_transaction").outcome());
        }
        assertEquals(List.of("body"), events);
    }

    private ScriptTracker tracker(Class<?> script) {
        return ScriptTracker.builder().dataSource(db.get().dataSource()).register(script)
                .workConnectionBinder((definition, connection) -> {
                    bound = connection;
                    events.add("bind " + definition.id());
                    return new WorkConnectionBinder.Binding() {
                        @Override
                        public void beforeCommit() {
                            events.add("before commit");
                        }

                        @Override
                        public void afterCompletion(boolean committed) {
                            events.add("completed, committed: " + committed);
                        }

                        @Override
                        public void close() {
                            events.add("closed");
                        }
                    };
                }).build();
    }

    @Test
    void byDefault_theNoArgumentConstructorCreatesTheScript() {
        try (ScriptTracker tracker = ScriptTracker.builder().dataSource(db.get().dataSource())
                .register(WithoutATransaction.class).build()) {
            assertEquals(RunOutcome.SUCCEEDED, tracker.run("0004_without_a_transaction").outcome());
        }
        assertSame(null, bound);
    }
}

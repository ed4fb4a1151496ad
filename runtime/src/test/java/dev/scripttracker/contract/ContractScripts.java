package dev.scripttracker.contract;

import dev.scripttracker.Script;
import dev.scripttracker.ScriptContext;
import dev.scripttracker.TrackedScript;
import dev.scripttracker.Transaction;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** The scripts the contract test runs; each writes to the table {@code items} of the test's database. */
public final class ContractScripts {

    /** A statement that takes 30 seconds on the database under test. */
    static volatile String slowStatement;
    static volatile CountDownLatch entered = new CountDownLatch(1);
    static volatile CountDownLatch release = new CountDownLatch(1);

    private ContractScripts() {
    }

    static void resetLatches() {
        entered = new CountDownLatch(1);
        release = new CountDownLatch(1);
    }

    static void insert(ScriptContext ctx, int id, String name) {
        ctx.handle().createUpdate("insert into items (id, name) values (:id, :name)")
                .bind("id", id).bind("name", name).execute();
    }

    @TrackedScript(id = "0001_inserts_item", description = "inserts item 1")
    public static class InsertsItem implements Script {
        @Override
        public void run(ScriptContext ctx) {
            insert(ctx, 1, "one");
            ctx.log("inserted item {}", 1);
        }

        public void rollback(ScriptContext ctx) {
            ctx.handle().execute("delete from items where id = 1");
            ctx.log("deleted item 1");
        }
    }

    @TrackedScript(id = "0002_inserts_then_fails")
    public static class InsertsThenFails implements Script {
        @Override
        public void run(ScriptContext ctx) {
            insert(ctx, 2, "two");
            ctx.log("about to fail");
            throw new IllegalStateException("boom: the disk is on fire");
        }
    }

    @TrackedScript(id = "0003_skips")
    public static class SkipsScript implements Script {
        @Override
        public void run(ScriptContext ctx) {
            insert(ctx, 3, "three");
            ctx.skipIf(true, "nothing to fix");
            insert(ctx, 33, "never");
        }
    }

    @TrackedScript(id = "0004_sleeps_past_timeout", timeout = "PT1S")
    public static class SleepsPastTimeout implements Script {
        @Override
        public void run(ScriptContext ctx) throws InterruptedException {
            insert(ctx, 4, "four");
            Thread.sleep(TimeUnit.MINUTES.toMillis(5));
        }
    }

    @TrackedScript(id = "0005_slow_statement", timeout = "PT1S")
    public static class SlowStatement implements Script {
        @Override
        public void run(ScriptContext ctx) {
            insert(ctx, 5, "five");
            ctx.handle().createQuery(slowStatement).mapToMap().list();
        }
    }

    @TrackedScript(id = "0006_blocking")
    public static class Blocking implements Script {
        @Override
        public void run(ScriptContext ctx) throws InterruptedException {
            ctx.handle().execute("update counter set n = n + 1");
            entered.countDown();
            if (!release.await(2, TimeUnit.MINUTES)) {
                throw new IllegalStateException("the test never released the blocking script");
            }
        }
    }

    @TrackedScript(id = "0007_chatty")
    public static class Chatty implements Script {
        @Override
        public void run(ScriptContext ctx) {
            for (int i = 1; i <= 200; i++) {
                ctx.log("line {}", i);
            }
        }
    }

    @TrackedScript(id = "0008_no_transaction_fails", transaction = Transaction.NONE)
    public static class NoTransactionFails implements Script {
        @Override
        public void run(ScriptContext ctx) {
            insert(ctx, 8, "eight");
            if (ctx.parameter("fixed").isEmpty()) {
                throw new IllegalStateException("half-way failure");
            }
        }
    }

    @TrackedScript(id = "0009_parameters")
    public static class UsesParameters implements Script {
        @Override
        public void run(ScriptContext ctx) {
            insert(ctx, 9, ctx.requireParameter("name"));
        }
    }

    @TrackedScript(id = "0010_runnable")
    public static class RunnableScript implements Runnable {
        @Override
        public void run() {
            insert(ScriptContext.current(), 10, "ten");
        }
    }

    @TrackedScript(id = "0011_after_base", after = "0012_base")
    public static class AfterBase implements Script {
        @Override
        public void run(ScriptContext ctx) {
            insert(ctx, 11, "eleven");
        }
    }

    @TrackedScript(id = "0012_base")
    public static class Base implements Script {
        @Override
        public void run(ScriptContext ctx) {
            if (ctx.parameter("fail").isPresent()) {
                throw new IllegalStateException("base failed");
            }
            insert(ctx, 12, "twelve");
        }
    }

    @TrackedScript(id = "0013_spring_runner")
    public static class SpringRunner implements org.springframework.boot.CommandLineRunner {
        private final Object injected;

        public SpringRunner(Object injected) {
            this.injected = injected;
        }

        @Override
        public void run(String... args) {
            insert(ScriptContext.current(), 13, String.valueOf(injected));
        }
    }

    private static final String TEN = "0123456789";
    private static final String HUNDRED = TEN + TEN + TEN + TEN + TEN + TEN + TEN + TEN + TEN + TEN;
    static final String THOUSAND = HUNDRED + HUNDRED + HUNDRED + HUNDRED + HUNDRED + HUNDRED + HUNDRED + HUNDRED
            + HUNDRED + HUNDRED;

    /** One character more than the store's description column holds (a processor would refuse it). */
    @TrackedScript(id = "0014_long_description", description = THOUSAND + "!")
    public static class LongDescription implements Script {
        @Override
        public void run(ScriptContext ctx) {
            insert(ctx, 14, "fourteen");
        }
    }

    /** Takes over the connection's transactions, as plain JDBC code does, and leaves autocommit off. */
    @TrackedScript(id = "0022_calls_a_service_then_fails")
    public static class CallsAServiceThenFails implements Script {
        @Override
        public void run(ScriptContext ctx) {
            insert(ctx, 22, "twenty-two");
            ctx.wroteOutsideItsTransaction("the billing service (POST /refunds)");
            throw new IllegalStateException("boom after the refund call");
        }
    }

    /**
     * Turns autocommit off with plain JDBC, then commits through a JDBI transaction on the same
     * connection: JDBI gives back the autocommit it found at {@code begin} (off), and so does the
     * handle's close, so only script-tracker's own reset turns autocommit on again for the next script.
     */
    @TrackedScript(id = "0020_manages_its_own_commits", transaction = Transaction.NONE)
    public static class ManagesItsOwnCommits implements Script {
        @Override
        public void run(ScriptContext ctx) throws java.sql.SQLException {
            java.sql.Connection connection = ctx.connection();
            connection.setAutoCommit(false);
            ctx.handle().begin();
            insert(ctx, 20, "twenty");
            ctx.handle().commit();
            if (connection.getAutoCommit()) {
                throw new IllegalStateException("the test expects autocommit still off here: JDBI changed its ways");
            }
        }
    }

    /** Closes ctx.connection() (try-with-resources, as JDBC code does) and the handle's, then goes on working. */
    @TrackedScript(id = "0024_closes_its_connection")
    public static class ClosesItsConnection implements Script {
        @Override
        public void run(ScriptContext ctx) throws java.sql.SQLException {
            try (java.sql.Connection connection = ctx.connection();
                    java.sql.Statement statement = connection.createStatement()) {
                statement.executeUpdate("insert into items (id, name) values (" + (240 + ctx.attempt()) + ", 'closed')");
            }
            ctx.handle().getConnection().close();
            insert(ctx, 250 + ctx.attempt(), "after the close");
        }
    }

    @TrackedScript(id = "0021_inserts_without_a_transaction", transaction = Transaction.NONE)
    public static class InsertsWithoutATransaction implements Script {
        @Override
        public void run(ScriptContext ctx) throws java.sql.SQLException {
            if (!ctx.connection().getAutoCommit()) {
                throw new IllegalStateException("autocommit is off: the script before left it so, and nothing reset it");
            }
            insert(ctx, 21, "twenty-one");
        }
    }
}

package dev.scripttracker.contract;

import dev.scripttracker.Row;
import dev.scripttracker.Script;
import dev.scripttracker.ScriptContext;
import dev.scripttracker.TrackedScript;
import dev.scripttracker.Transaction;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * The batch scripts of the batch contract: each adds 1 to {@code accounts.counter} (or inserts into
 * {@code items}) for the rows of its batches, so a row processed twice shows as 2.
 */
public final class BatchScripts {

    /** The batch whose work fails (once), 0 for none. */
    static volatile long failAtBatch;
    /** The batch whose work waits for {@link #release}, 0 for none. */
    static volatile long blockAtBatch;
    static volatile CountDownLatch blocked = new CountDownLatch(1);
    static volatile CountDownLatch release = new CountDownLatch(1);
    static volatile String query;
    static volatile int size = 100;
    static volatile Path csvFile;
    static final AtomicInteger throttleChecks = new AtomicInteger();

    private BatchScripts() {
    }

    static void reset() {
        failAtBatch = 0;
        blockAtBatch = 0;
        blocked = new CountDownLatch(1);
        release = new CountDownLatch(1);
        query = "select id from accounts order by id";
        size = 100;
        throttleChecks.set(0);
    }

    static void incrementAll(Handle h, List<Object> ids) {
        h.createUpdate("update accounts set counter = counter + 1 where id in (<ids>)").bindList("ids", ids).execute();
    }

    /** Fails or waits when the batch is the one the test chose. */
    static void interfere(long batch) throws InterruptedException {
        if (batch == failAtBatch) {
            failAtBatch = 0;
            throw new IllegalStateException("batch " + batch + " hit a bad row");
        }
        if (batch == blockAtBatch) {
            blocked.countDown();
            if (!release.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never released batch " + batch);
            }
        }
    }

    @TrackedScript(id = "b01_backfill", transaction = Transaction.BATCH)
    public static class Backfill implements Script {
        @Override
        public void run(ScriptContext ctx) {
            ctx.batches(query).size(size).count().forEach((batch, h) -> {
                interfere(batch.number());
                incrementAll(h, batch.ids());
            });
        }
    }

    @TrackedScript(id = "b02_keyed_by_text_time_uuid", transaction = Transaction.BATCH)
    public static class CompositeKey implements Script {
        @Override
        public void run(ScriptContext ctx) {
            ctx.batches(query).size(size).forEach((batch, h) -> {
                interfere(batch.number());
                for (Row row : batch.items()) {
                    h.createUpdate("update events set seen = seen + 1 where id = :id").bind("id", row.get("id")).execute();
                }
            });
        }
    }

    @TrackedScript(id = "b03_list", transaction = Transaction.BATCH)
    public static class ListItems implements Script {
        @Override
        public void run(ScriptContext ctx) {
            List<Integer> ids = IntStream.rangeClosed(1, 25).boxed().toList();
            ctx.batches(ids).size(10).forEach((batch, h) -> {
                for (Object id : batch.ids()) {
                    h.execute("insert into items (id, name) values (?, ?)", id, "from list");
                }
                interfere(batch.number());
            });
        }
    }

    @TrackedScript(id = "b04_csv", transaction = Transaction.BATCH)
    public static class CsvItems implements Script {
        @Override
        public void run(ScriptContext ctx) {
            ctx.csvBatches(Path.of(ctx.requireParameter("file"))).size(10).forEach((batch, h) -> {
                for (Row row : batch.items()) {
                    h.execute("insert into items (id, name) values (?, ?)", row.getLong("id"), row.getString("name"));
                }
                interfere(batch.number());
            });
        }
    }

    @TrackedScript(id = "b05_throttled", transaction = Transaction.BATCH)
    public static class Throttled implements Script {
        @Override
        public void run(ScriptContext ctx) {
            ctx.batches(query).size(size).pauseBetween(Duration.ofMillis(1))
                    .throttleWhile(() -> throttleChecks.incrementAndGet() <= 3, Duration.ofMillis(200))
                    .forEach((batch, h) -> incrementAll(h, batch.ids()));
        }
    }

    @TrackedScript(id = "b06_all_or_nothing_batches")
    public static class AllOrNothing implements Script {
        @Override
        public void run(ScriptContext ctx) {
            ctx.batches(query, size, (batch, h) -> {
                incrementAll(h, batch.ids());
                interfere(batch.number());
            });
        }
    }

    @TrackedScript(id = "b07_slow_batches", transaction = Transaction.BATCH, timeout = "PT0.7S")
    public static class SlowBatches implements Script {
        @Override
        public void run(ScriptContext ctx) {
            ctx.batches(query).size(size).forEach((batch, h) -> {
                incrementAll(h, batch.ids());
                Thread.sleep(150);
            });
        }
    }

    @TrackedScript(id = "b08_two_loops", transaction = Transaction.BATCH)
    public static class TwoLoops implements Script {
        @Override
        public void run(ScriptContext ctx) {
            ctx.batches("select id from accounts where id <= 250 order by id").size(size)
                    .forEach((batch, h) -> incrementAll(h, batch.ids()));
            ctx.batches("select id from accounts where id > 250 order by id desc").size(size).forEach((batch, h) -> {
                interfere(batch.number());
                incrementAll(h, batch.ids());
            });
        }
    }

    @TrackedScript(id = "b09_nested_loops", transaction = Transaction.BATCH)
    public static class NestedLoops implements Script {
        @Override
        public void run(ScriptContext ctx) {
            ctx.batches("select id from accounts where id <= 20 order by id").size(10).forEach((batch, h) -> {
                incrementAll(h, batch.ids());
                ctx.batches("select id from accounts where id > 1000 order by id").size(10)
                        .forEach((inner, h2) -> incrementAll(h2, inner.ids()));
            });
        }
    }

    @TrackedScript(id = "b10_from_parameter", transaction = Transaction.BATCH)
    public static class FromParameter implements Script {
        @Override
        public void run(ScriptContext ctx) {
            ctx.batches("select id from accounts where id >= :min order by id").size(size)
                    .bind("min", Integer.parseInt(ctx.requireParameter("min")))
                    .forEach((batch, h) -> {
                        interfere(batch.number());
                        incrementAll(h, batch.ids());
                    });
        }
    }

    @TrackedScript(id = "b11_skips_after_a_batch", transaction = Transaction.BATCH)
    public static class SkipsAfterABatch implements Script {
        @Override
        public void run(ScriptContext ctx) {
            ctx.batches(query).size(size).forEach((batch, h) -> {
                if (batch.number() == 2) {
                    ctx.skip("the rest is handled elsewhere");
                }
                incrementAll(h, batch.ids());
            });
        }
    }

    /** Changes every account, then waits for the test (interruptibly) in its own transaction. */
    @TrackedScript(id = "b12_waits_in_one_transaction")
    public static class WaitsInOneTransaction implements Script {
        @Override
        public void run(ScriptContext ctx) throws InterruptedException {
            ctx.handle().execute("update accounts set counter = counter + 1");
            blocked.countDown();
            release.await(30, TimeUnit.SECONDS);
        }
    }

    /** A BATCH script that waits before its first loop, where no batch boundary would see a cancel. */
    @TrackedScript(id = "b13_waits_before_its_loop", transaction = Transaction.BATCH)
    public static class WaitsBeforeItsLoop implements Script {
        @Override
        public void run(ScriptContext ctx) throws InterruptedException {
            blocked.countDown();
            release.await(30, TimeUnit.SECONDS);
            ctx.batches(query).size(size).forEach((batch, h) -> incrementAll(h, batch.ids()));
        }
    }

    /** A BATCH script changing rows three ways: a JDBI PreparedBatch, raw JDBC, a plain JDBC batch. */
    @TrackedScript(id = "b14_changes_rows_every_way", transaction = Transaction.BATCH)
    public static class ChangesRowsEveryWay implements Script {
        @Override
        public void run(ScriptContext ctx) {
            ctx.batches(query).size(size).forEach((batch, h) -> {
                PreparedBatch increments = h.prepareBatch("update accounts set counter = counter + 1 where id = :id");
                batch.ids().forEach(id -> increments.bind("id", id).add());
                increments.execute();
                try (PreparedStatement insert = h.getConnection().prepareStatement(
                        "insert into items (id, name) values (?, 'batch')")) {
                    insert.setLong(1, batch.number());
                    insert.executeUpdate();
                }
                try (Statement plain = ctx.connection().createStatement()) {
                    plain.addBatch("update items set name = 'seen' where id = " + batch.number());
                    plain.addBatch("delete from items where id < 0");
                    plain.executeBatch();
                }
            });
        }
    }

    /** Inserts 25 rows in one JDBI PreparedBatch. */
    @TrackedScript(id = "b15_inserts_in_one_jdbc_batch", transaction = Transaction.BATCH)
    public static class InsertsInOneJdbcBatch implements Script {
        @Override
        public void run(ScriptContext ctx) {
            ctx.batches(IntStream.rangeClosed(1, 25).boxed().toList()).size(25).forEach((batch, h) -> {
                PreparedBatch inserts = h.prepareBatch("insert into items (id, name) values (:id, 'new')");
                batch.items().forEach(id -> inserts.bind("id", id).add());
                inserts.execute();
            });
        }
    }
}

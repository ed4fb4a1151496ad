package dev.scripttracker.contract;

import dev.scripttracker.Script;
import dev.scripttracker.ScriptContext;
import dev.scripttracker.TrackedScript;
import dev.scripttracker.Transaction;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Scripts whose batch loops run with several workers. */
public final class ParallelScripts {

    /** The threads that ran batches. */
    static final Set<String> workerThreads = ConcurrentHashMap.newKeySet();
    static volatile int workers = 4;
    static volatile int size = 50;
    static volatile Duration pause = Duration.ZERO;
    /** Counted down by a batch that runs while another is blocked: another worker (or process) is at work. */
    static volatile CountDownLatch otherBatchWhileBlocked = new CountDownLatch(1);
    /** When set, the first two batches wait for each other: they can only pass when two workers run at once. */
    static volatile boolean firstTwoMeet;
    static volatile CyclicBarrier meeting = new CyclicBarrier(2);
    static final AtomicInteger batchesStarted = new AtomicInteger();

    private ParallelScripts() {
    }

    static void reset() {
        workerThreads.clear();
        workers = 4;
        size = 50;
        pause = Duration.ZERO;
        otherBatchWhileBlocked = new CountDownLatch(1);
        firstTwoMeet = false;
        meeting = new CyclicBarrier(2);
        batchesStarted.set(0);
        BatchScripts.reset();
    }

    static void increment(Handle h, List<Object> ids, long batch) throws Exception {
        started();
        boolean anotherIsBlocked = BatchScripts.blocked.getCount() == 0;
        BatchScripts.interfere(batch);
        BatchScripts.incrementAll(h, ids);
        if (anotherIsBlocked) {
            otherBatchWhileBlocked.countDown();
        }
    }

    private static void started() throws Exception {
        workerThreads.add(Thread.currentThread().getName());
        if (firstTwoMeet && batchesStarted.incrementAndGet() <= 2) {
            meeting.await(30, TimeUnit.SECONDS);
        }
    }

    @TrackedScript(id = "p01_parallel_backfill", transaction = Transaction.BATCH)
    public static class ParallelBackfill implements Script {
        @Override
        public void run(ScriptContext ctx) {
            ctx.batches("select id from accounts order by id").size(size).workers(workers).pauseBetween(pause).count()
                    .forEach((batch, h) -> increment(h, batch.ids(), batch.number()));
        }
    }

    @TrackedScript(id = "p02_parallel_by_text_key", transaction = Transaction.BATCH)
    public static class ByTextKey implements Script {
        @Override
        public void run(ScriptContext ctx) {
            ctx.batches("select code, id from coded order by code desc").size(size).workers(workers)
                    .forEach((batch, h) -> {
                        started();
                        h.createUpdate("update coded set counter = counter + 1 where code in (<codes>)")
                                .bindList("codes", batch.items().stream().map(r -> r.get("code")).toList()).execute();
                    });
        }
    }

    @TrackedScript(id = "p03_parallel_list", transaction = Transaction.BATCH)
    public static class ListOfIds implements Script {
        @Override
        public void run(ScriptContext ctx) {
            List<Integer> ids = IntStream.rangeClosed(1, 1_000).boxed().toList();
            ctx.batches(ids).size(size).workers(workers).forEach((batch, h) -> {
                workerThreads.add(Thread.currentThread().getName());
                for (Integer id : batch.items()) {
                    h.createUpdate("insert into items (id, name) values (:id, 'from the list')").bind("id", id)
                            .execute();
                }
            });
        }
    }

    /** The query that names a session, and the statement that kills one (its id bound as :id). */
    static volatile String sessionIdQuery;
    static volatile String killSession;
    static volatile Jdbi killer;
    static volatile long killAtBatch;

    @TrackedScript(id = "p05_parallel_connection_killed", transaction = Transaction.BATCH)
    public static class ConnectionKilled implements Script {
        @Override
        public void run(ScriptContext ctx) {
            ctx.batches("select id from accounts order by id").size(size).workers(workers).forEach((batch, h) -> {
                if (batch.number() == killAtBatch) {
                    killAtBatch = 0;
                    long session = h.createQuery(sessionIdQuery).mapTo(Long.class).one();
                    killer.useHandle(k -> {
                        try (Statement kill = k.getConnection().createStatement()) {
                            kill.execute(killSession.replace(":id", Long.toString(session)));
                        }
                    });
                }
                BatchScripts.incrementAll(h, batch.ids());
            });
        }
    }

    @TrackedScript(id = "p04_workers_without_batch_mode")
    public static class WithoutBatchMode implements Script {
        @Override
        public void run(ScriptContext ctx) {
            ctx.batches("select id from accounts order by id").workers(2)
                    .forEach((batch, h) -> BatchScripts.incrementAll(h, batch.ids()));
        }
    }
}

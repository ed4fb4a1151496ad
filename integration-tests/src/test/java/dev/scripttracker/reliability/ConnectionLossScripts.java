package dev.scripttracker.reliability;

import dev.scripttracker.Script;
import dev.scripttracker.ScriptContext;
import dev.scripttracker.TrackedScript;
import dev.scripttracker.Transaction;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Scripts whose connection the test kills. Each writes its attempt number to {@code loss_ledger}; the
 * first run after {@link #arm} then hands its connection to the test and writes once more, later
 * runs just finish. (Public, like every tracked script: the runtime instantiates it by name.)
 * The processor also lists them in the test classes' registry: their ids sort last so that a
 * {@code runPending} elsewhere meets them after everything else, and there, unarmed and without
 * their table, they fail at once instead of waiting.
 */
public final class ConnectionLossScripts {

    /** What an armed run needs: where to meet the test, and this database's SQL. */
    record Arming(ConnectionLossRendezvous rendezvous, String ownConnectionIdQuery, String longStatement) {
    }

    private static final AtomicReference<Arming> NEXT_RUN = new AtomicReference<>();

    private ConnectionLossScripts() {
    }

    /** The next run of one of these scripts gives its connection to the test. */
    static void arm(Arming arming) {
        NEXT_RUN.set(arming);
    }

    static void disarm() {
        NEXT_RUN.set(null);
    }

    @TrackedScript(id = "zz_connection_loss_between_statements",
            description = "Loses its connection while idle in its transaction, then runs one more statement")
    public static class LosesItsConnectionBetweenStatements implements Script {
        @Override
        public void run(ScriptContext ctx) throws Exception {
            writeAttempt(ctx);
            Arming arming = NEXT_RUN.getAndSet(null);
            if (arming != null) {
                arming.rendezvous().workDoneOn(ownConnectionId(ctx, arming));
                arming.rendezvous().awaitConnectionKilled();
                writeAttempt(ctx);
            }
        }
    }

    @TrackedScript(id = "zz_connection_loss_during_long_statement",
            description = "Loses its connection while it waits for a long statement")
    public static class LosesItsConnectionDuringALongStatement implements Script {
        @Override
        public void run(ScriptContext ctx) {
            writeAttempt(ctx);
            Arming arming = NEXT_RUN.getAndSet(null);
            if (arming != null) {
                arming.rendezvous().workDoneOn(ownConnectionId(ctx, arming));
                ctx.handle().createQuery(arming.longStatement()).mapToMap().list();
                writeAttempt(ctx);
            }
        }
    }

    @TrackedScript(id = "zz_connection_loss_mid_batch", transaction = Transaction.BATCH,
            description = "Loses its connection in its third batch, after two batches committed")
    public static class LosesItsConnectionMidBatch implements Script {
        @Override
        public void run(ScriptContext ctx) {
            ctx.batches("select n from loss_rows order by n").size(2).forEach((batch, h) -> {
                Arming arming = batch.number() == 3 ? NEXT_RUN.getAndSet(null) : null;
                if (arming != null) {
                    arming.rendezvous().workDoneOn(ownConnectionId(ctx, arming));
                    arming.rendezvous().awaitConnectionKilled();
                }
                h.createUpdate("update loss_rows set counter = counter + 1 where n in (<ns>)")
                        .bindList("ns", batch.ids()).execute();
            });
        }
    }

    private static void writeAttempt(ScriptContext ctx) {
        ctx.handle().execute("insert into loss_ledger (attempt) values (?)", ctx.attempt());
    }

    private static long ownConnectionId(ScriptContext ctx, Arming arming) {
        return ctx.handle().createQuery(arming.ownConnectionIdQuery()).mapTo(Long.class).one();
    }
}

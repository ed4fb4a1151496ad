package dev.scripttracker.testing;

import java.util.Map;

/**
 * Two scripts whose code a test edits between builds: {@code changedemo.Fix} ({@code c01_fix}, adds
 * {@code step} to {@code counter.n}) and {@code changedemo.Backfill} ({@code c02_backfill}, a {@code BATCH}
 * script adding {@code step} to {@code accounts.counter} two rows a batch, failing at each batch listed in
 * {@code fail_at}). Each build is a fresh compilation of the same class names.
 */
public final class EditedScripts {

    public static final String FIX = "c01_fix";
    public static final String BACKFILL = "c02_backfill";
    public static final String FIX_CLASS = "changedemo.Fix";
    public static final String BACKFILL_CLASS = "changedemo.Backfill";

    static final String FIX_SOURCE = """
            package changedemo;

            import dev.scripttracker.Script;
            import dev.scripttracker.ScriptContext;
            import dev.scripttracker.TrackedScript;

            @TrackedScript(id = "c01_fix")
            public class Fix implements Script {
                @Override
                public void run(ScriptContext ctx) {
                    ctx.handle().execute("update counter set n = n + STEP");
                }
            }
            """;
    static final String BACKFILL_SOURCE = """
            package changedemo;

            import dev.scripttracker.Script;
            import dev.scripttracker.ScriptContext;
            import dev.scripttracker.TrackedScript;
            import dev.scripttracker.Transaction;

            @TrackedScript(id = "c02_backfill", transaction = Transaction.BATCH)
            public class Backfill implements Script {
                @Override
                public void run(ScriptContext ctx) {
                    ctx.log("code STEP");
                    ctx.batches("select id from accounts order by id").size(2).forEach((batch, h) -> {
                        if (h.createQuery("select count(*) from fail_at where batch_no = :n").bind("n", batch.number())
                                .mapTo(Long.class).one() > 0) {
                            throw new IllegalStateException("batch " + batch.number() + " hit a bad row");
                        }
                        h.createUpdate("update accounts set counter = counter + STEP where id in (<ids>)")
                                .bindList("ids", batch.ids()).execute();
                    });
                }
            }
            """;

    private EditedScripts() {
    }

    /** The scripts' tables, with {@code accounts} rows 1 to {@code accounts}, each counter 0. */
    public static void createTables(TestDatabase db, int accounts) {
        db.execute("create table counter (n integer not null)", "insert into counter (n) values (0)",
                "create table accounts (id integer primary key, counter integer not null)",
                "create table fail_at (batch_no integer not null)");
        for (int id = 1; id <= accounts; id++) {
            db.execute("insert into accounts (id, counter) values (" + id + ", 0)");
        }
    }

    /** A build of the scripts with {@code step} in their code, compiled with the extra javac options. */
    public static CompiledClasses build(int step, String... javacOptions) {
        return CompiledClasses.compile(Map.of("changedemo/Fix.java", FIX_SOURCE.replace("STEP", "" + step),
                "changedemo/Backfill.java", BACKFILL_SOURCE.replace("STEP", "" + step)), javacOptions);
    }
}

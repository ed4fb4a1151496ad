package dev.scripttracker.test;

import dev.scripttracker.Script;
import dev.scripttracker.ScriptContext;
import dev.scripttracker.TrackedScript;
import dev.scripttracker.Transaction;
import java.sql.Connection;
import java.sql.Statement;
import javax.sql.DataSource;

/** Scripts the kit's tests run: each good one has a bad twin that an assertion must catch. */
final class TestScripts {

    private TestScripts() {
    }

    static final String ACCOUNTS = "create table accounts (id int primary key, balance int not null, bonus int)";
    static final String FIVE_ACCOUNTS = "insert into accounts (id, balance, bonus) values (1, 100, null), (2, 200, null),"
            + " (3, 300, 5), (4, 400, null), (5, 500, null)";

    /** Idempotent: only accounts without a bonus get one. */
    @TrackedScript(id = "20261204100000_give_bonus")
    public static class GiveBonus implements Script {
        @Override
        public void run(ScriptContext ctx) {
            int amount = Integer.parseInt(ctx.requireParameter("amount"));
            int given = ctx.handle().createUpdate("update accounts set bonus = :amount where bonus is null")
                    .bind("amount", amount).execute();
            ctx.skipIf(given == 0, "every account has a bonus");
            ctx.log("gave {} accounts a bonus of {}", given, amount);
        }
    }

    /** Not idempotent: every run adds interest again. */
    @TrackedScript(id = "20261204100100_add_interest")
    public static class AddInterest implements Script {
        @Override
        public void run(ScriptContext ctx) {
            ctx.handle().execute("update accounts set balance = balance + 10 where id = 2");
        }
    }

    /** Resumes correctly: each batch's credit commits with its checkpoint. */
    @TrackedScript(id = "20261204100200_credit_in_batches", transaction = Transaction.BATCH)
    public static class CreditInBatches implements Script {
        @Override
        public void run(ScriptContext ctx) {
            long credited = ctx.batches("select id from accounts order by id").size(2)
                    .forEach((batch, h) -> h.createUpdate("update accounts set balance = balance + 1 where id in (<ids>)")
                            .bindList("ids", batch.ids()).execute());
            ctx.log("credited {} accounts", credited);
        }
    }

    /** Does not resume correctly: its fee, charged outside the batch loop, is charged again on every resume. */
    @TrackedScript(id = "20261204100300_fee_then_credit", transaction = Transaction.BATCH)
    public static class FeeThenCredit implements Script {
        @Override
        public void run(ScriptContext ctx) {
            ctx.handle().execute("update accounts set balance = balance - 50 where id = 1");
            ctx.batches("select id from accounts order by id").size(2)
                    .forEach((batch, h) -> h.createUpdate("update accounts set bonus = 1 where id in (<ids>)")
                            .bindList("ids", batch.ids()).execute());
        }
    }

    /** Its dry run leaks: it writes through a connection of its own, which no rollback reaches. */
    @TrackedScript(id = "20261204100400_audit_on_the_side")
    public static class AuditOnTheSide implements Script {
        static volatile DataSource sideDoor;

        @Override
        public void run(ScriptContext ctx) throws Exception {
            ctx.handle().execute("update accounts set bonus = 0 where id = 3");
            try (Connection own = sideDoor.getConnection(); Statement statement = own.createStatement()) {
                statement.executeUpdate("update accounts set balance = 0 where id = 4");
            }
        }
    }

    static final String[] ORDERS = {
        "create table customers (id int primary key, name varchar(20) not null)",
        "create table orders (id int primary key, customer_id int not null references customers (id),"
                + " status varchar(10) not null)",
        "create table order_log (note varchar(40) not null)",
        "insert into customers values (1, 'ada'), (2, 'grace')",
        "insert into orders values (10, 1, 'open'), (11, 2, 'open'), (12, 1, 'open'), (13, 2, 'open'), (14, 1, 'open')"};

    /** Resumes correctly, with a foreign key to restore around and a log table without a primary key. */
    @TrackedScript(id = "20261204100600_close_orders", transaction = Transaction.BATCH)
    public static class CloseOrders implements Script {
        @Override
        public void run(ScriptContext ctx) {
            ctx.batches("select id from orders where status = 'open' order by id").size(2).forEach((batch, h) -> {
                h.createUpdate("update orders set status = 'closed' where id in (<ids>)").bindList("ids", batch.ids())
                        .execute();
                for (Object id : batch.ids()) {
                    h.createUpdate("insert into order_log (note) values (:note)").bind("note", "closed order " + id)
                            .execute();
                }
            });
        }
    }

    /** Stamps each batch's rows with the attempt that did it: a resumed run and a clean one differ only there. */
    @TrackedScript(id = "20261204100700_stamp_attempt", transaction = Transaction.BATCH)
    public static class StampAttempt implements Script {
        @Override
        public void run(ScriptContext ctx) {
            ctx.batches("select id from accounts order by id").size(2)
                    .forEach((batch, h) -> h.createUpdate("update accounts set bonus = :attempt where id in (<ids>)")
                            .bind("attempt", ctx.attempt()).bindList("ids", batch.ids()).execute());
        }
    }

    /** Takes what it says through its constructor, as a container-made script takes its dependencies. */
    @TrackedScript(id = "20261204100800_greet")
    public static class Greet implements Script {
        private final String greeting;

        public Greet(String greeting) {
            this.greeting = greeting;
        }

        @Override
        public void run(ScriptContext ctx) {
            ctx.log(greeting);
        }
    }

    /** Prints two lines and fails. */
    @TrackedScript(id = "20261204100500_fail_after_logging")
    public static class FailAfterLogging implements Script {
        @Override
        public void run(ScriptContext ctx) {
            ctx.handle().execute("delete from accounts where id = 5");
            ctx.log("checking {} accounts", 5);
            ctx.log("done checking");
            throw new IllegalStateException("account 5 is still open");
        }
    }
}

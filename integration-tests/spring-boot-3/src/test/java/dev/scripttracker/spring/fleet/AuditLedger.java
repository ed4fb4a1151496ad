package dev.scripttracker.spring.fleet;

import dev.scripttracker.Script;
import dev.scripttracker.ScriptContext;
import dev.scripttracker.TrackedScript;
import dev.scripttracker.Transaction;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** One audit note per entry, in batches: a second pass over an entry would write a second note. */
@Component
@TrackedScript(id = "20261202100000_audit_ledger", description = "Audit every entry once",
        transaction = Transaction.BATCH, after = "20261202090000_seed_ledger")
public class AuditLedger implements Script {

    private final JdbcTemplate jdbc;

    public AuditLedger(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void run(ScriptContext ctx) {
        ctx.batches("select id from ledger order by id").size(3).forEach((batch, handle) -> batch.ids()
                .forEach(id -> jdbc.update("insert into audit_log (note) values (?)", "audited " + id)));
    }
}

package dev.scripttracker.spring.fleet;

import dev.scripttracker.Script;
import dev.scripttracker.ScriptContext;
import dev.scripttracker.TrackedScript;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Inserts fixed keys: a second run would fail on the first duplicate. */
@Component
@TrackedScript(id = "20261202090000_seed_ledger", description = "Seed the ledger")
public class SeedLedger implements Script {

    static final int ENTRIES = 20;

    private final JdbcTemplate jdbc;

    public SeedLedger(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void run(ScriptContext ctx) {
        for (int id = 1; id <= ENTRIES; id++) {
            jdbc.update("insert into ledger (id, account, amount) values (?, ?, ?)", id, "account-" + id, id);
        }
    }
}

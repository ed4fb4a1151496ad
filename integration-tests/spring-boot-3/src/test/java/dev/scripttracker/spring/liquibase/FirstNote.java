package dev.scripttracker.spring.liquibase;

import dev.scripttracker.Script;
import dev.scripttracker.ScriptContext;
import dev.scripttracker.TrackedScript;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Needs a table from each migration tool: it can only run after both. */
@Component
@TrackedScript(id = "20261203090000_first_note", description = "Note the first entry")
public class FirstNote implements Script {

    private final JdbcTemplate jdbc;

    public FirstNote(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void run(ScriptContext ctx) {
        jdbc.update("insert into ledger (id, account, amount) values (1, 'notes', 0)");
        jdbc.update("insert into liquibase_notes (note) values ('first entry: 1')");
    }
}

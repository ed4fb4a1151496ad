package dev.scripttracker.spring.sample.scripts;

import dev.scripttracker.Script;
import dev.scripttracker.ScriptContext;
import dev.scripttracker.TrackedScript;
import dev.scripttracker.spring.sample.Ledger;
import dev.scripttracker.spring.sample.OwnConnection;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Looks at the database just before its transaction commits (after script-tracker wrote its
 * success row): through Spring (the script's connection) and through a connection of its own; and,
 * when told to, makes that commit fail.
 */
@Component
@TrackedScript(id = "20261201120000_commit_probe", description = "Sees what commits together")
public class CommitProbe implements Script {

    /** What the probe saw before the commit. */
    public record Seen(String statusInTransaction, long entriesInTransaction, String statusOutside,
            long entriesOutside) {
    }

    private final Ledger ledger;
    private final JdbcTemplate jdbc;
    private final String url;
    public volatile boolean failTheCommit;
    public volatile Seen seen;
    /** How Spring told the script's transaction ended: {@link TransactionSynchronization#STATUS_COMMITTED}, ... */
    public volatile Integer completion;

    public CommitProbe(Ledger ledger, JdbcTemplate jdbc, @Value("${spring.datasource.url}") String url) {
        this.ledger = ledger;
        this.jdbc = jdbc;
        this.url = url;
    }

    @Override
    public void run(ScriptContext ctx) {
        ledger.open(30, "frank", 30);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void beforeCommit(boolean readOnly) {
                seen = new Seen(jdbc.queryForObject(STATUS, String.class),
                        jdbc.queryForObject(ENTRIES, Long.class), outside(STATUS), Long.parseLong(outside(ENTRIES)));
                if (failTheCommit) {
                    throw new IllegalStateException("the commit was made to fail after the success row was written");
                }
            }

            @Override
            public void afterCompletion(int status) {
                completion = status;
            }
        });
    }

    private static final String STATUS = "select status from tracked_scripts where script_id = '20261201120000_commit_probe'";
    private static final String ENTRIES = "select count(*) from ledger where id = 30";

    private String outside(String sql) {
        return OwnConnection.firstValue(url, sql);
    }
}

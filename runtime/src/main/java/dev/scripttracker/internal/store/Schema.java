package dev.scripttracker.internal.store;

import dev.scripttracker.ConfigurationException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;

/**
 * Creates the store's tables on first use and checks their version and columns. A schema written by
 * a newer script-tracker, or a table of that name that lacks columns, is refused before anything is
 * written.
 */
public final class Schema {

    /** The version of the tables this library writes. Raise it with every change, adding an upgrade. */
    public static final int VERSION = 4;
    private static final String COMPONENT = "script-tracker";
    private static final int CREATE_ATTEMPTS = 5;
    private static final String RESUMED_FROM = "resumed_from varchar(4000)";
    /** SHA-256 of the script's code in hex; null when it could not be read, or the attempt predates version 4. */
    private static final String CODE_CHECKSUM = "code_checksum varchar(64)";
    /** A chunk's bounds and position: as long as a checkpoint, which holds the same encoded keys. */
    private static final int CHUNK_POSITION = 4000;

    private final TableNames tables;
    private final Dialect dialect;
    private final TableColumns columns;

    public Schema(TableNames tables, Dialect dialect) {
        this.tables = tables;
        this.dialect = dialect;
        this.columns = new TableColumns(tables);
    }

    /** Creates the tables that are missing and upgrades older ones, after checking the ones that exist. */
    public void ensure(Handle handle) {
        Optional<Integer> found = installedVersion(handle);
        found.ifPresent(this::refuseNewer);
        columns.check(ExistingTables.of(handle, tables), found.orElse(VERSION));
        for (int attempt = 1; found.isEmpty(); attempt++) {
            try {
                create(handle);
            } catch (JdbiException e) {
                // Processes starting together race to create the tables; the losers see the winner's.
                if (attempt == CREATE_ATTEMPTS) {
                    throw StoreException.of("create the tables " + tables.state() + ", " + tables.history() + ", "
                            + tables.lock() + " and " + tables.schema(), e);
                }
                pause(attempt);
            }
            found = installedVersion(handle);
        }
        int version = found.orElseThrow(() -> new IllegalStateException(
                "table " + tables.schema() + " has no version row after it was created"));
        refuseNewer(version);
        if (version < VERSION) {
            upgrade(handle, version);
        }
    }

    /**
     * For commands that only read: checks that the tables exist, are of this version and have their
     * columns, and changes nothing. Tables of an older version are refused rather than upgraded.
     *
     * @param where the database, for messages
     */
    public void check(Handle handle, String where) {
        ExistingTables existing = ExistingTables.of(handle, tables);
        if (existing.none()) {
            throw new ConfigurationException("no script-tracker tables named " + tables.state() + "* in " + where
                    + ": nothing has run with this prefix. Check the table prefix (--table-prefix,"
                    + " SCRIPT_TRACKER_TABLE_PREFIX) and the URL; nothing was created. The first run creates them.");
        }
        Optional<Integer> found = existing.has(tables.schema()) ? installedVersion(handle) : Optional.empty();
        List<String> absent = tables.of(found.orElse(VERSION)).stream().filter(table -> !existing.has(table)).toList();
        found = absent.isEmpty() ? found : Optional.empty();
        if (found.isEmpty()) {
            throw new ConfigurationException("the script-tracker tables " + tables.state() + "* in " + where
                    + " are incomplete (" + (absent.isEmpty() ? "no version row in " + tables.schema()
                    : "missing: " + String.join(", ", absent)) + "). Nothing was changed; a run creates what is missing.");
        }
        int version = found.get();
        refuseNewer(version);
        if (version < VERSION) {
            throw new ConfigurationException("the tables " + tables.state() + "* in " + where + " were written by an"
                    + " older script-tracker (schema version " + version + "; this one reads version " + VERSION
                    + "), and reading does not upgrade them. Nothing was changed. A run with this version (script-tracker"
                    + " run, or the application's start) upgrades them in place, keeping their rows.");
        }
        columns.check(existing, version);
    }

    private void refuseNewer(int version) {
        if (version > VERSION) {
            throw new ConfigurationException("the tables " + tables.state() + "* were written by a newer"
                    + " script-tracker (schema version " + version + "; this version understands up to "
                    + VERSION + "). Nothing was written. Upgrade script-tracker in this application, or"
                    + " point it at another table prefix.");
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(100L * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Optional<Integer> installedVersion(Handle handle) {
        if (!mayExist(handle, tables.schema())) {
            return Optional.empty();
        }
        try {
            return handle.createQuery("select version from " + tables.schema() + " where component = :c")
                    .bind("c", COMPONENT).mapTo(Integer.class).findOne();
        } catch (JdbiException tableMissing) {
            return Optional.empty();
        }
    }

    /**
     * Asks the metadata first, so that a first start does not make the driver log a failed query.
     * Only a "no" is trusted: a table of that name in another schema also says "yes".
     */
    private static boolean mayExist(Handle handle, String table) {
        String name = table.substring(table.lastIndexOf('.') + 1);
        try (ResultSet found = handle.getConnection().getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
            while (found.next()) {
                if (name.equalsIgnoreCase(found.getString("TABLE_NAME"))) {
                    return true;
                }
            }
            return false;
        } catch (SQLException e) {
            return true;
        }
    }

    /**
     * Brings tables written by an older script-tracker up to {@link #VERSION}. Every step may run in
     * several processes at once: columns are added only if missing, the version only moves forward.
     */
    private void upgrade(Handle handle, int from) {
        for (int attempt = 1; ; attempt++) {
            try {
                upgradeSteps(handle, from);
                return;
            } catch (JdbiException e) {
                // H2 adds a column by rebuilding the table, which another process's statements then do not find.
                if (installedVersion(handle).filter(v -> v >= VERSION).isPresent()) {
                    return;
                }
                if (attempt == CREATE_ATTEMPTS) {
                    throw StoreException.of("upgrade the tables " + tables.state() + "* from schema version " + from
                            + " to " + VERSION, e);
                }
                pause(attempt);
            }
        }
    }

    private void upgradeSteps(Handle handle, int from) {
        if (from < 2) {
            addVersion2Columns(handle);
        }
        if (from < 3) {
            createChunks(handle);
        }
        if (from < 4) {
            dialect.addColumnIfMissing(handle, tables.state(), CODE_CHECKSUM);
            dialect.addColumnIfMissing(handle, tables.history(), CODE_CHECKSUM);
            dialect.addColumnIfMissing(handle, tables.chunks(), chunkError());
        }
        handle.createUpdate("update " + tables.schema() + " set version = :v where component = :c and version < :v")
                .bind("v", VERSION).bind("c", COMPONENT).execute();
    }

    /** Version 2: batch checkpoints with resume points, progress rate, and cancel requests. */
    private void addVersion2Columns(Handle handle) {
        for (String column : version2StateColumns()) {
            dialect.addColumnIfMissing(handle, tables.state(), column);
        }
        dialect.addColumnIfMissing(handle, tables.history(), RESUMED_FROM);
    }

    private List<String> version2StateColumns() {
        String ts = dialect.timestampType();
        return List.of(RESUMED_FROM, "progress_rate double precision", "progress_at " + ts,
                "cancel_requested_at " + ts, "cancel_requested_by varchar(" + ColumnLimits.OPERATOR + ")");
    }

    /** Version 3: the chunks of parallel batch loops, claimed by the loops' workers. */
    private void createChunks(Handle handle) {
        String position = "varchar(" + CHUNK_POSITION + ")";
        handle.execute("create table if not exists " + tables.chunks() + " (script_id varchar(128) not null,"
                + " loop_no integer not null, chunk_no integer not null, run_id varchar(36) not null,"
                + " fingerprint varchar(64) not null, start_after " + position + " not null, end_at " + position + ","
                + " last_position " + position + " not null, items_done bigint not null, batches_done bigint not null,"
                + " status varchar(16) not null, worker varchar(" + ColumnLimits.OPERATOR + "), lease_until "
                + dialect.timestampType() + ", " + chunkError() + ", primary key (script_id, loop_no, chunk_no))"
                + dialect.tableOptions());
    }

    /** Version 4: why a chunk failed, for the run's own process to fail the run with, whichever process it failed in. */
    private String chunkError() {
        return "error_message " + dialect.textType();
    }

    private void create(Handle handle) {
        String text = dialect.textType();
        String ts = dialect.timestampType();
        String options = dialect.tableOptions();
        String attemptColumns = " started_at " + ts + ", finished_at " + ts + ", duration_ms bigint,"
                + " executed_by varchar(" + ColumnLimits.OPERATOR + "), progress_done bigint not null, progress_total bigint not null,"
                + " checkpoint varchar(4000), parameters " + text + ", output " + text + ","
                + " error_class varchar(" + ColumnLimits.ERROR_CLASS + "), error_message " + text + ", error_stack " + text;
        handle.execute("create table if not exists " + tables.state() + " (script_id varchar(128) not null,"
                + " description varchar(" + ColumnLimits.DESCRIPTION + "), status varchar(16) not null, transaction_mode varchar(8) not null,"
                + " attempt integer not null, consecutive_failures integer not null, run_id varchar(36) not null,"
                + " heartbeat_at " + ts + ", lease_until " + ts + "," + attemptColumns + ", "
                + String.join(", ", version2StateColumns()) + ", " + CODE_CHECKSUM + ", primary key (script_id))" + options);
        handle.execute("create table if not exists " + tables.history() + " (run_id varchar(36) not null,"
                + " script_id varchar(128) not null, action varchar(16) not null, attempt integer not null,"
                + " status varchar(16) not null, transaction_mode varchar(8) not null," + attemptColumns
                + ", " + RESUMED_FROM + ", " + CODE_CHECKSUM + ", primary key (run_id))" + options);
        dialect.createHistoryIndex(handle, tables);
        handle.execute("create table if not exists " + tables.lock() + " (script_id varchar(128) not null,"
                + " owner varchar(36) not null, holder varchar(" + ColumnLimits.OPERATOR + "), acquired_at " + ts + ","
                + " lease_until " + ts + " not null, primary key (script_id))" + options);
        createChunks(handle);
        handle.execute("create table if not exists " + tables.schema() + " (component varchar(64) not null,"
                + " version integer not null, installed_at " + ts + ", primary key (component))" + options);
        try {
            handle.createUpdate(dialect.insertUnlessPresent(tables.schema(), "component, version, installed_at",
                            ":c, :v, :at"))
                    .bind("c", COMPONENT).bind("v", VERSION).bind("at", Timestamps.toDb(Instant.now()))
                    .execute();
        } catch (JdbiException anotherProcessWasFirst) {
            if (installedVersion(handle).isEmpty()) {
                throw anotherProcessWasFirst;
            }
        }
    }
}

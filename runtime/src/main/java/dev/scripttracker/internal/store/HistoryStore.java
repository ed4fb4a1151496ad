package dev.scripttracker.internal.store;

import dev.scripttracker.HistoryEntry;
import dev.scripttracker.ScriptStatus;
import java.time.Duration;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.SqlStatement;

/** The append-only history: one row per attempt, never updated. */
public final class HistoryStore {

    private final TableNames tables;
    private final int longText;

    HistoryStore(TableNames tables, Dialect dialect) {
        this.tables = tables;
        this.longText = dialect.longTextChars();
    }

    static final String COLUMNS = "run_id, script_id, action, attempt, status, transaction_mode, started_at,"
            + " finished_at, duration_ms, executed_by, progress_done, progress_total, parameters, output, error_class,"
            + " error_message, error_stack, checkpoint, resumed_from, code_checksum";
    static final String VALUES = ":runId, :id, :action, :attempt, :status, :mode, :started, :finished, :duration,"
            + " :by, :done, :total, :parameters, :output, :errorClass, :errorMessage, :errorStack, :checkpoint,"
            + " :resumedFrom, :codeChecksum";

    public void append(Handle handle, AttemptRecord record) {
        bind(handle.createUpdate("insert into " + tables.history() + " (" + COLUMNS + ") values (" + VALUES + ")"),
                record).execute();
    }

    /**
     * Binds every value of {@link #VALUES}, each made storable within its column; the state table's
     * statements use the same names.
     */
    <T extends SqlStatement<T>> T bind(T statement, AttemptRecord record) {
        return statement.bind("runId", record.runId()).bind("id", record.scriptId()).bind("action", record.action())
                .bind("attempt", record.attempt()).bind("status", record.status().label())
                .bind("mode", record.mode().name()).bind("started", Timestamps.toDb(record.startedAt()))
                .bind("finished", Timestamps.toDb(record.finishedAt())).bind("duration", record.durationMillis())
                .bind("by", StoredText.head(record.executedBy(), ColumnLimits.OPERATOR)).bind("done", record.progressDone())
                .bind("total", record.progressTotal()).bind("parameters", StoredText.head(record.parameters(), longText))
                .bind("output", StoredText.tail(record.output(), longText))
                .bind("errorClass", StoredText.head(record.errorClass(), ColumnLimits.ERROR_CLASS))
                .bind("errorMessage", StoredText.head(record.errorMessage(), longText))
                .bind("errorStack", StoredText.head(record.errorStack(), longText))
                .bind("checkpoint", record.checkpoint()).bind("resumedFrom", record.resumedFrom())
                .bind("codeChecksum", record.codeChecksum());
    }

    public List<HistoryEntry> of(Handle handle, String scriptId) {
        return StoreException.attempt("read the history of script " + scriptId + " from table " + tables.history(),
                () -> handle.createQuery("select * from " + tables.history()
                                + " where script_id = :id order by started_at, attempt")
                        .bind("id", scriptId)
                        .map((rs, ctx) -> new HistoryEntry(rs.getString("run_id"), rs.getString("script_id"),
                                rs.getString("action"), rs.getInt("attempt"),
                                ScriptStatus.fromStored(rs.getString("status")),
                                Timestamps.read(rs, "started_at"), Timestamps.read(rs, "finished_at"),
                                Duration.ofMillis(rs.getLong("duration_ms")), rs.getString("executed_by"),
                                ParameterCodec.decode(rs.getString("parameters")), rs.getString("output"),
                                rs.getString("error_class"), rs.getString("error_message"),
                                rs.getString("error_stack"), rs.getLong("progress_done"),
                                rs.getString("checkpoint"), rs.getString("resumed_from"),
                                StoredValues.unreadable(rs.getString("status"), null, false),
                                rs.getString("code_checksum"),
                                ParameterCodec.nonIdentifying(rs.getString("parameters"))))
                        .list());
    }
}

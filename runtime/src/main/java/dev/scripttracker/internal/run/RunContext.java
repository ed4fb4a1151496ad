package dev.scripttracker.internal.run;

import dev.scripttracker.Batches;
import dev.scripttracker.Row;
import dev.scripttracker.ScriptContext;
import dev.scripttracker.ScriptDefinition;
import dev.scripttracker.internal.batch.BatchLoops;
import dev.scripttracker.internal.batch.BatchesAccess;
import dev.scripttracker.internal.batch.CsvSource;
import dev.scripttracker.internal.batch.KeysetSource;
import dev.scripttracker.internal.batch.ListSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.slf4j.helpers.MessageFormatter;

/** The {@link ScriptContext} a script sees: a facade over its attempt's state and batch loops. */
final class RunContext implements ScriptContext {

    private final AttemptState state;
    private final BatchRun batches;

    RunContext(AttemptState state, BatchRun batches) {
        this.state = state;
        this.batches = batches;
    }

    AttemptState state() {
        return state;
    }

    @Override
    public ScriptDefinition definition() {
        return state.definition();
    }

    @Override
    public int attempt() {
        return state.number();
    }

    @Override
    public Handle handle() {
        return state.work();
    }

    @Override
    public Connection connection() {
        return handle().getConnection();
    }

    @Override
    public void log(String message, Object... args) {
        state.log(MessageFormatter.arrayFormat(message, args).getMessage());
    }

    @Override
    public void progress(long done, long total) {
        state.progress(done, total, 0);
    }

    @Override
    public Batches<Row> batches(String keysetQuery) {
        return BatchesAccess.batches(new KeysetSource(keysetQuery, batches.comparesRowValuesWell()), loops());
    }

    @Override
    public <T> Batches<T> batches(List<T> items) {
        return BatchesAccess.batches(new ListSource<>(items), loops());
    }

    @Override
    public Batches<Row> csvBatches(Path file) {
        return BatchesAccess.batches(new CsvSource(file), loops());
    }

    private BatchLoops loops() {
        if (!state.isRunning()) {
            throw new IllegalStateException("batches are only available while the script runs");
        }
        return batches;
    }

    @Override
    public void skip(String reason) {
        throw state.skip(reason);
    }

    @Override
    public Map<String, String> parameters() {
        return state.parameters();
    }

    @Override
    public <P extends Record> P parameters(Class<P> type) {
        return state.resolvedParameters().as(type);
    }

    @Override
    public boolean isDryRun() {
        return state.isDryRun();
    }

    @Override
    public void wroteOutsideItsTransaction(String where) {
        state.usedConnectionOutsideItsTransaction(where);
    }

    @Override
    public boolean isCancelled() {
        return state.isCancelled();
    }

    @Override
    public void checkCancelled() {
        state.checkCancelled();
    }
}

package dev.scripttracker.internal.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import dev.scripttracker.Chunks;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * The chunks of parallel batch loops: the key ranges a loop is split into, each claimed by one
 * worker at a time (a lease its process renews), and each batch's position saved in the batch's own
 * transaction, so that a chunk resumes where its last committed batch ended. Every change is a
 * compare-and-set on the claiming worker and on the run still being the state row's running one.
 */
public final class ChunkStore {

    private static final String COLUMNS = "chunk_no, start_after, end_at, last_position, items_done, batches_done,"
            + " status";

    private final TableNames tables;
    private final Dialect dialect;

    public ChunkStore(TableNames tables, Dialect dialect) {
        this.tables = tables;
        this.dialect = dialect;
    }

    /** One chunk: its range (after {@code startAfter}, up to and including {@code endAt}; null: to the end). */
    public record Chunk(int number, String startAfter, String endAt, String lastPosition, long itemsDone,
            long batchesDone, boolean done) {
    }

    /** The loop's chunks, in order, with the fingerprint of the source they were planned for. */
    public record Plan(String fingerprint, List<Chunk> chunks) {
    }

    /** @return empty when the loop has no chunks; a plan whose chunks disagree on the fingerprint has {@code ""} */
    public Optional<Plan> plan(Handle handle, String scriptId, int loop) {
        return StoreException.attempt("read the chunks of script " + scriptId + " from table " + tables.chunks(), () -> {
            Set<String> fingerprints = new TreeSet<>();
            List<Chunk> chunks = handle.createQuery("select fingerprint, " + COLUMNS + " from " + tables.chunks()
                            + " where script_id = :id and loop_no = :loop order by chunk_no")
                    .bind("id", scriptId).bind("loop", loop)
                    .map((rs, ctx) -> {
                        fingerprints.add(rs.getString("fingerprint"));
                        return chunkOf(rs);
                    }).list();
            return chunks.isEmpty() ? Optional.<Plan>empty()
                    : Optional.of(new Plan(fingerprints.size() == 1 ? fingerprints.iterator().next() : "", chunks));
        });
    }

    /** Replaces every chunk of the script (all loops: a fresh run starts them over) with this loop's new plan. */
    public void replace(Handle handle, String scriptId, int loop, String runId, String fingerprint,
            List<String> boundaries) {
        StoreException.attempt("plan the chunks of script " + scriptId + " in table " + tables.chunks(), () -> {
            handle.createUpdate("delete from " + tables.chunks() + " where script_id = :id and loop_no >= :loop")
                    .bind("id", scriptId).bind("loop", loop).execute();
            PreparedBatch batch = handle.prepareBatch("insert into " + tables.chunks() + " (script_id, loop_no, chunk_no, run_id,"
                    + " fingerprint, start_after, end_at, last_position, items_done, batches_done, status) values"
                    + " (:id, :loop, :chunk, :runId, :fingerprint, :after, :endAt, :after, 0, 0, 'pending')");
            for (int chunk = 0; chunk <= boundaries.size(); chunk++) {
                batch.bind("id", scriptId).bind("loop", loop).bind("chunk", chunk).bind("runId", runId)
                        .bind("fingerprint", fingerprint).bind("after", chunk == 0 ? "" : boundaries.get(chunk - 1))
                        .bind("endAt", chunk == boundaries.size() ? null : boundaries.get(chunk)).add();
            }
            return batch.execute();
        });
    }

    /** Hands the loop's unfinished chunks to run {@code runId}, unclaimed: a new attempt resumes them. */
    public void adopt(Handle handle, String scriptId, int loop, String runId) {
        StoreException.attempt("resume the chunks of script " + scriptId + " in table " + tables.chunks(), () ->
                handle.createUpdate("update " + tables.chunks() + " set run_id = :runId, status = case when status ="
                                + " 'done' then 'done' else 'pending' end, worker = null, lease_until = null,"
                                + " error_message = null"
                                + " where script_id = :id and loop_no = :loop")
                        .bind("runId", runId).bind("id", scriptId).bind("loop", loop).execute());
    }

    /**
     * Claims the first chunk no worker holds (or whose worker's lease ran out), in the caller's
     * transaction, which the caller commits.
     */
    public Optional<Chunk> claim(Handle handle, String scriptId, int loop, String runId, String worker, Instant now,
            Instant leaseUntil) {
        return StoreException.attempt("claim a chunk of script " + scriptId + " in table " + tables.chunks(), () -> {
            Optional<Chunk> free = handle.createQuery("select " + COLUMNS + " from " + tables.chunks()
                            + " where script_id = :id and loop_no = :loop and run_id = :runId and (status = 'pending'"
                            + " or (status = 'claimed' and lease_until < :now)) order by chunk_no limit 1"
                            + dialect.lockSkippingLocked())
                    .bind("id", scriptId).bind("loop", loop).bind("runId", runId).bind("now", Timestamps.toDb(now))
                    .map((rs, ctx) -> chunkOf(rs)).findOne();
            if (free.isEmpty()) {
                return Optional.<Chunk>empty();
            }
            int claimed = handle.createUpdate("update " + tables.chunks() + " set status = 'claimed', worker = :worker,"
                            + " lease_until = :until where script_id = :id and loop_no = :loop and chunk_no = :chunk"
                            + " and run_id = :runId and (status = 'pending' or (status = 'claimed' and lease_until < :now))")
                    .bind("worker", worker).bind("until", Timestamps.toDb(leaseUntil)).bind("id", scriptId)
                    .bind("loop", loop).bind("chunk", free.get().number()).bind("runId", runId)
                    .bind("now", Timestamps.toDb(now)).execute();
            return claimed == 1 ? free : Optional.<Chunk>empty();
        });
    }

    /** What saving a chunk's position found. */
    public enum Saved { SAVED, CANCEL_REQUESTED, LOST }

    /** A chunk's position after a batch, or with {@code done} its end, for {@link #save}. */
    public ChunkUpdate update(String scriptId, int loop, int chunk, String runId, String worker, String position,
            long itemsDone, long batchesDone, boolean done) {
        return new ChunkUpdate(tables, scriptId, loop, chunk, runId, worker, position, itemsDone, batchesDone, done);
    }

    /**
     * Saves the position in the batch's transaction: only while the worker holds the chunk and the run is
     * still the state row's running one. With {@code commit}, the batch's open transaction may commit in the
     * same round trip where the database allows it (the caller's commit then has nothing left to do); a
     * position that is no longer the worker's then leaves the transaction to roll back.
     */
    public Saved save(Handle handle, ChunkUpdate update, boolean commit) {
        return StoreException.attempt("save the position of chunk " + update.chunk() + " of script "
                + update.scriptId() + " in table " + tables.chunks(), () -> {
                    Optional<Saved> savedWithCommit = commit ? dialect.saveChunkAndCommit(handle, update)
                            : Optional.empty();
                    if (savedWithCommit.isPresent()) {
                        return savedWithCommit.get();
                    }
                    Function<String, Integer> save = condition -> update.bindTo(handle.createUpdate(
                            update.sql(condition))).execute();
                    if (save.apply(" and s.cancel_requested_at is null") == 1) {
                        return Saved.SAVED;
                    }
                    return save.apply("") == 1 ? Saved.CANCEL_REQUESTED : Saved.LOST;
                });
    }

    /** Gives back the chunks {@code worker} holds, unfinished, for another worker or a later run. */
    public void release(Handle handle, String scriptId, int loop, String worker) {
        StoreException.attempt("release the chunks of script " + scriptId + " in table " + tables.chunks(), () ->
                handle.createUpdate("update " + tables.chunks() + " set status = 'pending', worker = null,"
                                + " lease_until = null where script_id = :id and loop_no = :loop and worker = :worker"
                                + " and status = 'claimed'")
                        .bind("id", scriptId).bind("loop", loop).bind("worker", worker).execute());
    }

    /**
     * Marks the chunk {@code worker} holds failed, with why: the run's own process fails the run with it,
     * and a later run takes the chunk up again after its last committed batch.
     */
    public void fail(Handle handle, String scriptId, int loop, int chunk, String worker, String error) {
        StoreException.attempt("record the failure of chunk " + chunk + " of script " + scriptId + " in table "
                + tables.chunks(), () -> handle.createUpdate("update " + tables.chunks() + " set status = 'failed',"
                                + " lease_until = null, error_message = :error where script_id = :id and loop_no = :loop"
                                + " and chunk_no = :chunk and worker = :worker and status = 'claimed'")
                        .bind("error", StoredText.head(error, dialect.longTextChars())).bind("id", scriptId)
                        .bind("loop", loop).bind("chunk", chunk).bind("worker", worker).execute());
    }

    /** The first failed chunk of the loop whose worker is not one of {@code process}'s, as {@code "chunk N (worker W): error"}. */
    public Optional<String> failureOutside(Handle handle, String scriptId, int loop, String process) {
        return StoreException.attempt("read the chunks of script " + scriptId + " from table " + tables.chunks(),
                () -> handle.createQuery("select chunk_no, worker, error_message from " + tables.chunks()
                                + " where script_id = :id and loop_no = :loop and status = 'failed'"
                                + " and worker not like :process order by chunk_no")
                        .bind("id", scriptId).bind("loop", loop).bind("process", process + "#%")
                        .map((rs, ctx) -> "chunk " + rs.getInt("chunk_no") + " (worker " + rs.getString("worker") + "): "
                                + rs.getString("error_message"))
                        .stream().findFirst());
    }

    /** Renews the leases of the chunks this process's workers hold (their names start with {@code process}). */
    public int renew(Handle handle, String scriptId, String runId, String process, Instant leaseUntil) {
        return StoreException.attempt("renew the chunk leases of script " + scriptId + " in table "
                + tables.chunks(), () -> handle.createUpdate("update " + tables.chunks() + " set lease_until = :until"
                        + " where script_id = :id and run_id = :runId and status = 'claimed' and worker like :process")
                .bind("until", Timestamps.toDb(leaseUntil)).bind("id", scriptId).bind("runId", runId)
                .bind("process", process + "#%").execute());
    }

    private static Chunk chunkOf(ResultSet rs) throws SQLException {
        return new Chunk(rs.getInt("chunk_no"), rs.getString("start_after"), rs.getString("end_at"),
                rs.getString("last_position"), rs.getLong("items_done"), rs.getLong("batches_done"),
                "done".equals(rs.getString("status")));
    }

    /** The parallel loop of run {@code runId} that still has chunks to do, if there is one. */
    public Optional<Integer> openLoop(Handle handle, String scriptId, String runId) {
        return StoreException.attempt("read the chunks of script " + scriptId + " from table " + tables.chunks(),
                () -> handle.createQuery("select min(loop_no) from " + tables.chunks() + " where script_id = :id"
                                + " and run_id = :runId and status <> 'done'")
                        .bind("id", scriptId).bind("runId", runId).mapTo(Integer.class).findOne());
    }

    /**
     * Where a loop stands over every worker of every process, in one query.
     *
     * @param open chunks not done
     * @param free chunks a worker could claim now: unclaimed, or their worker's lease ran out
     * @param itemsDone the items the chunks have done
     * @param failed chunks whose worker failed
     */
    public record LoopState(long open, long free, long itemsDone, long failed) {
    }

    public LoopState loopState(Handle handle, String scriptId, int loop, Instant now) {
        return StoreException.attempt("read the chunks of script " + scriptId + " from table " + tables.chunks(),
                () -> handle.createQuery("select coalesce(sum(case when status <> 'done' then 1 else 0 end), 0) open_chunks,"
                                + " coalesce(sum(case when status = 'pending' or (status = 'claimed' and lease_until"
                                + " < :now) then 1 else 0 end), 0) free_chunks, coalesce(sum(items_done), 0) items,"
                                + " coalesce(sum(case when status = 'failed' then 1 else 0 end), 0) failed_chunks from "
                                + tables.chunks() + " where script_id = :id and loop_no = :loop")
                        .bind("id", scriptId).bind("loop", loop).bind("now", Timestamps.toDb(now))
                        .map((rs, ctx) -> new LoopState(rs.getLong("open_chunks"), rs.getLong("free_chunks"), rs.getLong("items"),
                                rs.getLong("failed_chunks")))
                        .one());
    }

    /**
     * The chunks of every script's run, by {@code "scriptId runId"}: done out of all, and the workers that
     * hold one now.
     */
    public Map<String, Chunks> summary(Handle handle) {
        return StoreException.attempt("read table " + tables.chunks(), () -> {
            // One row per run and worker: the database counts, a row per chunk never reaches the client.
            Map<String, long[]> counts = new LinkedHashMap<>();
            Map<String, Set<String>> workers = new LinkedHashMap<>();
            handle.createQuery("select script_id, run_id, case when status = 'claimed' then worker end holder,"
                            + " sum(case when status = 'done' then 1 else 0 end) done, count(*) chunks from "
                            + tables.chunks() + " group by script_id, run_id, case when status = 'claimed' then worker end")
                    .map((rs, ctx) -> {
                        String key = rs.getString("script_id") + " " + rs.getString("run_id");
                        long[] count = counts.computeIfAbsent(key, k -> new long[2]);
                        count[0] += rs.getLong("done");
                        count[1] += rs.getLong("chunks");
                        if (rs.getString("holder") != null) {
                            workers.computeIfAbsent(key, k -> new TreeSet<>()).add(rs.getString("holder"));
                        }
                        return key;
                    }).list();
            Map<String, Chunks> summary = new LinkedHashMap<>();
            counts.forEach((key, count) -> summary.put(key, new Chunks((int) count[0], (int) count[1],
                    List.copyOf(workers.getOrDefault(key, Set.of())))));
            return summary;
        });
    }
}

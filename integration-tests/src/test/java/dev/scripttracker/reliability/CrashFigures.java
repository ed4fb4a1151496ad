package dev.scripttracker.reliability;

import dev.scripttracker.HistoryEntry;
import dev.scripttracker.ScriptStatus;
import dev.scripttracker.internal.batch.Checkpoint;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.LongSummaryStatistics;

/**
 * The figures of one crash test run, written as a Markdown section to
 * {@code target/reliability/crash-KIND.md}, from which RELIABILITY.md is put together.
 */
record CrashFigures(String database, CrashSettings settings, List<CrashKill> kills, List<HistoryEntry> history,
        long rowsNotExactlyOnce, long rowsLeftRunning, Duration killing, Duration total) {

    Path write(String kind) throws IOException {
        Path file = Path.of("target", "reliability", "crash-" + kind + ".md");
        Files.createDirectories(file.getParent());
        return Files.writeString(file, markdown(), StandardCharsets.UTF_8);
    }

    String markdown() {
        StringBuilder md = new StringBuilder("## " + database + "\n\n");
        md.append("Run ").append(Instant.now().truncatedTo(ChronoUnit.SECONDS)).append(" on ").append(machine())
                .append(", seed ").append(settings.seed()).append(" (replay with -Dreliability.seed=")
                .append(settings.seed()).append(").\n\n| figure | value |\n|---|---|\n");
        row(md, "kills (SIGKILL, each child exited " + CrashChildProcess.KILLED_BY_SIGKILL + ")", kills.size()
                + " (" + moments(CrashKillPlan.Moment.AT_START) + " drawn right at start, "
                + moments(CrashKillPlan.Moment.MID_RUN) + " mid-run)");
        for (CrashKill.Landing landing : CrashKill.Landing.values()) {
            row(md, "landed " + landing.description(), kills.stream().filter(k -> k.landingIn(history) == landing).count());
        }
        row(md, "batch committed when a run was killed: lowest to highest (of all)", killedAtBatches());
        row(md, "attempts recorded `interrupted` by the next run", count(ScriptStatus.INTERRUPTED));
        row(md, "attempts that resumed after a checkpoint (`resumedFrom` set)",
                history.stream().filter(HistoryEntry::resumed).count() + " of " + history.size());
        row(md, "interrupted attempts whose recorded progress differs from their checkpoint", progressBehindCheckpoint());
        row(md, "rows / batch size / transaction held per batch", String.format(Locale.ROOT, "%,d / %d / %d ms",
                settings.rows(), settings.batchSize(), settings.holdMillis()));
        row(md, "**rows whose counter is not 1**", "**" + rowsNotExactlyOnce + "**");
        row(md, "rows left `running` in the state and history tables", rowsLeftRunning);
        row(md, "from a SIGKILL to the next JVM's attempt starting (that JVM's start included): median / max",
                takeovers());
        row(md, "time: kills and restarts / whole test", humane(killing) + " / " + humane(total));
        return md.append('\n').toString();
    }

    /** Attempts, status, where each resumed from and got to, for failure messages. */
    String historyText() {
        StringBuilder text = new StringBuilder("seed " + settings.seed() + "\nkills:\n");
        kills.forEach(k -> text.append("  ").append(k).append(": ").append(k.landingIn(history)).append('\n'));
        text.append("history:\n");
        history.forEach(h -> text.append("  attempt ").append(h.attempt()).append(' ').append(h.status().label())
                .append(" by ").append(h.executedBy()).append(", resumed from ").append(h.resumedFrom())
                .append(", got to ").append(h.checkpoint()).append(", done ").append(h.progressDone()).append('\n'));
        return text.toString();
    }

    /**
     * Not asserted: the progress column is also written by the heartbeat, which may store a value read
     * just before a batch committed; the checkpoint is what a resumed attempt goes by.
     */
    long progressBehindCheckpoint() {
        return history.stream().filter(h -> h.status() == ScriptStatus.INTERRUPTED && h.checkpoint() != null)
                .filter(h -> h.progressDone() != Checkpoint.decode(h.checkpoint()).done()).count();
    }

    /** Where in the data the kills of recorded attempts landed, e.g. {@code 1 to 409 (of 600)}. */
    private String killedAtBatches() {
        LongSummaryStatistics batches = kills.stream().flatMap(k -> k.attemptIn(history).stream())
                .mapToLong(CrashKill::committedBatch).summaryStatistics();
        return (batches.getCount() == 0 ? "none" : batches.getMin() + " to " + batches.getMax()) + " (of "
                + settings.batches() + ")";
    }

    /**
     * How soon the next JVM took over a killed one's run: from the kill to the start of the next attempt
     * recorded after it (kills that landed before their run was recorded included: their successor waits
     * the same way).
     */
    private String takeovers() {
        List<Long> millis = kills.stream().flatMap(k -> history.stream()
                .filter(h -> h.startedAt().isAfter(k.killedAt())).findFirst()
                .map(next -> Duration.between(k.killedAt(), next.startedAt()).toMillis()).stream())
                .sorted().toList();
        return millis.isEmpty() ? "none" : String.format(Locale.ROOT, "%,d ms / %,d ms (%d takeovers)",
                millis.get(millis.size() / 2), millis.get(millis.size() - 1), millis.size());
    }

    private long moments(CrashKillPlan.Moment moment) {
        return kills.stream().filter(k -> k.moment() == moment).count();
    }

    private long count(ScriptStatus status) {
        return history.stream().filter(h -> h.status() == status).count();
    }

    private static void row(StringBuilder md, String figure, Object value) {
        md.append("| ").append(figure).append(" | ").append(value).append(" |\n");
    }

    private static String machine() {
        long ram = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize();
        return String.format(Locale.ROOT, "%d CPUs, %.1f GiB RAM, %s %s, Java %s (%s)",
                Runtime.getRuntime().availableProcessors(), ram / (1024.0 * 1024 * 1024), System.getProperty("os.name"),
                System.getProperty("os.version"), System.getProperty("java.runtime.version"),
                System.getProperty("java.vm.vendor"));
    }

    private static String humane(Duration d) {
        return d.toMinutes() > 0 ? d.toMinutes() + " min " + d.toSecondsPart() + " s"
                : String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }
}

package dev.scripttracker.cli;

import dev.scripttracker.Progress;
import dev.scripttracker.ProgressListener;
import dev.scripttracker.ScriptDefinition;
import java.io.PrintStream;
import java.time.Duration;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows the progress of the script this process runs: a live bar on a terminal, a timestamped line
 * every few seconds in a log.
 */
final class ProgressDisplay implements ProgressListener, AutoCloseable {

    private static final long LINE_EVERY_NANOS = Duration.ofSeconds(5).toNanos();
    private static final int DEFAULT_WIDTH = 100;

    private final Output output;
    private final PrintStream terminal;
    private String scriptId;
    private ProgressBar bar;
    private long lastLine;

    ProgressDisplay(Output output, PrintStream terminal) {
        this.output = output;
        this.terminal = terminal;
    }

    @Override
    public synchronized void progress(ScriptDefinition script, Progress progress) {
        if (!script.id().equals(scriptId)) {
            close();
            scriptId = script.id();
            lastLine = System.nanoTime() - LINE_EVERY_NANOS;
        }
        if (output.isTerminal()) {
            showBar(progress);
        } else if (System.nanoTime() - lastLine >= LINE_EVERY_NANOS && progress.done() > 0) {
            lastLine = System.nanoTime();
            output.line(scriptId + "  " + progress.describe());
        }
    }

    private void showBar(Progress progress) {
        if (bar == null) {
            bar = new ProgressBarBuilder().setTaskName(scriptId).setStyle(ProgressBarStyle.ASCII)
                    .setInitialMax(progress.total() > 0 ? progress.total() : -1)
                    .setConsumer(new ConsoleProgressBarConsumer(terminal, width()))
                    .setUpdateIntervalMillis(250).showSpeed().continuousUpdate().build();
        }
        if (progress.total() > 0 && progress.total() >= progress.done()) {
            bar.maxHint(progress.total());
        } else if (progress.estimateExceeded()) {
            bar.maxHint(-1);
            bar.setExtraMessage("(estimate of " + progress.total() + " exceeded)");
        }
        bar.stepTo(progress.done());
    }

    private static int width() {
        try {
            return Integer.parseInt(System.getenv().getOrDefault("COLUMNS", "")) - 1;
        } catch (NumberFormatException unset) {
            return DEFAULT_WIDTH;
        }
    }

    /** Ends the current bar, leaving its last state on screen. */
    @Override
    public synchronized void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
        scriptId = null;
    }
}

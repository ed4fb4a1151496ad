package dev.scripttracker.internal.run;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;

/**
 * Captures what a script prints to {@code System.out} on its own thread into its run's output, line
 * by line, while the text still goes to the console. Other threads, {@code System.err} and
 * everything outside a run pass through untouched; lines that {@code ctx.log} writes through a
 * logger that prints to {@code System.out} are not captured twice. In a run with secret parameters each
 * line reaches the console when it is complete, with the secrets' values replaced by {@code ****}.
 */
final class PrintedOutput extends OutputStream {

    private static final ThreadLocal<ByteArrayOutputStream> PARTIAL_LINE =
            ThreadLocal.withInitial(ByteArrayOutputStream::new);
    private static final ThreadLocal<Boolean> LOGGING = new ThreadLocal<>();
    private static final int LONGEST_LINE = 16_384;
    private static volatile Charset charset = Charset.defaultCharset();
    private static volatile PrintedOutput installed;

    private final PrintStream console;

    private PrintedOutput(PrintStream console) {
        this.console = console;
    }

    /** Puts the capture in front of {@code System.out}, once per JVM. */
    static synchronized void installOnce() {
        if (installed != null) {
            return;
        }
        charset = consoleCharset();
        installed = new PrintedOutput(System.out);
        System.setOut(new PrintStream(installed, true, charset));
    }

    private static Charset consoleCharset() {
        String name = System.getProperty("stdout.encoding", System.getProperty("sun.stdout.encoding"));
        try {
            return name == null ? Charset.defaultCharset() : Charset.forName(name);
        } catch (IllegalArgumentException unknown) {
            return Charset.defaultCharset();
        }
    }

    /** Runs {@code log} without capturing what it prints: the run records that line itself. */
    static void whileLogging(Runnable log) {
        LOGGING.set(Boolean.TRUE);
        try {
            log.run();
        } finally {
            LOGGING.remove();
        }
    }

    /** Records what the script printed after its last line break, when its run ends. */
    static void endOfRun(AttemptState ctx) {
        ByteArrayOutputStream partial = PARTIAL_LINE.get();
        if (partial.size() > 0) {
            String text = partial.toString(charset);
            ctx.printed(text);
            if (ctx.hasSecrets() && installed != null) {
                installed.echoMasked(ctx, text);
            }
        }
        PARTIAL_LINE.remove();
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        AttemptState run = LOGGING.get() == null && CurrentContext.find().orElse(null) instanceof RunContext context
                ? context.state() : null;
        if (run == null) {
            console.write(bytes, offset, length);
        } else if (run.hasSecrets()) {
            // The console gets each line once it is complete, with the secrets masked.
            capture(run, bytes, offset, length, this::echoMasked);
        } else {
            console.write(bytes, offset, length);
            capture(run, bytes, offset, length, (ctx, line) -> { });
        }
    }

    private void echoMasked(AttemptState ctx, String line) {
        console.print(ctx.masked(line));
        console.flush();
    }

    private static void capture(AttemptState ctx, byte[] bytes, int offset, int length, Echo echo) {
        ByteArrayOutputStream partial = PARTIAL_LINE.get();
        int lineStart = offset;
        for (int i = offset; i < offset + length; i++) {
            if (bytes[i] == '\n') {
                partial.write(bytes, lineStart, i - lineStart);
                String line = partial.toString(charset);
                ctx.printed(stripCarriageReturn(line));
                echo.line(ctx, line + "\n");
                partial.reset();
                lineStart = i + 1;
            }
        }
        partial.write(bytes, lineStart, offset + length - lineStart);
        if (partial.size() > LONGEST_LINE) {
            // Progress redrawn with \r and never a line break must not grow without bound.
            String line = partial.toString(charset);
            ctx.printed(line);
            echo.line(ctx, line);
            partial.reset();
        }
    }

    /** Where a captured line goes besides the run's output. */
    private interface Echo {
        void line(AttemptState ctx, String text);
    }

    private static String stripCarriageReturn(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    @Override
    public void flush() {
        console.flush();
    }
}

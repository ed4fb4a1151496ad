package dev.scripttracker.internal.run;

/**
 * The run's captured output, bounded: when it grows past its limit the oldest text is dropped and
 * the kept tail says how much was cut.
 */
final class OutputBuffer {

    private final int limit;
    private final StringBuilder text = new StringBuilder();
    private long dropped;

    OutputBuffer(int limit) {
        this.limit = limit;
    }

    synchronized void appendLine(String line) {
        text.append(line).append('\n');
        int excess = text.length() - limit;
        if (excess > 0) {
            int cut = text.indexOf("\n", excess);
            cut = cut < 0 ? excess : cut + 1;
            text.delete(0, cut);
            dropped += cut;
        }
    }

    synchronized String snapshot() {
        if (text.length() == 0 && dropped == 0) {
            return null;
        }
        return dropped == 0 ? text.toString()
                : "[" + dropped + " earlier characters of output were dropped; the last " + text.length()
                        + " follow]\n" + text;
    }
}

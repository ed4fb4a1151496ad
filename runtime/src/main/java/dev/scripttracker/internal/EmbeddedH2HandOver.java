package dev.scripttracker.internal;

import java.sql.SQLException;

/**
 * Processes sharing one embedded H2 file (AUTO_SERVER) open it in turn and hand its server over when
 * the serving one exits. Meanwhile H2 answers with failures that mean "wait, then try again on a new
 * connection"; this says which they are and how long to wait.
 */
public final class EmbeddedH2HandOver {

    /** How often to try before a failure stands: about 12 s of waiting in all. */
    public static final int ATTEMPTS = 20;
    private static final int H2_ERROR_OPENING_DATABASE = 8000;

    private EmbeddedH2HandOver() {
    }

    /** Whether {@code failure}, or one of its causes, is H2 finding its file busy or its server gone. */
    public static boolean isUnderway(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = String.valueOf(t.getMessage());
            if (message.contains("Lock file recently modified") || message.contains("Another process was faster")
                    || message.contains("Database may be already in use") || message.contains("Database is already closed")
                    || message.contains("Connection is broken") || isLockFileRewrittenWhileOpening(t, message)) {
                return true;
            }
        }
        return false;
    }

    /**
     * H2 writes its lock file, waits a moment and reads it back; when another process wrote it meanwhile it
     * fails to open with "Concurrent update" (not to be confused with error 90131, a conflict on a table row).
     */
    private static boolean isLockFileRewrittenWhileOpening(Throwable t, String message) {
        return t instanceof SQLException sql && sql.getErrorCode() == H2_ERROR_OPENING_DATABASE
                && message.contains("Concurrent update");
    }

    /** Waits before attempt {@code attempt + 1}, a little longer each time. */
    public static void waitBeforeRetry(int attempt) throws InterruptedException {
        Thread.sleep(100L + 50L * attempt);
    }
}

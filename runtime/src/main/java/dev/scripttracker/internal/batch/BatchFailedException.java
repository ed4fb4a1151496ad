package dev.scripttracker.internal.batch;

/** A checked exception thrown by a batch's work; the batch was rolled back. */
public final class BatchFailedException extends RuntimeException {

    public BatchFailedException(long batch, Exception cause) {
        super("batch " + batch + " failed and was rolled back: " + cause, cause);
    }
}

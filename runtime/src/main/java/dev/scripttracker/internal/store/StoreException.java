package dev.scripttracker.internal.store;

import dev.scripttracker.ScriptTrackerException;
import java.util.function.Supplier;
import org.jdbi.v3.core.JdbiException;

/** A failed store operation, named with what was being done and to which table. */
public final class StoreException extends ScriptTrackerException {

    private StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Runs {@code work}, translating database errors into a message that says what failed. */
    public static <T> T attempt(String operation, Supplier<T> work) {
        try {
            return work.get();
        } catch (JdbiException e) {
            throw of(operation, e);
        }
    }

    public static StoreException of(String operation, JdbiException e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        return new StoreException("could not " + operation + ": " + cause.getMessage(), e);
    }

    public static void attempt(String operation, Runnable work) {
        attempt(operation, () -> {
            work.run();
            return null;
        });
    }
}

package dev.scripttracker.testing;

/** Java functions for H2 tests, registered with CREATE ALIAS; H2 needs a public class to call them. */
public final class H2Functions {

    private H2Functions() {
    }

    /** A statement that sleeps: {@code call sleep_ms(30000)}. (Thread.sleep itself is overloaded on newer JDKs.) */
    public static void sleepMillis(long millis) throws InterruptedException {
        Thread.sleep(millis);
    }
}

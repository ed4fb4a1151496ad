package dev.scripttracker.console;

import java.util.function.BooleanSupplier;

/** Waits for something another thread does, within a bound that only a broken run reaches. */
final class Eventually {

    private Eventually() {
    }

    static void until(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited 60 s for " + what);
            }
            Thread.sleep(20);
        }
    }
}

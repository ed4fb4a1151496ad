package dev.scripttracker.reliability;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Where the test and a script running on the tracker's thread meet: the script says which database
 * connection its work runs on once that work is done, and waits until the test says it has killed
 * that connection. Every wait is bounded, so a broken run fails the test instead of hanging it.
 */
final class ConnectionLossRendezvous {

    static final long WAIT_SECONDS = 30;

    private final CountDownLatch workDone = new CountDownLatch(1);
    private final CountDownLatch connectionKilled = new CountDownLatch(1);
    private volatile long connectionId;

    /** Called by the script: its work so far is written on the connection with this id. */
    void workDoneOn(long id) {
        connectionId = id;
        workDone.countDown();
    }

    /** Called by the test: the id of the script's connection, once its work is written. */
    long awaitWorkDone() throws InterruptedException {
        if (!workDone.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
            throw new AssertionError("the script did not report its connection within " + WAIT_SECONDS + " s");
        }
        return connectionId;
    }

    /** Called by the test once the connection is gone, or when the test ends, so the script never hangs. */
    void connectionKilled() {
        connectionKilled.countDown();
    }

    /** Called by the script. */
    void awaitConnectionKilled() throws InterruptedException {
        if (!connectionKilled.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the test did not kill this script's connection within "
                    + WAIT_SECONDS + " s");
        }
    }
}

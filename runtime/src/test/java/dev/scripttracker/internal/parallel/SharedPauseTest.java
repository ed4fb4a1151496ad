package dev.scripttracker.internal.parallel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class SharedPauseTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final List<Duration> waited = new ArrayList<>();
    /** Waiting takes no time here: the batches are asked for at once, as by workers that are all ready. */
    private final Consumer<Duration> recordOnly = waited::add;

    @Test
    void workersOfOneProcess_startTheirBatchesThePauseApart() {
        SharedPause pause = new SharedPause(Duration.ofMillis(100), now::get);

        for (int batch = 0; batch < 3; batch++) {
            pause.awaitTurn(recordOnly);
        }

        assertEquals(List.of(Duration.ofMillis(100), Duration.ofMillis(200)), waited, "the first batch starts at once");
    }

    @Test
    void withThreeProcessesAtWork_eachProcessSpacesItsBatchesThreePausesApart() {
        SharedPause pause = new SharedPause(Duration.ofMillis(100), now::get);
        pause.processesAtWork(3);

        for (int batch = 0; batch < 3; batch++) {
            pause.awaitTurn(recordOnly);
        }

        assertEquals(List.of(Duration.ofMillis(300), Duration.ofMillis(600)), waited,
                "three processes together start a batch every 100 ms");
    }

    @Test
    void noProcessReadYet_countsAsThisOne_andNoPauseWaitsNever() {
        SharedPause pause = new SharedPause(Duration.ofMillis(100), now::get);
        pause.processesAtWork(0);
        pause.awaitTurn(recordOnly);
        pause.awaitTurn(recordOnly);
        SharedPause none = new SharedPause(Duration.ZERO, now::get);
        none.processesAtWork(5);
        none.awaitTurn(recordOnly);

        assertEquals(List.of(Duration.ofMillis(100)), waited);
    }
}

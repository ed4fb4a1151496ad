package dev.scripttracker.reliability;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * When each kill of the crash test lands, drawn from one seeded {@link Random} so that a run's
 * schedule can be replayed: a quarter of the kills right at start (while the JVM starts, connects,
 * takes the lock, records the previous attempt interrupted or its own start), the rest in the middle
 * of the run (after the attempt committed a batch), in a shuffled order.
 */
final class CrashKillPlan {

    enum Moment {
        /** A random delay after the JVM started, shorter than the last watched JVM took to commit its first batch. */
        AT_START,
        /** A random delay after the attempt committed its first batch. */
        MID_RUN
    }

    private final Random random;
    private final List<Moment> moments;

    CrashKillPlan(long seed, int kills) {
        this.random = new Random(seed);
        int atStart = Math.max(1, Math.min(kills - 1, kills / 4));
        List<Moment> planned = new ArrayList<>(Collections.nCopies(atStart, Moment.AT_START));
        planned.addAll(Collections.nCopies(kills - atStart, Moment.MID_RUN));
        Collections.shuffle(planned, random);
        this.moments = List.copyOf(planned);
    }

    int kills() {
        return moments.size();
    }

    /** @param kill 1 for the first */
    Moment moment(int kill) {
        return moments.get(kill - 1);
    }

    /** The mid-run kills from {@code kill} on, that one included. */
    int midRunKillsFrom(int kill) {
        return (int) moments.subList(kill - 1, moments.size()).stream().filter(m -> m == Moment.MID_RUN).count();
    }

    /** A delay in [0, bound) milliseconds; 0 when the bound is not positive. */
    long delayMillis(long bound) {
        return bound <= 0 ? 0 : random.nextLong(bound);
    }
}

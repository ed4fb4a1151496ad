package dev.scripttracker.internal.run;

import dev.scripttracker.ScriptContext;
import java.util.Optional;

/** The context of the tracked script running on the current thread. */
public final class CurrentContext {

    private static final ThreadLocal<RunContext> CURRENT = new ThreadLocal<>();

    private CurrentContext() {
    }

    public static ScriptContext require() {
        ScriptContext context = CURRENT.get();
        if (context == null) {
            throw new IllegalStateException("ScriptContext.current() was called outside a tracked script run"
                    + " (or on another thread than the script's). Run the script through script-tracker"
                    + " (ScriptTracker.run, the command line or the -javaagent), and call it on the script's thread.");
        }
        return context;
    }

    /** The context of the tracked run under way on this thread, if any. */
    public static Optional<ScriptContext> find() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** @return the context it replaces: a script run from inside another script's run */
    static RunContext set(RunContext context) {
        RunContext outer = CURRENT.get();
        CURRENT.set(context);
        return outer;
    }

    static void restore(RunContext outer) {
        if (outer == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(outer);
        }
    }
}

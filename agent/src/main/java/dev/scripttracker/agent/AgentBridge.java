package dev.scripttracker.agent;

import dev.scripttracker.EntryPoint;
import dev.scripttracker.RunOptions;
import dev.scripttracker.RunOutcome;
import dev.scripttracker.RunResult;
import dev.scripttracker.ScriptContext;
import dev.scripttracker.ScriptDefinition;
import dev.scripttracker.ScriptTracker;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * What the advice woven into script classes calls. An intercepted call runs the script through the
 * same runner as the API: the body is the intercepted method itself, called again on this thread,
 * where the advice lets it through because that script's run is under way there. Public because woven code in the application's classes calls it.
 */
public final class AgentBridge {

    /** The entry points the agent wraps: the ones an application calls itself ({@code Script.run} only the runtime calls). */
    static final Set<EntryPoint> WRAPPED = EnumSet.complementOf(EnumSet.of(EntryPoint.SCRIPT));

    private static volatile AgentOptions options = AgentOptions.defaults();
    private static volatile Throwable startFailure;
    private static volatile Instrumentation instrumentation;
    private static volatile String runPendingBeforeMainOf;
    private static final java.util.concurrent.atomic.AtomicBoolean RAN_PENDING =
            new java.util.concurrent.atomic.AtomicBoolean();

    private AgentBridge() {
    }

    static void configure(AgentOptions configured) {
        options = configured;
    }

    static void instrumentation(Instrumentation installed) {
        instrumentation = installed;
    }

    /**
     * Before a script's body runs, never from inside a class transformer (retransforming while a
     * class loads could deadlock): from then on the application's DataSources share the run's connection.
     */
    static void bindDataSources() {
        DataSourceInstrumentation.installOnce(instrumentation);
    }

    static void runPendingBeforeMainOf(String className) {
        runPendingBeforeMainOf = className;
    }

    /** Whether {@code internalName} is the class whose main runs the pending scripts first. */
    static boolean runsPendingBeforeMain(String internalName) {
        String start = runPendingBeforeMainOf;
        return start != null && start.replace('.', '/').equals(internalName);
    }

    /** Called by the advice on that main: the pending scripts, once, with the application's class loader. */
    public static void beforeMain(Class<?> mainClass) {
        if (RAN_PENDING.compareAndSet(false, true)) {
            PendingAtStart.runWith(options, mainClass.getClassLoader());
        }
    }

    static void startFailed(Throwable failure) {
        startFailure = failure;
    }

    /**
     * @return null to let the original body run (not a tracked entry point, or the tracked call
     *     itself); otherwise the outcome, and the body is skipped
     */
    public static Object enter(Method method, Object self, Object[] arguments) {
        if (ScriptContext.find().filter(ctx -> ctx.definition().className()
                .equals(method.getDeclaringClass().getName())).isPresent()) {
            // A tracked run of this script is under way on this thread: this call is its body.
            return null;
        }
        Scope scope = new Scope();
        try {
            if (startFailure != null) {
                throw startFailure;
            }
            bindDataSources();
            ScriptTracker tracker = Trackers.forLoader(method.getDeclaringClass().getClassLoader());
            Optional<ScriptDefinition> script = tracker.scriptOfClass(method.getDeclaringClass().getName())
                    .filter(s -> WRAPPED.contains(s.entryPoint()) && s.entryPoint().isMethod(method));
            if (script.isEmpty()) {
                return null;
            }
            // Launching a script's own main is a person asking for it; other entry points run on every start,
            // unless the agent was told run=ID for this script.
            boolean explicit = script.get().entryPoint() == EntryPoint.MAIN
                    || options.runById().contains(script.get().id());
            RunResult result = tracker.runIntercepted(script.get().id(), RunOptions.defaults(), explicit,
                    () -> invoke(method, self, arguments, scope));
            scope.settle(result, explicit);
        } catch (Throwable trackerFailure) {
            String message = "script-tracker could not track " + method.getDeclaringClass().getName() + "."
                    + method.getName() + ": " + trackerFailure.getMessage();
            System.err.println("[script-tracker] " + message + (options.skipOnError()
                    ? "; the script was skipped and the application goes on (on-error=skip)"
                    : "; the script was not run (use -javaagent:script-tracker.jar=on-error=skip to go on without it)"));
            if (!options.skipOnError()) {
                scope.fail(new IllegalStateException(message, trackerFailure));
            }
        }
        return scope;
    }

    public static Throwable thrown(Object scope) {
        return ((Scope) scope).thrown;
    }

    public static Object returned(Object scope) {
        return ((Scope) scope).returned;
    }

    private static Object invoke(Method method, Object self, Object[] arguments, Scope scope) throws Exception {
        try {
            scope.returned = method.invoke(self, arguments);
            return scope.returned;
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof Exception exception) {
                throw exception;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /** The outcome of one intercepted call, read by the exit advice. */
    static final class Scope {

        Throwable thrown;
        Object returned;

        void settle(RunResult result, boolean explicit) {
            RunOutcome outcome = result.outcome();
            boolean notDoneButAskedFor = explicit && (outcome == RunOutcome.LOCKED || outcome == RunOutcome.BLOCKED);
            if (outcome.isFailure() || notDoneButAskedFor) {
                thrown = result.error() != null ? result.error()
                        : new IllegalStateException("script " + result.scriptId() + ": " + result.message());
            } else if (outcome != RunOutcome.SUCCEEDED && outcome != RunOutcome.SKIPPED) {
                returned = null;
                System.err.println("[script-tracker] script " + result.scriptId() + " not run: " + result.message()
                        + (outcome == RunOutcome.NEEDS_EXPLICIT_RUN ? ". To run it from this application, start it"
                                + " once with -javaagent:script-tracker.jar=run=" + result.scriptId() : ""));
            }
        }

        void fail(Throwable failure) {
            thrown = failure;
        }
    }
}

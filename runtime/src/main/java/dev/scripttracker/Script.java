package dev.scripttracker;

/**
 * The preferred entry point of a tracked script. A class may instead have a
 * {@code public static void main(String[])}, {@code Runnable.run()}, {@code Callable.call()} or
 * Spring Boot's {@code CommandLineRunner.run(String...)}, and reach its context through
 * {@link ScriptContext#current()}.
 *
 * <p>A script may also declare {@code public void rollback(ScriptContext ctx)}, which the
 * {@code rollback} command runs to undo a successful run.
 */
@FunctionalInterface
public interface Script {

    /**
     * Does the script's work. Throwing fails the run; in {@link Transaction#SCRIPT} mode the work is
     * rolled back.
     */
    void run(ScriptContext ctx) throws Exception;
}

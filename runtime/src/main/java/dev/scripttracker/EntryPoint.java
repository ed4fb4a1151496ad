package dev.scripttracker;

/** The kind of method through which a tracked script is started. */
public enum EntryPoint {
    /** {@code Script.run(ScriptContext)}. */
    SCRIPT,
    /** {@code public static void main(String[])}. */
    MAIN,
    /** {@code Runnable.run()}. */
    RUNNABLE,
    /** {@code Callable.call()}. */
    CALLABLE,
    /** Spring Boot's {@code CommandLineRunner.run(String...)}, matched by name. */
    COMMAND_LINE_RUNNER
}

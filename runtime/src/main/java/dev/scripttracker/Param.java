package dev.scripttracker;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares one parameter of a script: a component of the record that {@link TrackedScript#parameters()}
 * names. Components without it are parameters too, required, named after the component.
 *
 * <pre>{@code
 * record Params(@Param(description = "tenant to refund") String tenant,
 *               @Param(defaultValue = "100", identifying = false) int limit,
 *               @Param(secret = true, env = "REFUND_TOKEN") String token,
 *               Optional<LocalDate> from) {}
 * }</pre>
 *
 * Types: {@code String}, {@code int}/{@code Integer}, {@code long}/{@code Long}, {@code boolean}/{@code Boolean},
 * {@code BigDecimal}, {@code LocalDate}, {@code Instant}, {@code Duration}, enums, {@code UUID}, {@code Path} (a
 * file that must exist and be readable), {@code List} of these (comma-separated, {@code \,} for a comma inside a
 * value), and {@code Optional} of any of them.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Param {

    /** The name given with {@code --param NAME=VALUE}; empty: the component's name. */
    String name() default "";

    /** What the parameter means, for {@code status ID} and {@code --help}. */
    String description() default "";

    /**
     * Whether a run needs a value. A parameter with a {@link #defaultValue()}, an {@code Optional} one and one
     * with {@code required = false} (null when missing; not for primitives) are optional.
     */
    boolean required() default true;

    /** The value when none is given, parsed like a given one; empty: no default. */
    String defaultValue() default "";

    /**
     * Never printed, logged or stored in clear: stored as {@code ****}, and replaced by {@code ****} in the run's
     * output and log lines. Cannot have a default.
     */
    boolean secret() default false;

    /** An environment variable that gives the value when {@code --param} does not; empty: none. */
    String env() default "";

    /**
     * Whether the parameter identifies the attempt: recorded in the history, and part of what a resumed
     * {@link Transaction#BATCH} run must match. Settings that do not change what the script does to which
     * data (a batch size, a pause) should say {@code false}.
     */
    boolean identifying() default true;
}

package dev.scripttracker;

import java.util.Optional;

/**
 * One declared parameter of a script, as {@code status ID}, {@code --help} and the actuator list it.
 *
 * @param type the Java type as written, e.g. {@code int}, {@code List<LocalDate>}
 * @param expects what a value must look like, e.g. {@code an int (whole number)}
 * @param required true when a run needs a value (no default, not {@code Optional}, not {@code required = false})
 * @param env the environment variable that gives the value when none is passed
 * @param identifying whether the parameter identifies the attempt (see {@link Param#identifying()})
 */
public record ParameterDeclaration(
        String name, String type, String expects, boolean required, Optional<String> defaultValue, boolean secret,
        Optional<String> env, boolean identifying, String description) {
}

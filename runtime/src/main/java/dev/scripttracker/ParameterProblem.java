package dev.scripttracker;

/**
 * Why given parameters do not fit a script's declaration: one problem each, with a message naming the
 * script, the parameter, what it expects and how to fix it (never a secret's value).
 */
public record ParameterProblem(String scriptId, String parameter, Kind kind, String message) {

    public enum Kind {
        /** The script declares no parameter of this name. */
        UNKNOWN,
        /** A required parameter has no value (given, from its environment variable, or a default). */
        MISSING,
        /** The value does not parse as the parameter's type (or names no readable file). */
        BAD_VALUE
    }
}

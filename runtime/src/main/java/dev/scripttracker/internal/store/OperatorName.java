package dev.scripttracker.internal.store;

import dev.scripttracker.ConfigurationException;
import java.util.Objects;

/** Checks a name recorded as who ran or cancelled a script, so that it fits its column. */
public final class OperatorName {

    private OperatorName() {
    }

    /** @return {@code operator}, when it fits {@code executed_by} and {@code cancel_requested_by} */
    public static String check(String operator) {
        Objects.requireNonNull(operator, "operator");
        if (operator.length() > ColumnLimits.OPERATOR) {
            throw new ConfigurationException("the operator is " + operator.length() + " characters long, but the"
                    + " store records at most " + ColumnLimits.OPERATOR + " as who ran a script (column executed_by);"
                    + " use a shorter name, such as user@host");
        }
        return operator;
    }
}

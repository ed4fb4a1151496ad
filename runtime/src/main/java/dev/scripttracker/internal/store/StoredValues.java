package dev.scripttracker.internal.store;

import dev.scripttracker.ScriptStatus;
import dev.scripttracker.Transaction;
import java.util.ArrayList;
import java.util.List;

/**
 * Values read back from the tables, which anyone with access can edit: one this version does not
 * know is reported with the value it holds, so that one bad row never fails a whole read.
 */
final class StoredValues {

    private StoredValues() {
    }

    /** The mode a stored name stands for; null when it is none of them. */
    static Transaction mode(String stored) {
        for (Transaction mode : Transaction.values()) {
            if (mode.name().equals(stored)) {
                return mode;
            }
        }
        return null;
    }

    /**
     * What this version cannot read in a row, e.g. {@code status 'bogus'}; null when it can read
     * everything. {@code mode} is null for tables without the column.
     */
    static String unreadable(String status, String mode, boolean hasMode) {
        List<String> problems = new ArrayList<>();
        if (ScriptStatus.fromStored(status) == ScriptStatus.UNKNOWN) {
            problems.add("status " + quoted(status));
        }
        if (hasMode && mode(mode) == null) {
            problems.add("transaction_mode " + quoted(mode));
        }
        return problems.isEmpty() ? null : String.join(" and ", problems);
    }

    /** {@code 'value'}, with control characters written as escapes so that the message shows what is there. */
    private static String quoted(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder text = new StringBuilder("'");
        value.codePoints().forEach(c -> text.append(Character.isISOControl(c) ? String.format("\\u%04x", c)
                : Character.toString(c)));
        return text.append('\'').toString();
    }
}

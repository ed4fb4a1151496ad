package dev.scripttracker.internal.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A batch query split into its body and the {@code order by} columns that are its key: the query
 * is paged by comparing the key with the last batch's (keyset pagination), never with OFFSET.
 */
final class KeysetQuery {

    record KeyColumn(String reference, String label, boolean quoted, boolean descending) {
    }

    private static final Pattern KEY = Pattern.compile(
            "\\s*((?:[A-Za-z_][\\w$]*|\"[^\"]+\"|`[^`]+`)(?:\\.(?:[A-Za-z_][\\w$]*|\"[^\"]+\"|`[^`]+`))*)"
                    + "(?:\\s+(asc|desc))?\\s*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern TRAILING_CLAUSE = Pattern.compile(
            "\\b(limit|offset|fetch|for\\s+update|nulls)\\b", Pattern.CASE_INSENSITIVE);

    private final String body;
    private final List<KeyColumn> keys;

    private KeysetQuery(String body, List<KeyColumn> keys) {
        this.body = body;
        this.keys = List.copyOf(keys);
    }

    String body() {
        return body;
    }

    List<KeyColumn> keys() {
        return keys;
    }

    /** @throws IllegalArgumentException saying what the query lacks and how to write it */
    static KeysetQuery parse(String query) {
        String sql = query.strip();
        while (sql.endsWith(";")) {
            sql = sql.substring(0, sql.length() - 1).stripTrailing();
        }
        int orderBy = SqlText.lastTopLevel(sql, "order by");
        if (orderBy < 0) {
            throw problem(query, "it has no ORDER BY. Batches page through the query by its key, so end it with"
                    + " the columns of a unique key, e.g. \"select id from users where ... order by id\"");
        }
        // Comments around the keys are not part of them; quoted identifiers are.
        String keyList = SqlText.blankComments(sql).substring(
                sql.toLowerCase(Locale.ROOT).indexOf("by", orderBy + "order".length()) + 2);
        Matcher trailing = TRAILING_CLAUSE.matcher(SqlText.blankQuoted(keyList));
        if (trailing.find()) {
            throw problem(query, "its ORDER BY is followed by " + trailing.group(1).toUpperCase(Locale.ROOT)
                    + ". Remove it: batches limit each page themselves, and key columns are never null");
        }
        List<KeyColumn> keys = new ArrayList<>();
        for (String item : SqlText.splitTopLevel(keyList, ',')) {
            Matcher key = KEY.matcher(item);
            if (!key.matches()) {
                throw problem(query, "ORDER BY" + item + " is not a column. Order by selected columns (e.g."
                        + " \"order by created_at, id\"), not by expressions or positions");
            }
            keys.add(keyColumn(key.group(1), key.group(2)));
        }
        // A new line ends a "-- comment" that the body may end with, which would swallow what follows.
        return new KeysetQuery(sql.substring(0, orderBy).stripTrailing() + "\n", keys);
    }

    private static KeyColumn keyColumn(String reference, String direction) {
        String last = reference.substring(SqlText.lastTopLevel(reference, '.') + 1);
        boolean quoted = last.startsWith("\"") || last.startsWith("`");
        String label = quoted ? last.substring(1, last.length() - 1) : last;
        return new KeyColumn(last, label, quoted, "desc".equalsIgnoreCase(direction));
    }

    private static IllegalArgumentException problem(String query, String what) {
        return new IllegalArgumentException("batch query \"" + query.strip() + "\" cannot be paged: " + what);
    }
}

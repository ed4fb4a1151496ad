package dev.scripttracker.internal.batch;

import dev.scripttracker.internal.batch.KeysetQuery.KeyColumn;
import java.util.List;

/**
 * "After this key" in SQL: {@code (a, b) > (:k0, :k1)} where the database plans row values well,
 * else the same order spelled out so that an index on the leading column still bounds the scan:
 * {@code a >= :k0 and (a > :k0 or b > :k1)}.
 */
final class KeysetCondition {

    private KeysetCondition() {
    }

    static final String AFTER = "st_key";
    static final String END = "st_end";

    static String parameter(String prefix, int position) {
        return prefix + position;
    }

    /** "After the key bound to parameters {@code prefix}0, 1, ...". */
    static String after(String alias, List<KeyColumn> keys, boolean rowValues, String prefix) {
        boolean oneDirection = keys.stream().allMatch(k -> k.descending() == keys.get(0).descending());
        if (keys.size() > 1 && rowValues && oneDirection) {
            StringBuilder columns = new StringBuilder();
            StringBuilder parameters = new StringBuilder();
            for (int k = 0; k < keys.size(); k++) {
                columns.append(k == 0 ? "" : ", ").append(alias).append('.').append(keys.get(k).reference());
                parameters.append(k == 0 ? "" : ", ").append(':').append(parameter(prefix, k));
            }
            return "(" + columns + ") " + (keys.get(0).descending() ? "<" : ">") + " (" + parameters + ")";
        }
        return expanded(alias, keys, 0, prefix);
    }

    private static String expanded(String alias, List<KeyColumn> keys, int k, String prefix) {
        KeyColumn key = keys.get(k);
        String column = alias + "." + key.reference();
        String beyond = column + (key.descending() ? " < " : " > ") + ":" + parameter(prefix, k);
        if (k == keys.size() - 1) {
            return beyond;
        }
        String atOrBeyond = column + (key.descending() ? " <= " : " >= ") + ":" + parameter(prefix, k);
        return atOrBeyond + " and (" + beyond + " or " + expanded(alias, keys, k + 1, prefix) + ")";
    }
}

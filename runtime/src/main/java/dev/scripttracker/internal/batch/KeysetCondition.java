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

    static String parameter(int position) {
        return "st_key" + position;
    }

    static String after(String alias, List<KeyColumn> keys, boolean rowValues) {
        boolean oneDirection = keys.stream().allMatch(k -> k.descending() == keys.get(0).descending());
        if (keys.size() > 1 && rowValues && oneDirection) {
            StringBuilder columns = new StringBuilder();
            StringBuilder parameters = new StringBuilder();
            for (int k = 0; k < keys.size(); k++) {
                columns.append(k == 0 ? "" : ", ").append(alias).append('.').append(keys.get(k).reference());
                parameters.append(k == 0 ? "" : ", ").append(':').append(parameter(k));
            }
            return "(" + columns + ") " + (keys.get(0).descending() ? "<" : ">") + " (" + parameters + ")";
        }
        return expanded(alias, keys, 0);
    }

    private static String expanded(String alias, List<KeyColumn> keys, int k) {
        KeyColumn key = keys.get(k);
        String column = alias + "." + key.reference();
        String beyond = column + (key.descending() ? " < " : " > ") + ":" + parameter(k);
        if (k == keys.size() - 1) {
            return beyond;
        }
        String atOrBeyond = column + (key.descending() ? " <= " : " >= ") + ":" + parameter(k);
        return atOrBeyond + " and (" + beyond + " or " + expanded(alias, keys, k + 1) + ")";
    }
}

package dev.scripttracker.internal.batch;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Date;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Writes key values as text that keeps their type, and reads them back as values the JDBC driver
 * binds to the same column type, so that a resumed run compares keys exactly as the first one did.
 */
final class KeyValues {

    private KeyValues() {
    }

    static String encode(List<String> labels, List<Object> values) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            parts.add(Escapes.escape(labels.get(i)) + "=" + Escapes.escape(typed(labels.get(i), values.get(i))));
        }
        return String.join(",", parts);
    }

    static List<Object> decode(String text) {
        List<Object> values = new ArrayList<>();
        for (String part : text.split(",")) {
            String typed = Escapes.unescape(part.substring(part.indexOf('=') + 1));
            values.add(value(typed.substring(0, typed.indexOf(':')), typed.substring(typed.indexOf(':') + 1)));
        }
        return values;
    }

    /**
     * How to read a key column so that its value does not pass through the JVM's time zone (a
     * timestamp read as {@code java.sql.Timestamp} shifts around daylight-saving changes, and keys
     * would be skipped or repeated): {@code Object.class} for the driver's own mapping.
     *
     * @throws IllegalArgumentException for floating-point columns, whose values do not round-trip
     */
    static Class<?> javaType(ResultSetMetaData meta, int column, String label) throws SQLException {
        String typeName = String.valueOf(meta.getColumnTypeName(column)).toLowerCase(Locale.ROOT);
        return switch (meta.getColumnType(column)) {
            case Types.TIMESTAMP_WITH_TIMEZONE -> OffsetDateTime.class;
            case Types.TIMESTAMP -> typeName.contains("tz") || typeName.contains("with time zone")
                    ? OffsetDateTime.class : LocalDateTime.class;
            case Types.DATE -> LocalDate.class;
            case Types.REAL, Types.FLOAT, Types.DOUBLE -> throw new IllegalArgumentException("key column " + label
                    + " is a floating-point " + typeName + " column: its values do not survive being written down"
                    + " exactly, so a resumed run could process a row twice. Order the batch query by an integer,"
                    + " decimal, text, date, timestamp or UUID column");
            default -> Object.class;
        };
    }

    /** The value as the store keeps it: in the form a resumed run binds. */
    static Object normalize(String label, Object value) {
        if (value == null) {
            throw new IllegalStateException("key column " + label + " is null in a row of the batch query: keyset"
                    + " batches need non-null keys. Add \"and " + label + " is not null\" to the query, or order"
                    + " by a column that is never null");
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toLocalDateTime();
        }
        if (value instanceof Date date) {
            return date.toLocalDate();
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        return value;
    }

    private static String typed(String label, Object value) {
        if (value instanceof Long) {
            return "L:" + value;
        }
        if (value instanceof String) {
            return "S:" + value;
        }
        if (value instanceof BigDecimal || value instanceof BigInteger) {
            return "N:" + value;
        }
        if (value instanceof LocalDateTime) {
            return "T:" + value;
        }
        if (value instanceof OffsetDateTime) {
            return "Z:" + value;
        }
        if (value instanceof LocalDate) {
            return "D:" + value;
        }
        if (value instanceof UUID) {
            return "U:" + value;
        }
        throw new IllegalStateException("key column " + label + " holds " + value.getClass().getName()
                + " values, which a checkpoint cannot record. Order the batch query by integers, decimals, text,"
                + " dates, timestamps or UUIDs");
    }

    private static Object value(String type, String text) {
        return switch (type) {
            case "L" -> Long.parseLong(text);
            case "S" -> text;
            case "N" -> new BigDecimal(text);
            case "T" -> LocalDateTime.parse(text);
            case "Z" -> OffsetDateTime.parse(text);
            case "D" -> LocalDate.parse(text);
            case "U" -> UUID.fromString(text);
            default -> throw new IllegalArgumentException("unknown key type '" + type + "'");
        };
    }
}

package dev.scripttracker.test.internal;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.SQLException;
import java.sql.SQLXML;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/** Column values as a snapshot keeps them (read out of the driver's objects), compares and shows them. */
public final class Values {

    private Values() {
    }

    /** The value with large objects and arrays read, so that it outlives its result set. */
    static Object materialized(Object value) throws SQLException {
        if (value instanceof Clob clob) {
            return clob.getSubString(1, (int) clob.length());
        }
        if (value instanceof Blob blob) {
            return blob.getBytes(1, (int) blob.length());
        }
        if (value instanceof SQLXML xml) {
            return xml.getString();
        }
        if (value instanceof Array array) {
            return Arrays.asList((Object[]) array.getArray());
        }
        return value;
    }

    /** A form in which equal values are {@code equals}: 10.0 and 10.00 are the same number, bytes compare by content. */
    static Object comparable(Object value) {
        if (value instanceof byte[] bytes) {
            return "0x" + HexFormat.of().formatHex(bytes);
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.signum() == 0 ? BigDecimal.ZERO : decimal.stripTrailingZeros();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(Values::comparable).toList();
        }
        return value;
    }

    public static boolean same(Object a, Object b) {
        Object left = comparable(a);
        Object right = comparable(b);
        return left == null ? right == null : left.equals(right);
    }

    /** The value as a failure message shows it: text quoted, so that "" and null and ' x' are told apart. */
    public static String show(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String text) {
            return "'" + text + "'";
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        return String.valueOf(comparable(value));
    }
}

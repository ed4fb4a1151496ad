package dev.scripttracker.internal.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds keywords and separators in SQL text outside quotes, comments and parentheses. */
final class SqlText {

    private SqlText() {
    }

    /** The text with every quoted, commented or parenthesised character replaced by a space. */
    static String blankQuoted(String sql) {
        StringBuilder out = new StringBuilder(sql.length());
        int depth = 0;
        char quote = 0;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
                out.append(' ');
            } else if (c == '\'' || c == '"' || c == '`') {
                quote = c;
                out.append(' ');
            } else if (c == '-' && sql.startsWith("--", i)) {
                int end = sql.indexOf('\n', i);
                end = end < 0 ? sql.length() : end;
                out.append(" ".repeat(end - i));
                i = end - 1;
            } else if (c == '/' && sql.startsWith("/*", i)) {
                int end = sql.indexOf("*/", i + 2);
                end = end < 0 ? sql.length() : end + 2;
                out.append(" ".repeat(end - i));
                i = end - 1;
            } else {
                depth += c == '(' ? 1 : c == ')' ? -1 : 0;
                out.append(depth > 0 || c == ')' ? ' ' : c);
            }
        }
        return out.toString();
    }

    /** The text with every comment replaced by spaces; quotes and parentheses kept. */
    static String blankComments(String sql) {
        StringBuilder out = new StringBuilder(sql);
        char quote = 0;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '\'' || c == '"' || c == '`') {
                quote = c;
            } else if (c == '-' && sql.startsWith("--", i) || c == '/' && sql.startsWith("/*", i)) {
                int end = c == '-' ? sql.indexOf('\n', i) : sql.indexOf("*/", i + 2);
                end = end < 0 ? sql.length() : c == '-' ? end : end + 2;
                for (int j = i; j < end; j++) {
                    out.setCharAt(j, ' ');
                }
                i = end - 1;
            }
        }
        return out.toString();
    }

    /** Where the last top-level occurrence of {@code words} (any whitespace between them) starts, or -1. */
    static int lastTopLevel(String sql, String words) {
        Matcher m = Pattern.compile("(?s).*\\b(" + words.replace(" ", "\\s+") + ")\\b.*")
                .matcher(blankQuoted(sql).toLowerCase(Locale.ROOT));
        return m.matches() ? m.start(1) : -1;
    }

    static int lastTopLevel(String sql, char c) {
        return blankQuoted(sql).lastIndexOf(c);
    }

    static List<String> splitTopLevel(String sql, char separator) {
        String plain = blankQuoted(sql);
        List<String> parts = new ArrayList<>();
        int from = 0;
        for (int i = 0; i < plain.length(); i++) {
            if (plain.charAt(i) == separator) {
                parts.add(sql.substring(from, i));
                from = i + 1;
            }
        }
        parts.add(sql.substring(from));
        return parts;
    }
}

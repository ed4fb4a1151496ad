package dev.scripttracker.internal.params;

import java.util.ArrayList;
import java.util.List;

/** A list parameter: values separated by commas; {@code \,} is a comma inside a value, {@code \\} a backslash. */
record ListType(ValueType element) implements ValueType {

    @Override
    public String typeName() {
        return "List<" + element.typeName() + ">";
    }

    @Override
    public String expects() {
        return "a comma-separated list of " + element.typeName() + " (each " + element.expects() + "; write \\, for a"
                + " comma inside a value)";
    }

    @Override
    public Object parse(String text) {
        List<Object> values = new ArrayList<>();
        if (text.isBlank()) {
            return List.of();
        }
        for (String item : split(text)) {
            values.add(element.parse(item));
        }
        return List.copyOf(values);
    }

    static List<String> split(String text) {
        List<String> items = new ArrayList<>();
        StringBuilder item = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length() && (text.charAt(i + 1) == ',' || text.charAt(i + 1) == '\\')) {
                item.append(text.charAt(++i));
            } else if (c == ',') {
                items.add(item.toString());
                item.setLength(0);
            } else {
                item.append(c);
            }
        }
        items.add(item.toString());
        return items;
    }
}

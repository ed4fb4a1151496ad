package dev.scripttracker.internal.params;

import java.util.Comparator;
import java.util.List;

/** Replaces the values of an attempt's secret parameters by {@code ****} in any text it shows or stores. */
public final class SecretMask {

    public static final String MASK = "****";
    public static final SecretMask NONE = new SecretMask(List.of());

    private final List<String> secrets;

    SecretMask(List<String> secrets) {
        // The longest first, so that a secret containing another is masked whole.
        this.secrets = secrets.stream().distinct().sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    public boolean isEmpty() {
        return secrets.isEmpty();
    }

    public String apply(String text) {
        if (text == null || secrets.isEmpty()) {
            return text;
        }
        String masked = text;
        for (String secret : secrets) {
            masked = masked.replace(secret, MASK);
        }
        return masked;
    }
}

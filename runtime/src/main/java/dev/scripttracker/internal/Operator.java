package dev.scripttracker.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Who runs scripts, as {@code user@host}, recorded with every attempt. */
public final class Operator {

    private Operator() {
    }

    public static String current() {
        return System.getProperty("user.name", "unknown") + "@" + host();
    }

    private static String host() {
        String fromEnvironment = System.getenv("HOSTNAME");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown-host";
        }
    }
}

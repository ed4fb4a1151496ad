package dev.scripttracker.console;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;

/**
 * Who may use the console: HTTP basic with one user and password, a bearer token, both, or nobody
 * checked at all (only allowed on a loopback address, see {@link ConsoleServer}).
 */
public final class Credentials {

    /** The name actions are recorded under when a bearer token was presented. */
    public static final String TOKEN_PRINCIPAL = "token";

    private final String user;
    private final String password;
    private final String token;
    private final boolean container;

    private Credentials(String user, String password, String token, boolean container) {
        this.user = user;
        this.password = password;
        this.token = token;
        this.container = container;
    }

    private Credentials(String user, String password, String token) {
        this(user, password, token, false);
    }

    /**
     * The hosting server authenticates (Spring Security in a Spring Boot application): the console
     * takes its principal and refuses a request without one.
     */
    public static Credentials container() {
        return new Credentials(null, null, null, true);
    }

    /** No check: for a console bound to a loopback address only. */
    public static Credentials none() {
        return new Credentials(null, null, null);
    }

    /**
     * @param user the basic-auth user name, null or blank for {@code admin} when a password is given
     * @param password the basic-auth password, null or blank for none
     * @param token the bearer token, null or blank for none
     */
    public static Credentials of(String user, String password, String token) {
        String pass = blankToNull(password);
        String name = blankToNull(user);
        if (name != null && name.contains(":")) {
            throw new IllegalArgumentException("the console user name " + name + " contains ':', which HTTP basic"
                    + " authentication cannot carry; choose a name without ':'");
        }
        return new Credentials(pass == null ? null : name == null ? "admin" : name, pass, blankToNull(token));
    }

    public boolean required() {
        return password != null || token != null || container;
    }

    /**
     * Whom actions are recorded as when one name covers every user: the basic-auth user, else
     * {@value #TOKEN_PRINCIPAL}, else {@code local}.
     */
    public String principalName() {
        return password != null ? user : token != null ? TOKEN_PRINCIPAL : container ? "the signed-in user" : "local";
    }

    /**
     * Whom the console's runs and cancels are recorded as run by: the container's signed-in user as
     * it is; a user of the console's own sign-in as {@code NAME (web console)}; empty without a
     * sign-in, so that the tracker's operator (the person at this machine) stays.
     */
    Optional<String> operatorFor(String principal) {
        return container ? Optional.of(principal) : required() ? Optional.of(principal + " (web console)")
                : Optional.empty();
    }

    /** The principal the request authenticates as, or empty when it does not. */
    Optional<String> authenticate(String authorization, String containerPrincipal) {
        if (container) {
            return Optional.ofNullable(containerPrincipal).filter(name -> !name.isBlank());
        }
        if (!required()) {
            return Optional.of("local");
        }
        if (authorization == null) {
            return Optional.empty();
        }
        if (token != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                && same(authorization.substring(7).trim(), token)) {
            return Optional.of(TOKEN_PRINCIPAL);
        }
        if (password != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException notBase64) {
                return Optional.empty();
            }
            int colon = decoded.indexOf(':');
            if (colon > 0 && same(decoded.substring(0, colon), user) && same(decoded.substring(colon + 1), password)) {
                return Optional.of(user);
            }
        }
        return Optional.empty();
    }

    /** What a refused request is told to do. */
    String signInHint() {
        return container ? "This console takes its user from the application's security (Spring Security), and this"
                + " request had none: protect the console's path with Spring Security, or set"
                + " scripttracker.console.password or scripttracker.console.token."
                : "This console needs credentials: the user and password, or the bearer token, it was started with.";
    }

    /** The challenge of a 401: basic when a password is set (or the container signs in), so that a browser asks. */
    String challenge() {
        return password != null || container ? "Basic realm=\"script-tracker\", charset=\"UTF-8\"" : "Bearer realm=\"script-tracker\"";
    }

    /** Compares in time independent of where the texts differ. */
    private static boolean same(String given, String expected) {
        return MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}

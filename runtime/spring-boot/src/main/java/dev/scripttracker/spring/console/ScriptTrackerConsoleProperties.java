package dev.scripttracker.spring.console;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code scripttracker.console.*}: the web console inside the application.
 *
 * @param enabled Whether to serve the web console. Default: false.
 * @param path Where the console's pages are. Default: /scripttracker.
 * @param readOnly Pages only: nothing can be run or cancelled from the console. Default: false.
 * @param user User name for the console's own HTTP basic sign-in. Default: admin.
 * @param password Password for the console's own HTTP basic sign-in. Without a password or a token, the console
 *     takes the user Spring Security signed in, and refuses requests without one.
 * @param token Bearer token accepted by the console's own sign-in.
 */
@ConfigurationProperties(prefix = "scripttracker.console")
public record ScriptTrackerConsoleProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("/scripttracker") String path,
        @DefaultValue("false") boolean readOnly,
        String user,
        String password,
        String token) {

    /** Never shows the password or the token. */
    @Override
    public String toString() {
        return "ScriptTrackerConsoleProperties[enabled=" + enabled + ", path=" + path + ", readOnly=" + readOnly
                + ", user=" + user + ", password=" + (password == null ? null : "***") + ", token="
                + (token == null ? null : "***") + "]";
    }
}

package dev.scripttracker.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** JDBC URLs as they may be shown to people: without passwords. */
public final class JdbcUrls {

    private static final Pattern PASSWORD_PARAMETER =
            Pattern.compile("(?i)(password|pwd|passwd)=[^&;]*");
    private static final Pattern USER_INFO = Pattern.compile("//([^/:@]+):[^/]*@");

    private JdbcUrls() {
    }

    /** The passwords written in a URL, to scrub from drivers' messages that echo parts of it. */
    public static List<String> secretsIn(String url) {
        List<String> secrets = new ArrayList<>();
        Matcher parameter = Pattern.compile("(?i)(?:password|pwd|passwd)=([^&;]+)").matcher(url);
        while (parameter.find()) {
            secrets.add(parameter.group(1));
        }
        Matcher userInfo = Pattern.compile("//[^/:@]+:([^/]+)@").matcher(url);
        if (userInfo.find()) {
            secrets.add(userInfo.group(1));
        }
        return secrets;
    }

    public static String scrub(String message, List<String> secrets) {
        String scrubbed = message;
        for (String secret : secrets) {
            scrubbed = scrubbed.replace(secret, "***");
        }
        return scrubbed;
    }

    public static String redact(String url) {
        String withoutParameter = PASSWORD_PARAMETER.matcher(url).replaceAll("$1=***");
        return USER_INFO.matcher(withoutParameter).replaceAll("//$1:***@");
    }
}

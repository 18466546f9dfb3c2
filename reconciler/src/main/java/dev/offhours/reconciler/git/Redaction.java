package dev.offhours.reconciler.git;

import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Keeps secrets out of texts that reach logs, exceptions and the status: a token JGit or a server echoes back,
 * and credentials written into a URL ({@code https://user:token@host/...}).
 */
final class Redaction {

    static final String MASK = "***";
    private static final Pattern URL_USER_INFO = Pattern.compile("(?i)([a-z][a-z0-9+.-]*://)[^/@\\s]+@");

    private final List<String> secrets;

    Redaction(Collection<String> secrets) {
        this.secrets = secrets.stream().filter(s -> s != null && !s.isEmpty()).toList();
    }

    String apply(String text) {
        if (text == null) {
            return null;
        }
        String result = url(text);
        for (String secret : secrets) {
            result = result.replace(secret, MASK);
        }
        return result;
    }

    /** True when {@code text} holds a secret or URL credentials that {@link #apply} would hide. */
    boolean reveals(String text) {
        return text != null && !text.equals(apply(text));
    }

    static String url(String text) {
        return text == null ? null : URL_USER_INFO.matcher(text).replaceAll("$1" + MASK + "@");
    }
}

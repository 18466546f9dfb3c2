package dev.offhours.simulator;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/** Opaque pagination tokens: the sort key of the last item returned, so pages stay stable while items change. */
final class PageToken {
    private PageToken() {
    }

    static String encode(String kind, String lastKey) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((kind + ":" + lastKey).getBytes(StandardCharsets.UTF_8));
    }

    /** The last key, or empty when the token is not one this simulator issued for {@code kind}. */
    static Optional<String> decode(String kind, String token) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            return text.startsWith(kind + ":") ? Optional.of(text.substring(kind.length() + 1)) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}

package dev.offhours.reconciler.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * The accepted bearer tokens, known only by their SHA-256. A presented token is hashed and compared with every
 * configured hash in constant time (no early exit), so neither the match nor its position leaks through timing.
 */
final class BearerTokens {

    private final List<byte[]> hashes;

    BearerTokens(List<String> sha256Hex) {
        if (sha256Hex == null || sha256Hex.isEmpty()) {
            throw new IllegalArgumentException("the status API needs the SHA-256 of at least one bearer token "
                    + "(api.tokenSha256)");
        }
        this.hashes = sha256Hex.stream().map(h -> HexFormat.of().parseHex(h.toLowerCase(Locale.ROOT))).toList();
    }

    boolean accepts(String token) {
        if (token == null || token.isEmpty()) {
            return false;
        }
        byte[] presented = sha256(token);
        boolean match = false;
        for (byte[] hash : hashes) {
            match |= MessageDigest.isEqual(presented, hash);
        }
        return match;
    }

    static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }

    static String sha256Hex(String token) {
        return HexFormat.of().formatHex(sha256(token));
    }
}

package dev.offhours.reconciler.git;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads a webhook request's body under a byte limit. The request is not authenticated yet when its body is read
 * (the signature covers the whole body), so an unbounded read would let anyone fill the heap with one request: this
 * stops after {@code limit + 1} bytes, and refuses a declared {@code Content-Length} above the limit without reading.
 */
final class WebhookBody {

    /**
     * GitHub does not deliver an event whose payload exceeds 25 MB, so 25 MiB holds every delivery GitHub can make,
     * whichever megabyte its documentation means; more is not from GitHub.
     */
    static final int GITHUB_MAX_BYTES = 25 * 1024 * 1024;

    private static final int CHUNK = 64 * 1024;

    private WebhookBody() {
    }

    /** True when the declared length already exceeds the limit; an absent or unreadable header decides nothing. */
    static boolean declaredTooLarge(String contentLength, int limit) {
        return declared(contentLength).stream().anyMatch(length -> length > limit);
    }

    /** The body, or empty when it is longer than {@code limit} (then at most {@code limit + 1} bytes were read). */
    static Optional<byte[]> read(InputStream in, int limit) throws IOException {
        if (in == null) {
            return Optional.of(new byte[0]);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(limit, CHUNK));
        byte[] chunk = new byte[CHUNK];
        long total = 0;
        while (true) {
            int wanted = (int) Math.min(chunk.length, (long) limit + 1 - total);
            int read = in.read(chunk, 0, wanted);
            if (read < 0) {
                return Optional.of(out.toByteArray());
            }
            total += read;
            if (total > limit) {
                return Optional.empty();
            }
            out.write(chunk, 0, read);
        }
    }

    private static OptionalLong declared(String contentLength) {
        if (contentLength == null) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(contentLength.trim()));
        } catch (NumberFormatException e) {
            // Jetty itself refuses a malformed Content-Length; the bounded read below is the guarantee anyway
            return OptionalLong.empty();
        }
    }
}

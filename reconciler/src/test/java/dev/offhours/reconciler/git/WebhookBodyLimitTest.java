package dev.offhours.reconciler.git;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.dropwizard.testing.junit5.ResourceExtension;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** An unauthenticated sender cannot make the hub read (or hold) more than the body limit. */
@ExtendWith(DropwizardExtensionsSupport.class)
class WebhookBodyLimitTest {

    private static final String SECRET = "limit-secret";
    private static final int LIMIT = 1024;
    private static final AtomicInteger WAKES = new AtomicInteger();
    private static final ResourceExtension RESOURCES = ResourceExtension.builder()
            .addResource(new GitHubWebhookResource(SECRET, "main", WAKES::incrementAndGet, LIMIT))
            .build();

    @BeforeEach
    void resetWakes() {
        WAKES.set(0);
    }

    @Test
    void theLimitHoldsEveryPayloadGitHubDelivers() {
        assertThat(WebhookBody.GITHUB_MAX_BYTES).isGreaterThanOrEqualTo(25_000_000);
    }

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedWith413BeforeTheBodyIsRead() {
        // the in-memory test connector buffers what the client sends, so the body is small; the header decides
        try (Response response = RESOURCES.target("/webhooks/github").request()
                .header("X-GitHub-Event", "push").header("Content-Length", "5000000000")
                .post(Entity.entity("{}", MediaType.APPLICATION_JSON))) {
            assertThat(response.getStatus()).isEqualTo(413);
        }
        assertThat(WebhookBody.declaredTooLarge("1025", LIMIT)).isTrue();
        assertThat(WebhookBody.declaredTooLarge("1024", LIMIT)).isFalse();
        assertThat(WebhookBody.declaredTooLarge("not a number", LIMIT)).isFalse();
        assertThat(WAKES).hasValue(0);
    }

    @Test
    void anUndeclaredBodyIsRefusedWith413AfterReadingOneByteMoreThanTheLimit() throws IOException {
        // a signed body too: the limit comes before the signature, which needs the whole body
        CountingStream endless = new CountingStream(Long.MAX_VALUE);
        assertThat(WebhookBody.read(endless, LIMIT)).isEmpty();
        assertThat(endless.served).isEqualTo(LIMIT + 1);

        byte[] big = ("{\"ref\":\"refs/heads/main\",\"pad\":\"" + "x".repeat(LIMIT) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        try (Response response = RESOURCES.target("/webhooks/github").request()
                .header("X-GitHub-Event", "push")
                .header("X-Hub-Signature-256", new WebhookSignature(SECRET).sign(big))
                .post(Entity.entity(new CountingStream(big), MediaType.APPLICATION_JSON))) {
            assertThat(response.getStatus()).isEqualTo(413);
            assertThat(response.readEntity(String.class)).contains("exceeds 1024 bytes");
        }
        assertThat(WAKES).hasValue(0);
    }

    @Test
    void aBodyAtTheLimitIsVerifiedAndApplied() throws IOException {
        String prefix = "{\"ref\":\"refs/heads/main\",\"pad\":\"";
        String body = prefix + "x".repeat(LIMIT - prefix.length() - 2) + "\"}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        assertThat(bytes).hasSize(LIMIT);
        assertThat(WebhookBody.read(new CountingStream(bytes), LIMIT)).hasValueSatisfying(read ->
                assertThat(read).isEqualTo(bytes));
        try (Response response = RESOURCES.target("/webhooks/github").request()
                .header("X-GitHub-Event", "push")
                .header("X-Hub-Signature-256", new WebhookSignature(SECRET).sign(bytes))
                .post(Entity.entity(bytes, MediaType.APPLICATION_JSON))) {
            assertThat(response.getStatus()).isEqualTo(202);
        }
        assertThat(WAKES).hasValue(1);
    }

    @Test
    void anUnsignedBodyThatIsNotJsonIsRefusedWith401NotParsed() {
        try (Response response = RESOURCES.target("/webhooks/github").request()
                .header("X-GitHub-Event", "push")
                .post(Entity.entity("{not json", MediaType.APPLICATION_JSON))) {
            assertThat(response.getStatus()).isEqualTo(401);
        }
    }

    /** Serves bytes (or zeros without end) and counts how many were read. */
    private static final class CountingStream extends InputStream {
        private final byte[] content;
        private final long length;
        long served;

        CountingStream(long length) {
            this.content = null;
            this.length = length;
        }

        CountingStream(byte[] content) {
            this.content = content;
            this.length = content.length;
        }

        @Override
        public int read() {
            if (served >= length) {
                return -1;
            }
            return content == null ? (int) (served++ * 0) : content[(int) served++] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int count) {
            if (served >= length) {
                return -1;
            }
            int n = (int) Math.min(count, length - served);
            for (int i = 0; i < n; i++) {
                buffer[offset + i] = content == null ? 0 : content[(int) served + i];
            }
            served += n;
            return n;
        }
    }
}

package dev.offhours.reconciler.git;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.dropwizard.testing.junit5.ResourceExtension;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@ExtendWith(DropwizardExtensionsSupport.class)
class GitHubWebhookResourceTest {

    private static final String SECRET = "It's a Secret to Everybody";
    private static final String PUSH_TO_MAIN = "{\"ref\":\"refs/heads/main\",\"after\":\"abc\"}";

    private static final AtomicInteger WAKES = new AtomicInteger();
    private static final ResourceExtension RESOURCES = ResourceExtension.builder()
            .addResource(new GitHubWebhookResource(SECRET, "main", WAKES::incrementAndGet))
            .build();

    private final WebhookSignature signature = new WebhookSignature(SECRET);

    @BeforeEach
    void resetWakes() {
        WAKES.set(0);
    }

    private Response post(String event, String signatureHeader, String body) {
        Invocation.Builder request = RESOURCES.target("/webhooks/github").request()
                .header("X-GitHub-Event", event).header("X-GitHub-Delivery", "delivery-1");
        if (signatureHeader != null) {
            request = request.header("X-Hub-Signature-256", signatureHeader);
        }
        return request.post(Entity.entity(body.getBytes(StandardCharsets.UTF_8), MediaType.APPLICATION_JSON));
    }

    private String signed(String body) {
        return signature.sign(body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void matchesGitHubsDocumentedExampleSignature() {
        // the example of GitHub's "Validating webhook deliveries" page
        assertThat(new WebhookSignature("It's a Secret to Everybody")
                .sign("Hello, World!".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17");
    }

    @Test
    void aVerifiedPushToTheTrackedBranchWakesTheFetchAndAnswers202() {
        try (Response response = post("push", signed(PUSH_TO_MAIN), PUSH_TO_MAIN)) {
            assertThat(response.getStatus()).isEqualTo(202);
            assertThat(response.readEntity(String.class)).contains("fetch requested");
        }
        assertThat(WAKES).hasValue(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "NONE", value = {
            "missing signature, NONE",
            "signature of another body, OTHER",
            "signature with another secret, WRONG_SECRET",
            "malformed signature, sha256=nothex",
            "sha1 signature, sha1=0123456789abcdef0123456789abcdef01234567"})
    void refusesRequestsWhoseSignatureDoesNotVerify(String name, String header) {
        String value = header == null ? null : switch (header) {
            case "OTHER" -> signed("{\"ref\":\"refs/heads/other\"}");
            case "WRONG_SECRET" -> new WebhookSignature("guess").sign(PUSH_TO_MAIN.getBytes(StandardCharsets.UTF_8));
            default -> header;
        };
        try (Response response = post("push", value, PUSH_TO_MAIN)) {
            assertThat(response.getStatus()).isEqualTo(401);
        }
        assertThat(WAKES).hasValue(0);
    }

    @Test
    void aPingAnswers200WithoutFetching() {
        String body = "{\"zen\":\"Keep it logically awesome.\"}";
        try (Response response = post("ping", signed(body), body)) {
            assertThat(response.getStatus()).isEqualTo(200);
        }
        assertThat(WAKES).hasValue(0);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "push         | {\"ref\":\"refs/heads/feature\"}",
            "push         | {\"ref\":\"refs/tags/main\"}",
            "pull_request | {\"ref\":\"refs/heads/main\"}"})
    void otherEventsAndBranchesAreIgnoredWith200(String event, String body) {
        try (Response response = post(event, signed(body), body)) {
            assertThat(response.getStatus()).isEqualTo(200);
            assertThat(response.readEntity(String.class)).contains("ignored");
        }
        assertThat(WAKES).hasValue(0);
    }
}

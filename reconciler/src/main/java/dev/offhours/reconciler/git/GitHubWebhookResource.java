package dev.offhours.reconciler.git;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.HttpHeaders;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /webhooks/github}: GitHub announces a push; a verified push to the tracked branch wakes the fetch loop
 * so the new commit is applied within seconds instead of at the next poll. Only requests whose
 * {@code X-Hub-Signature-256} verifies against the configured secret are considered (401 otherwise); the fetch
 * itself still reads the repository, so a forged body could at most cause an early fetch.
 *
 * <p>Nothing an unauthenticated sender controls costs more than a bounded amount: a body above
 * {@link WebhookBody#GITHUB_MAX_BYTES} is refused with 413 (from its {@code Content-Length} before anything is read,
 * otherwise as soon as the read passes the limit), at most {@link #BODIES_IN_MEMORY} bodies are held at once (more
 * concurrent deliveries get 429: the poll still applies the commit, a webhook only makes it sooner), and nothing is
 * parsed before the signature verifies.
 */
@Path("/webhooks/github")
@Produces(MediaType.APPLICATION_JSON)
public final class GitHubWebhookResource {

    private static final Logger LOG = LoggerFactory.getLogger(GitHubWebhookResource.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Bounds the heap the endpoint can take to this many times the body limit, whatever Jetty's thread count. */
    static final int BODIES_IN_MEMORY = 2;

    private final Semaphore bodies = new Semaphore(BODIES_IN_MEMORY);
    private final int maxBodyBytes;

    private final WebhookSignature signature;
    private final String trackedRef;
    private final Runnable wakeFetch;

    /**
     * @param wakeFetch asks for a fetch and returns at once ({@link FetchLoop#wake()})
     */
    public GitHubWebhookResource(String secret, String branch, Runnable wakeFetch) {
        this(secret, branch, wakeFetch, WebhookBody.GITHUB_MAX_BYTES);
    }

    GitHubWebhookResource(String secret, String branch, Runnable wakeFetch, int maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
        this.signature = new WebhookSignature(secret);
        this.trackedRef = "refs/heads/" + branch;
        this.wakeFetch = wakeFetch;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response receive(@HeaderParam("X-Hub-Signature-256") String signatureHeader,
            @HeaderParam("X-GitHub-Event") String event, @HeaderParam("X-GitHub-Delivery") String delivery,
            @HeaderParam(HttpHeaders.CONTENT_LENGTH) String contentLength, InputStream body) {
        String deliveryId = loggable(delivery);
        if (WebhookBody.declaredTooLarge(contentLength, maxBodyBytes)) {
            return tooLarge(deliveryId);
        }
        if (!bodies.tryAcquire()) {
            return answer(Response.Status.TOO_MANY_REQUESTS, "refused", "other deliveries are being read; the next "
                    + "poll fetches the branch anyway");
        }
        try {
            Optional<byte[]> payload = WebhookBody.read(body, maxBodyBytes);
            return payload.isEmpty() ? tooLarge(deliveryId)
                    : verified(signatureHeader, event, deliveryId, payload.get());
        } catch (IOException e) {
            return answer(Response.Status.BAD_REQUEST, "refused", "the body could not be read to its end");
        } finally {
            bodies.release();
        }
    }

    private Response tooLarge(String delivery) {
        LOG.warn("Refused webhook delivery {}: body over {} bytes", delivery, maxBodyBytes);
        return answer(Response.Status.REQUEST_ENTITY_TOO_LARGE, "refused", "the body exceeds " + maxBodyBytes
                + " bytes, more than GitHub ever delivers");
    }

    private Response verified(String signatureHeader, String event, String delivery, byte[] payload) {
        if (!signature.verifies(signatureHeader, payload)) {
            LOG.warn("Refused webhook delivery {}: {} X-Hub-Signature-256", delivery,
                    signatureHeader == null ? "missing" : "wrong");
            return answer(Response.Status.UNAUTHORIZED, "refused", "X-Hub-Signature-256 is missing or does not "
                    + "match the body signed with the configured webhook secret");
        }
        if ("ping".equals(event)) {
            return answer(Response.Status.OK, "pong", "webhook secret verified");
        }
        if (!"push".equals(event)) {
            return answer(Response.Status.OK, "ignored", "event '" + event + "' is not a push; only pushes to "
                    + trackedRef + " trigger a fetch");
        }
        return push(payload, delivery);
    }

    private Response push(byte[] payload, String delivery) {
        String ref;
        try {
            JsonNode ref0 = JSON.readTree(payload).path("ref");
            ref = ref0.isTextual() ? ref0.asText() : "";
        } catch (IOException e) {
            return answer(Response.Status.BAD_REQUEST, "refused", "the push payload is not JSON; set the webhook's "
                    + "content type to application/json");
        }
        if (!trackedRef.equals(ref)) {
            return answer(Response.Status.OK, "ignored", "push to '" + ref + "', the service tracks " + trackedRef);
        }
        LOG.info("Webhook delivery {}: push to {}, fetching now", delivery, trackedRef);
        wakeFetch.run();
        return answer(Response.Status.ACCEPTED, "accepted", "push to " + trackedRef + ": fetch requested");
    }

    /** The delivery id as logged: the sender chooses it, so it must not forge log lines. */
    private static String loggable(String delivery) {
        if (delivery == null) {
            return "(no X-GitHub-Delivery)";
        }
        String safe = delivery.replaceAll("[^A-Za-z0-9._-]", "?");
        return safe.length() > 64 ? safe.substring(0, 64) + "..." : safe;
    }

    private static Response answer(Response.Status status, String result, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("result", result, "message", message)).build();
    }
}

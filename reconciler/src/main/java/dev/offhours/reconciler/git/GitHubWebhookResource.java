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
import java.io.IOException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /webhooks/github}: GitHub announces a push; a verified push to the tracked branch wakes the fetch loop
 * so the new commit is applied within seconds instead of at the next poll. Only requests whose
 * {@code X-Hub-Signature-256} verifies against the configured secret are considered (401 otherwise); the fetch
 * itself still reads the repository, so a forged body could at most cause an early fetch.
 */
@Path("/webhooks/github")
@Produces(MediaType.APPLICATION_JSON)
public final class GitHubWebhookResource {

    private static final Logger LOG = LoggerFactory.getLogger(GitHubWebhookResource.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final WebhookSignature signature;
    private final String trackedRef;
    private final Runnable wakeFetch;

    /**
     * @param wakeFetch asks for a fetch and returns at once ({@link FetchLoop#wake()})
     */
    public GitHubWebhookResource(String secret, String branch, Runnable wakeFetch) {
        this.signature = new WebhookSignature(secret);
        this.trackedRef = "refs/heads/" + branch;
        this.wakeFetch = wakeFetch;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response receive(@HeaderParam("X-Hub-Signature-256") String signatureHeader,
            @HeaderParam("X-GitHub-Event") String event, @HeaderParam("X-GitHub-Delivery") String delivery,
            byte[] body) {
        byte[] payload = body == null ? new byte[0] : body;
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

    private static Response answer(Response.Status status, String result, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("result", result, "message", message)).build();
    }
}

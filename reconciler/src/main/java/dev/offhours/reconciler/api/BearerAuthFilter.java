package dev.offhours.reconciler.api;

import dev.offhours.api.ErrorView;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Every {@code /v1} call but the OpenAPI document needs {@code Authorization: Bearer <token>}; without a valid one
 * the answer is 401 with {@code WWW-Authenticate: Bearer}. The dashboard's static files are public: they hold no
 * data, and the page asks for the token before its first call. Tokens are accepted only in the header (never in a
 * URL, which request logs would keep).
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION)
final class BearerAuthFilter implements ContainerRequestFilter {

    static final String CHALLENGE = "Bearer realm=\"offhours\"";
    private static final String PREFIX = "Bearer ";

    private final BearerTokens tokens;

    BearerAuthFilter(BearerTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        path = path.startsWith("/") ? path.substring(1) : path;
        if (!path.startsWith("v1/") || path.equals("v1/openapi.yaml")) {
            return;
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        String token = header != null && header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())
                ? header.substring(PREFIX.length()).trim() : null;
        if (!tokens.accepts(token)) {
            String message = token == null
                    ? "this call needs the header 'Authorization: Bearer <token>' with a token of this hub."
                    : "the bearer token is not one this hub accepts; ask its operators for a valid one.";
            request.abortWith(Response.status(401).header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE)
                    .type(MediaType.APPLICATION_JSON_TYPE).entity(new ErrorView(401, message)).build());
        }
    }
}

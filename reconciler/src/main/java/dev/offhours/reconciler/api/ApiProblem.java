package dev.offhours.reconciler.api;

import dev.offhours.api.ErrorView;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** A request the API refuses, answered with an {@link ErrorView} whose message says what would be valid. */
final class ApiProblem extends WebApplicationException {

    private ApiProblem(int status, String message) {
        super(message, Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorView(status, message)).build());
    }

    static ApiProblem badRequest(String message) {
        return new ApiProblem(400, message);
    }

    static ApiProblem notFound(String message) {
        return new ApiProblem(404, message);
    }

    static ApiProblem unavailable(String message) {
        return new ApiProblem(503, message);
    }
}

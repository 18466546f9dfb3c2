package dev.offhours.reconciler.api;

import dev.offhours.api.ErrorView;
import dev.offhours.core.port.StoreUnavailableException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/** A store that cannot answer now is a 503 the caller may retry, not a 500. */
final class StoreUnavailableMapper implements ExceptionMapper<StoreUnavailableException> {

    @Override
    public Response toResponse(StoreUnavailableException e) {
        return Response.status(503).header("Retry-After", "5").type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorView(503, "the hub's store cannot answer now; retry in a few seconds.")).build();
    }
}

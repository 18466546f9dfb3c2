package dev.offhours.reconciler.api;

import dev.offhours.api.ErrorView;
import dev.offhours.core.port.StoreRefusedException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A store that refuses (access denied, a missing table) answers the same on every retry: a 500 without Retry-After,
 * and the store's reason in the log for the operator (the caller only learns that the hub is misconfigured).
 */
final class StoreRefusedMapper implements ExceptionMapper<StoreRefusedException> {

    private static final Logger LOG = LoggerFactory.getLogger(StoreRefusedMapper.class);

    @Override
    public Response toResponse(StoreRefusedException e) {
        LOG.error("the hub's store refused a read ({}): {}", e.errorCode(), e.getMessage());
        return Response.status(500).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorView(500, "the hub's store refuses this read (" + e.errorCode() + "); retrying "
                        + "does not help until the hub's operator fixes its tables or role; the hub's log says how."))
                .build();
    }
}

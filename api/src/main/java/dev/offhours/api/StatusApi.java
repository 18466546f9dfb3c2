package dev.offhours.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** The reconciler's status, the health of every account and the resources left asleep without their opt-in tag. */
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
public interface StatusApi {

    /** Applied revision, conditions, last fetch, counts of schedules and targets by state. */
    @GET
    @Path("status")
    StatusView status();

    /** Health per account and region, ordered by account then region. */
    @GET
    @Path("accounts")
    PageView<AccountView> accounts(@QueryParam("cursor") String cursor, @QueryParam("limit") String limit);

    /** Resources that lost their opt-in tag while asleep (offhours no longer wakes them), by target key. */
    @GET
    @Path("orphans")
    PageView<OrphanView> orphans(@QueryParam("cursor") String cursor, @QueryParam("limit") String limit);
}

package dev.offhours.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** The inventory: every opted-in resource with its state and saved awake capacity. */
@Path("/v1/targets")
@Produces(MediaType.APPLICATION_JSON)
public interface TargetsApi {

    /**
     * Targets of one schedule (ordered by target key), or of one account and region (ordered by kind and name);
     * {@code state} narrows either.
     */
    @GET
    PageView<TargetView> list(@QueryParam("schedule") String schedule, @QueryParam("account") String account,
                              @QueryParam("region") String region, @QueryParam("state") String state,
                              @QueryParam("cursor") String cursor, @QueryParam("limit") String limit);
}

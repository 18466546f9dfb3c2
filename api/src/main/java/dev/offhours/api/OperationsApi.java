package dev.offhours.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** Operation records: what happened to each target at each transition. */
@Path("/v1/operations")
@Produces(MediaType.APPLICATION_JSON)
public interface OperationsApi {

    /**
     * Records of one target ({@code target}), of one transition of a schedule ({@code schedule}, {@code transition};
     * default: its last dispatched transition), or failures ({@code status=FAILED}); newest first.
     */
    @GET
    PageView<OperationView> list(@QueryParam("schedule") String schedule,
                                 @QueryParam("transition") String transition, @QueryParam("target") String target,
                                 @QueryParam("status") String status, @QueryParam("since") String since,
                                 @QueryParam("cursor") String cursor, @QueryParam("limit") String limit);

    /** Every record created since {@code since} (default: 7 days ago), newest first. */
    @GET
    @Path("latest")
    PageView<OperationView> latest(@QueryParam("since") String since, @QueryParam("cursor") String cursor,
                                   @QueryParam("limit") String limit);

    /** One record by the id the listings give; 404 when the hub has none. */
    @GET
    @Path("{id}")
    OperationView get(@PathParam("id") String id);
}

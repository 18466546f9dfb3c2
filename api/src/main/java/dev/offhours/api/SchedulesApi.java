package dev.offhours.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** The schedules of the applied revision. */
@Path("/v1/schedules")
@Produces(MediaType.APPLICATION_JSON)
public interface SchedulesApi {

    /** Every schedule, ordered by name. */
    @GET
    PageView<ScheduleView> list(@QueryParam("cursor") String cursor, @QueryParam("limit") String limit);

    /** One schedule with the result of its last transition; 404 for an unknown name. */
    @GET
    @Path("{name}")
    ScheduleView get(@PathParam("name") String name);
}

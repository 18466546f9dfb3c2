package dev.offhours.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** What putting the fleet to sleep saved: hours asleep, instance-hours avoided and their estimated cost. */
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
public interface SavingsApi {

    /** The last 7 days ({@code period=week}, the default) or 30 days ({@code period=month}) until now. */
    @GET
    @Path("savings")
    SavingsView savings(@QueryParam("period") String period);
}

package dev.offhours.reconciler.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The dashboard: one HTML page, a stylesheet and a script from this jar, no external network. Public (they hold no
 * data); the script asks for the bearer token and keeps it in the tab's sessionStorage only.
 */
@Path("/")
public final class DashboardResource {

    private static final String BASE = "/dev/offhours/reconciler/dashboard/";
    private static final Map<String, String> FILES = Map.of(
            "index.html", "text/html; charset=utf-8",
            "dashboard.css", "text/css; charset=utf-8",
            "dashboard.js", "text/javascript; charset=utf-8");
    private static final String POLICY = "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'";

    @GET
    public Response index() {
        return file("index.html");
    }

    @GET
    @Path("dashboard/{file}")
    public Response asset(@PathParam("file") String name) {
        return file(name);
    }

    private static Response file(String name) {
        String type = FILES.get(name);
        if (type == null) {
            return Response.status(404).type("text/plain").entity("no dashboard file " + name).build();
        }
        try (InputStream in = DashboardResource.class.getResourceAsStream(BASE + name)) {
            if (in == null) {
                throw new IllegalStateException("dashboard file " + name + " is missing from the jar");
            }
            return Response.ok(in.readAllBytes(), type).header("Content-Security-Policy", POLICY)
                    .header("X-Content-Type-Options", "nosniff").header("Cache-Control", "no-cache").build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read dashboard file " + name, e);
        }
    }
}

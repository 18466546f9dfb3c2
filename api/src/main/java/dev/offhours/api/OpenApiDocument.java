package dev.offhours.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The OpenAPI 3 document of this contract, served as is. */
@Path("/v1/openapi.yaml")
public interface OpenApiDocument {

    String MEDIA_TYPE = "application/yaml";
    String RESOURCE = "/dev/offhours/api/openapi.yaml";

    @GET
    @Produces(MEDIA_TYPE)
    String document();

    /** The document as shipped in this jar. */
    static String text() {
        try (InputStream in = OpenApiDocument.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the OpenAPI document " + RESOURCE + " is missing from the api jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the OpenAPI document " + RESOURCE, e);
        }
    }
}

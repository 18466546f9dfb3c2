package dev.offhours.reconciler.api;

import dev.offhours.api.OpenApiDocument;

/** Serves the api module's OpenAPI document as shipped. */
public final class OpenApiEndpoint implements OpenApiDocument {

    private final String text = OpenApiDocument.text();

    @Override
    public String document() {
        return text;
    }
}

package dev.offhours.api;

/** Body of every 4xx/5xx answer: the HTTP status and one sentence saying what went wrong or what is valid. */
public record ErrorView(int status, String message) {
}

/**
 * The read-only REST contract of the hub: JSON representations (records with ISO-8601 text for instants) and JAX-RS
 * interfaces under {@code /v1}, described by {@code openapi.yaml}. Every call needs {@code Authorization: Bearer
 * <token>} except the OpenAPI document.
 */
package dev.offhours.api;

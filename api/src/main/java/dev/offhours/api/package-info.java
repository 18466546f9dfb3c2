/**
 * The read-only REST contract of the hub (JSON representations and JAX-RS interfaces under {@code /v1}). Empty
 * until the status API issue lands; the module exists so that the dependency arrows of DESIGN.md section 2 hold.
 */
package dev.offhours.api;

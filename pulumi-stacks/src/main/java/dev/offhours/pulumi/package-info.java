/**
 * Pulumi Java programs for the hub and spoke accounts. Empty until the Pulumi issue lands.
 */
package dev.offhours.pulumi;

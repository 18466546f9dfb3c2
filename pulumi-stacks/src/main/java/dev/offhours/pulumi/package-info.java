/**
 * Pulumi Java programs for the hub account ({@link dev.offhours.pulumi.hub}) and the spoke accounts
 * ({@link dev.offhours.pulumi.spoke}). One shaded jar holds both; {@link dev.offhours.pulumi.StacksMain} picks the
 * program from the Pulumi project name ({@code offhours-hub} or {@code offhours-spoke}).
 */
package dev.offhours.pulumi;

/**
 * offhours on Pulumi Java: the components {@link dev.offhours.pulumi.hub.OffhoursHub} and
 * {@link dev.offhours.pulumi.spoke.OffhoursSpoke} (this module's plain jar is the library a Pulumi Java program
 * depends on), the two programs that use them from a stack configuration ({@code hub/}, {@code spoke/}), and the
 * offline preview ({@link dev.offhours.pulumi.preview}). One shaded jar holds both programs;
 * {@link dev.offhours.pulumi.StacksMain} picks the program from the Pulumi project name ({@code offhours-hub} or
 * {@code offhours-spoke}), or runs the preview when given {@code preview ...}.
 */
package dev.offhours.pulumi;

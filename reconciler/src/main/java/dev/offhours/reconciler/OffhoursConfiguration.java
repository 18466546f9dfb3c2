package dev.offhours.reconciler;

import io.dropwizard.core.Configuration;

/**
 * The service's configuration. Empty until the {@code server} command comes (a later issue); the CLI commands
 * {@code validate}, {@code describe} and {@code plan} need none.
 */
public class OffhoursConfiguration extends Configuration {
}

package dev.offhours.reconciler.lambda;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import dev.offhours.reconciler.service.CredentialLogGuard;
import org.slf4j.LoggerFactory;

/**
 * The function has no Dropwizard logging section, and logback without a configuration file logs everything at
 * DEBUG, the SDK's signed request headers included. So: INFO by default ({@code OFFHOURS_LOG_LEVEL} to change it), and
 * the service's guard that drops any event below INFO naming a credential, at every level.
 */
final class FunctionLogging {

    static final String LEVEL = "OFFHOURS_LOG_LEVEL";

    private FunctionLogging() {
    }

    static void configure(String level) {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.toLevel(level, Level.INFO));
        }
        CredentialLogGuard.install();
    }
}

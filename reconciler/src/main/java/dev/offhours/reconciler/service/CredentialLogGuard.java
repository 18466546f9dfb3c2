package dev.offhours.reconciler.service;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import java.util.List;
import java.util.Locale;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;

/**
 * Keeps credentials out of the logs whatever level a logger is turned to, the admin port's {@code log-level} task
 * included: the HTTP stacks print request headers at DEBUG ({@code Authorization: Bearer} of the status API, the
 * SigV4 {@code Authorization} and {@code X-Amz-Security-Token} of AWS calls). A turbo filter runs before any logger's
 * level, so a level change cannot get around it.
 *
 * <p>Below INFO, the packages that dump headers or wire bytes are silenced outright (a header can be split across
 * events, so looking at the text is not enough there), and any other event that mentions a credential header is
 * dropped. INFO and above pass untouched: no code logs a header value at those levels.
 */
public final class CredentialLogGuard extends TurboFilter {

    /** Loggers that print request headers or raw HTTP bytes at DEBUG or TRACE. */
    static final List<String> HEADER_DUMPERS = List.of("org.eclipse.jetty", "org.apache.hc.client5.http.wire",
            "org.apache.hc.client5.http.headers", "org.apache.http.wire", "org.apache.http.headers",
            "org.glassfish.jersey.logging", "software.amazon.awssdk.http", "org.eclipse.jgit.transport.http");

    private static final List<String> CREDENTIAL_WORDS = List.of("authorization", "bearer ", "x-amz-security-token",
            "x-hub-signature");

    /** Adds the guard to the running logging context once (configuring logging again drops it: call again). */
    public static void install() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context
                && context.getTurboFilterList().stream().noneMatch(CredentialLogGuard.class::isInstance)) {
            CredentialLogGuard guard = new CredentialLogGuard();
            guard.setContext(context);
            guard.start();
            context.addTurboFilter(guard);
        }
    }

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params,
            Throwable t) {
        if (level == null || level.isGreaterOrEqual(Level.INFO)) {
            return FilterReply.NEUTRAL;
        }
        String name = logger.getName();
        if (HEADER_DUMPERS.stream().anyMatch(prefix -> name.equals(prefix) || name.startsWith(prefix + "."))) {
            return FilterReply.DENY;
        }
        // the logger's own level (not isEnabledFor, which would call this filter again): skip the text of events
        // that would not be logged anyway
        if (!level.isGreaterOrEqual(logger.getEffectiveLevel())) {
            return FilterReply.NEUTRAL;
        }
        return mentionsCredential(format) || paramsMentionCredential(params) ? FilterReply.DENY : FilterReply.NEUTRAL;
    }

    private static boolean paramsMentionCredential(Object[] params) {
        if (params == null) {
            return false;
        }
        for (Object param : params) {
            if (param != null && mentionsCredential(String.valueOf(param))) {
                return true;
            }
        }
        return false;
    }

    private static boolean mentionsCredential(String text) {
        if (text == null) {
            return false;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        return CREDENTIAL_WORDS.stream().anyMatch(lower::contains);
    }
}

package dev.offhours.reconciler;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import io.dropwizard.logging.common.LoggingUtil;
import org.slf4j.LoggerFactory;

/**
 * Logging before a configuration is read: warnings and errors only, on standard error. Standard output belongs to
 * the commands' results (a plan is piped into a pull-request comment), and without this logback would log every
 * library's DEBUG lines to standard output. The {@code server} command replaces this with its configured logging.
 */
final class CliLogging {

    private CliLogging() {
    }

    static void quiet() {
        LoggingUtil.hijackJDKLogging();
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.detachAndStopAllAppenders();
        root.setLevel(Level.WARN);
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%level %logger{20}: %msg%n");
        encoder.start();
        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setName("cli-stderr");
        stderr.setTarget("System.err");
        stderr.setEncoder(encoder);
        stderr.start();
        root.addAppender(stderr);
    }
}

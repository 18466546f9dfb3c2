package dev.offhours.reconciler.service;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.jetty.HttpConnectorFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

/** No logger level lets a credential header through; the admin port is on loopback unless configured otherwise. */
class CredentialLogGuardTest {

    private final LoggerContext context = new LoggerContext();
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    CredentialLogGuardTest() {
        CredentialLogGuard guard = new CredentialLogGuard();
        guard.setContext(context);
        guard.start();
        context.addTurboFilter(guard);
        logged.setContext(context);
        logged.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.addAppender(logged);
        root.setLevel(Level.TRACE); // what the log-level task could set
    }

    @Test
    void headerDumpingLibrariesAreSilentBelowInfoWhateverTheirLevel() {
        for (String name : List.of("org.eclipse.jetty.http.HttpParser", "org.eclipse.jetty.server.Request",
                "org.apache.hc.client5.http.wire", "org.apache.hc.client5.http.headers")) {
            Logger logger = context.getLogger(name);
            logger.setLevel(Level.TRACE);
            logger.debug("parsedHeader header={}", "Bear"); // a header split over events: no word to look for
            logger.trace("bytes {}", "er s3cret");
        }
        assertThat(logged.list).isEmpty();
        context.getLogger("org.eclipse.jetty.server.Server").info("Started");
        assertThat(logged.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly("Started");
    }

    @Test
    void anyOtherDebugEventThatMentionsACredentialHeaderIsDropped() {
        Logger logger = context.getLogger("software.amazon.awssdk.request");
        logger.debug("Sending request with headers {}", "{Authorization=[AWS4-HMAC-SHA256 Credential=...]}");
        logger.debug("X-Amz-Security-Token: {}", "FwoGZXIvYXdzEJr");
        logger.trace("Authorization: Bearer s3cret");
        logger.debug("Received successful response: {}", 200);
        assertThat(logged.list).extracting(ILoggingEvent::getFormattedMessage)
                .containsExactly("Received successful response: 200");
    }

    @Test
    void anAdminConnectorWithoutABindHostListensOnLoopbackAndAChosenOneIsKept() {
        DefaultServerFactory defaults = new DefaultServerFactory();
        assertThat(AdminPort.loopbackUnlessSet(defaults)).isEqualTo(1);
        assertThat(((HttpConnectorFactory) defaults.getAdminConnectors().get(0)).getBindHost()).isEqualTo("127.0.0.1");

        DefaultServerFactory exposed = new DefaultServerFactory();
        ((HttpConnectorFactory) exposed.getAdminConnectors().get(0)).setBindHost("0.0.0.0");
        assertThat(AdminPort.loopbackUnlessSet(exposed)).isZero();
        assertThat(((HttpConnectorFactory) exposed.getAdminConnectors().get(0)).getBindHost()).isEqualTo("0.0.0.0");
    }
}
